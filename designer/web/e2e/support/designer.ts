import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { ActivityDescriptor } from '../../src/model/descriptors';

export const url = () => process.env.DESIGNER_URL!;
export const key = () => process.env.DESIGNER_KEY!;
export const sinkUrl = () => process.env.SINK_URL!;

/** Calls the designer's API directly, as another client (or another person) would. */
export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: T; headers: Headers }> {
  const response = await fetch(`${url()}/api/v1${path}`, {
    method,
    headers: { 'X-Api-Key': key(), 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

export async function descriptors(): Promise<ActivityDescriptor[]> {
  return (await api<ActivityDescriptor[]>('GET', '/activity-types')).json;
}

/** Signs in through the sign-in form with the key the host wrote on first start. */
export async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('API key').fill(key());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Workflows', level: 1 })).toBeVisible();
}

export async function signedInPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  return page;
}

export async function createWorkflow(page: Page, id: string, name: string): Promise<void> {
  await page.getByLabel('Id', { exact: true }).fill(id);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Drags a palette item (found by its type id) onto the canvas at a point relative to the canvas. */
export async function dragFromPalette(page: Page, type: string, x: number, y: number): Promise<void> {
  const item = page.locator(`.palette-item[data-type="${type}"]`);
  await item.scrollIntoViewIfNeeded();
  await item.dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
}

export function node(page: Page, id: string): Locator {
  return page.getByTestId(`node-${id}`);
}

/** Draws a connection from an outcome handle to another node's input handle. */
export async function connect(page: Page, from: string, outcome: string, to: string): Promise<void> {
  const source = page.getByTestId(`handle-${from}-${outcome}`);
  const target = page.getByTestId(`handle-in-${to}`);
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.locator(`.react-flow__edge[data-id^="${from}:${outcome}->${to}"]`)).toHaveCount(1);
}

export async function selectNode(page: Page, id: string): Promise<void> {
  await node(page, id).click({ position: { x: 60, y: 12 } });
  await expect(page.getByRole('region', { name: `Properties of ${id}` })).toBeVisible();
}

/** A linear workflow of `count` activities for the performance test, built as JSON. */
export function bigWorkflow(id: string, count: number) {
  const activities: unknown[] = [{ id: 'start', type: 'core.manual' }];
  const connections: unknown[] = [];
  for (let i = 1; i < count; i++) {
    const branch = i % 10 === 5;
    activities.push(
      branch
        ? { id: `a${i}`, type: 'core.branch', inputs: { condition: true } }
        : { id: `a${i}`, type: 'core.set', inputs: { template: { step: i, note: `Step {{input.step}} of ${count}` } } },
    );
    const previous = i === 1 ? 'start' : `a${i - 1}`;
    const previousIsBranch = i > 1 && (i - 1) % 10 === 5;
    connections.push(previousIsBranch ? { from: previous, outcome: 'true', to: `a${i}` } : { from: previous, to: `a${i}` });
  }
  return { schemaVersion: 1, id, name: `Big workflow (${count})`, activities, connections };
}
