import { expect, test, type Page } from '@playwright/test';
import { api, node, selectNode, signIn } from './support/designer';

async function open(page: Page, id: string, definition: object) {
  expect((await api('POST', '/workflows', { schemaVersion: 1, id, name: id, ...definition })).status).toBe(201);
  await signIn(page);
  await page.goto(`/workflows/${id}`);
}

const chain = {
  activities: [
    { id: 'start', type: 'core.manual' },
    { id: 'one', type: 'core.set', inputs: { template: { n: 1 } } },
    { id: 'two', type: 'core.set', inputs: { template: { n: 2 } } },
  ],
  connections: [{ from: 'start', to: 'one' }, { from: 'one', to: 'two' }],
};

test('delete, undo, redo, copy and paste with the keyboard', async ({ page }) => {
  await open(page, 'keys', chain);
  await selectNode(page, 'two');
  await page.getByTestId('canvas').press('Delete');
  await expect(node(page, 'two')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await page.keyboard.press('Control+z');
  await expect(node(page, 'two')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'two')).toHaveCount(0);
  await page.keyboard.press('Control+z');

  // Select two connected nodes, copy and paste: the copies keep their connection under new ids.
  await selectNode(page, 'one');
  await node(page, 'two').click({ position: { x: 60, y: 12 }, modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'one2')).toBeVisible();
  await expect(node(page, 'two2')).toBeVisible();
  await expect(page.locator('.react-flow__edge[data-id^="one2:done->two2"]')).toHaveCount(1);

  // Select all and auto-layout: nothing overlaps afterwards.
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    }

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = await api<{ definition: { activities: unknown[]; connections: unknown[]; layout: Record<string, unknown> } }>('GET', '/workflows/keys');
  expect(saved.json.definition.activities).toHaveLength(5);
  expect(saved.json.definition.connections).toHaveLength(3);
  expect(Object.keys(saved.json.definition.layout).sort()).toEqual(['one', 'one2', 'start', 'two', 'two2']);
});

test('an expression-capable input switches between a fixed value and an expression, with completion from the sample', async ({ page }) => {
  await open(page, 'expressions', chain);
  await page.getByRole('tab', { name: 'Test run' }).click();
  await page.getByLabel("Sample message (JSON, the trigger's input)").fill('{ "worker": { "id": "w-1" }, "hours": 8 }');
  await page.getByRole('tab', { name: 'Properties' }).click();
  await selectNode(page, 'one');
  const field = page.getByTestId('field-template');
  await field.getByRole('button', { name: /Fixed/ }).click();
  await expect(field.getByRole('button', { name: /Expression/ })).toHaveAttribute('aria-pressed', 'true');
  await field.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('input.wo');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('worker');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('({ n: input.n })');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = await api<{ definition: { activities: { id: string; inputs?: Record<string, unknown> }[] } }>('GET', '/workflows/expressions');
  expect(saved.json.definition.activities.find((a) => a.id === 'one')?.inputs?.template).toEqual({ expression: { language: 'javascript', code: '({ n: input.n })' } });
});

test('version history shows the differences from the draft and rolls the draft back', async ({ page }) => {
  await open(page, 'history', chain);
  expect((await api('POST', '/workflows/history/publish')).status).toBe(201);
  await page.reload();
  await selectNode(page, 'two');
  await page.getByLabel('Display name').fill('Second step');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('button', { name: 'Version 1' }).click();
  await expect(page.getByTestId('version-diff')).toContainText('Changed two: displayName');
  await page.getByRole('button', { name: 'Roll the draft back to version 1' }).click();
  await expect(page.getByTestId('version-diff')).toContainText('The draft is the same as version 1');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = await api<{ definition: { activities: { id: string; displayName?: string }[] } }>('GET', '/workflows/history');
  expect(saved.json.definition.activities.find((a) => a.id === 'two')?.displayName).toBeUndefined();
});

test('publishing is refused while the draft has errors', async ({ page }) => {
  await open(page, 'broken', { activities: [{ id: 'start', type: 'core.manual' }, { id: 'call', type: 'http.request' }], connections: [{ from: 'start', to: 'call' }] });
  await expect(page.getByTestId('problem-count')).toHaveText(/^1 error/);
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'call.url' }).click();
  await expect(page.getByRole('region', { name: 'Properties of call' })).toBeVisible();
  await page.getByTestId('field-url').getByRole('textbox').fill('http://127.0.0.1:9/x');
  await expect(page.getByTestId('problem-count')).toHaveText(/^0 errors/);
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
});

test('export downloads the draft as the JSON the server has', async ({ page }) => {
  await open(page, 'exported', chain);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('exported.json');
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8'));
  const saved = await api<{ definition: { activities: unknown[]; connections: unknown[] } }>('GET', '/workflows/exported');
  expect(exported.activities).toEqual(saved.json.definition.activities);
  expect(exported.connections).toEqual(saved.json.definition.connections);
  expect(Object.keys(exported.layout).sort()).toEqual(['one', 'start', 'two']);
});
