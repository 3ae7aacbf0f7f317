import { createServer } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { api, signIn, sinkUrl } from './support/designer';
import { netsuiteAccount } from './support/erp';

// The connections page as an administrator uses it. The NetSuite connection points at the e2e
// sink, which verifies every request's token-based-auth signature against all four secrets: a
// connection test that passes after an edit proves the secrets left empty were kept.

interface ConnectionView {
  id: string;
  baseUrl: string;
  displayName?: string;
  hasSecret: boolean;
}

/** A loopback port nothing listens on, so a connection to it is refused at once. */
async function closedPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

async function openConnections(page: Page) {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click();
  await expect(page.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
}

/** The connection form is a main screen too: no critical or serious axe violations. */
async function scan(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), screen).toEqual([]);
}

const row = (page: Page, id: string) => page.getByTestId('connection-row').filter({ has: page.getByRole('cell', { name: id, exact: true }) });

test('a connection is created, edited with its secrets kept, tested and deleted, and its secrets never reach the browser', async ({ page }) => {
  const id = `netsuite-ui-${Date.now() % 1_000_000_000}`;
  const { accountId, ...secrets } = netsuiteAccount();
  const secretValues = Object.values(secrets);
  // Everything the browser receives and every URL it asks for, to search for the secrets at the end.
  const received: Promise<string>[] = [];
  const apiResponses: string[] = [];
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('response', (r) => {
    if (r.url().includes('/api/v1/')) apiResponses.push(`${r.request().method()} ${new URL(r.url()).pathname}`);
    received.push(r.text().catch(() => ''));
  });

  await openConnections(page);
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('region', { name: 'New connection' });
  await form.getByLabel('Id', { exact: true }).fill(id);
  await form.getByLabel('Type', { exact: true }).selectOption('netsuite');
  await form.getByLabel('Display name').fill('NetSuite (from the UI)');
  // First a base URL where nothing answers: the test fails until the edit below fixes it.
  await form.getByLabel('Base URL').fill(`http://127.0.0.1:${await closedPort()}/`);
  await form.getByLabel('Authentication kind').selectOption('netsuiteTba');
  await form.getByLabel('Account id').fill(accountId);
  await form.getByLabel('Consumer key').fill(secrets.consumerKey);
  await form.getByLabel('Consumer secret').fill(secrets.consumerSecret);
  await form.getByLabel('Token id').fill(secrets.tokenId);
  await form.getByLabel('Token secret').fill(secrets.tokenSecret);
  await form.getByText('Resilience and properties').click();
  // A refused connection must fail the test at once, not after back-off.
  await form.getByLabel('Quick retries').fill('0');
  await form.getByRole('button', { name: 'Create' }).click();

  // Saved: the form now edits the stored connection, the secrets show as stored and the inputs are empty.
  const editor = page.getByRole('region', { name: `Edit connection ${id}` });
  await expect(editor).toBeVisible();
  await expect(row(page, id)).toContainText('netsuiteTba');
  await expect(row(page, id)).toContainText('stored (write-only)');
  for (const label of ['Consumer key', 'Consumer secret', 'Token id', 'Token secret']) {
    await expect(editor.getByLabel(label)).toHaveValue('');
  }
  await expect(editor.getByTestId('secret-stored-tokenSecret')).toHaveText('Stored — leave empty to keep.');
  await scan(page, 'connection editor');

  await editor.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-test-result')).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  await expect(page.getByTestId('connection-test-result')).toContainText('Connection failed:');

  // Point it at the sink and leave every secret empty: the server keeps the stored ones.
  await editor.getByLabel('Base URL').fill(`${sinkUrl()}/`);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, id)).toContainText(`${sinkUrl()}/`);
  const stored = await api<ConnectionView>('GET', `/connections/${id}`);
  expect(stored.json).toMatchObject({ baseUrl: `${sinkUrl()}/`, displayName: 'NetSuite (from the UI)', hasSecret: true });

  // The sink checks the HMAC-SHA256 signature made with all four secrets: a pass proves they were kept.
  await page.getByRole('region', { name: `Edit connection ${id}` }).getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-test-result')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('connection-test-result')).toContainText('Connection works: The record API answered 200');

  // Nowhere in the page: not in its text, its markup or any input's current value.
  const html = await page.content();
  const values = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  for (const secret of secretValues) {
    expect(html).not.toContain(secret);
    expect(values).not.toContain(secret);
  }

  await page.getByRole('region', { name: `Edit connection ${id}` }).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete connection ${id}?` });
  await confirm.getByRole('button', { name: 'Delete connection' }).click();
  await expect(row(page, id)).toHaveCount(0);
  expect((await api('GET', `/connections/${id}`)).status).toBe(404);

  // The page did talk to the connections API, and no answer it received carried a secret, nor any URL it asked for.
  expect(apiResponses).toEqual(expect.arrayContaining([`POST /api/v1/connections`, `PUT /api/v1/connections/${id}`, `POST /api/v1/connections/${id}/test`, `DELETE /api/v1/connections/${id}`]));
  const bodies = await Promise.all(received);
  for (const secret of secretValues) {
    expect(bodies.filter((b) => b.includes(secret))).toEqual([]);
    expect(urls.filter((u) => u.includes(secret))).toEqual([]);
  }
});

test('a problem shows next to its field, and a concurrent change offers reload or overwrite', async ({ page }) => {
  const id = `rest-ui-${Date.now() % 1_000_000_000}`;
  const created = await api('POST', '/connections', { id, type: 'rest', displayName: 'Sink', baseUrl: `${sinkUrl()}/v1/`, auth: { kind: 'bearer', token: 'bearer-canary-token' } });
  expect(created.status).toBe(201);

  await openConnections(page);
  await page.getByRole('button', { name: `Edit ${id}` }).click();
  const editor = page.getByRole('region', { name: `Edit connection ${id}` });
  await expect(editor.getByLabel('Token', { exact: true })).toHaveValue('');

  await editor.getByLabel('Base URL').fill('ftp://sink/');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByTestId('connection-field-baseUrl').locator('.error-text')).toHaveText('must be an absolute http:// or https:// URL.');
  await expect(editor.getByLabel('Base URL')).toHaveAttribute('aria-invalid', 'true');
  await scan(page, 'connection editor with a problem');

  // Someone else renames it meanwhile (their PUT keeps the token too).
  await editor.getByLabel('Base URL').fill(`${sinkUrl()}/v2/`);
  expect((await api('PUT', `/connections/${id}`, { type: 'rest', displayName: 'Renamed elsewhere', baseUrl: `${sinkUrl()}/v1/`, auth: { kind: 'bearer' } })).status).toBe(200);
  await editor.getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('dialog', { name: 'The connection was changed by someone else' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Reload theirs' }).click();
  await expect(editor.getByLabel('Display name')).toHaveValue('Renamed elsewhere');
  await expect(editor.getByLabel('Base URL')).toHaveValue(`${sinkUrl()}/v1/`);

  // Once more, and this time the change here wins.
  await editor.getByLabel('Base URL').fill(`${sinkUrl()}/v2/`);
  expect((await api('PUT', `/connections/${id}`, { type: 'rest', displayName: 'Renamed again', baseUrl: `${sinkUrl()}/v1/`, auth: { kind: 'bearer' } })).status).toBe(200);
  await editor.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('dialog', { name: 'The connection was changed by someone else' }).getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(row(page, id)).toContainText(`${sinkUrl()}/v2/`);
  const stored = await api<ConnectionView>('GET', `/connections/${id}`);
  expect(stored.json).toMatchObject({ baseUrl: `${sinkUrl()}/v2/`, displayName: 'Renamed elsewhere', hasSecret: true });
  await expect(page.locator('body')).not.toContainText('bearer-canary-token');
  expect((await api('DELETE', `/connections/${id}`)).status).toBe(204);
});
