import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { api, node, signIn } from './support/designer';

const dir = mkdtempSync(join(tmpdir(), 'designer-import-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function workflowIds(): Promise<string[]> {
  return (await api<{ id: string }[]>('GET', '/workflows')).json.map((w) => w.id).sort();
}

test('a template is imported as a new workflow and its sample drives a test run', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Use template Approved time to ERP (test template)' }).click();
  await expect(page.getByRole('heading', { name: 'Approved time to ERP (test template)', level: 1 })).toBeVisible();
  for (const id of ['hook', 'map', 'check', 'post', 'suspense']) await expect(node(page, id)).toBeVisible();
  await expect(page.getByTestId('problem-count')).toHaveText(/^0 errors/);

  await page.getByRole('tab', { name: 'Test run' }).click();
  await page.getByLabel('Template sample').selectOption({ label: 'Approved time to ERP (test template): approved-entry' });
  await expect(page.getByLabel("Sample message (JSON, the trigger's input)")).toHaveValue(/w-1001/);
  await page.getByRole('button', { name: 'Run test' }).click();
  await expect(page.getByTestId('test-result')).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  await expect(page.getByTestId('status-post')).toHaveText(/Completed/);
  expect(await workflowIds()).toContain('template-time-to-erp');
});

test('a definition file is imported from the workflows page', async ({ page }) => {
  await signIn(page);
  const path = file('greet.json', JSON.stringify({
    schemaVersion: 1, id: 'imported-greet', name: 'Imported greeting',
    activities: [{ id: 'start', type: 'core.manual' }, { id: 'reply', type: 'core.set', inputs: { template: { hello: '{{input.name}}' } } }],
    connections: [{ from: 'start', to: 'reply' }],
  }));
  await page.getByTestId('import-file').setInputFiles(path);
  await expect(page.getByRole('heading', { name: 'Imported greeting', level: 1 })).toBeVisible();
  await expect(node(page, 'reply')).toBeVisible();
});

for (const [name, content, message] of [
  ['broken.json', '{ "schemaVersion": 1, "id": "x", ', /broken\.json is not valid JSON/],
  ['foreign.json', JSON.stringify({ nodes: [{ id: 1, type: 'n8n-nodes-base.start' }], connections: {} }), /foreign\.json is not a ServicesSync workflow/],
  ['unknown.json', JSON.stringify({ schemaVersion: 1, id: 'uses-unknown', name: 'Unknown', activities: [{ id: 'a', type: 'erp.postEverything' }], connections: [] }), /activity types this server does not have: erp\.postEverything/],
  ['newer.json', JSON.stringify({ schemaVersion: 2, id: 'newer', name: 'Newer', activities: [], connections: [] }), /format version 2/],
  ['huge.json', `{"schemaVersion":1,"id":"huge","name":"Huge","activities":[],"connections":[],"description":"${'x'.repeat(5.5 * 1024 * 1024)}"}`, /huge\.json is 5\.5 MB; a workflow file may be at most 5\.0 MB/],
] as const) {
  test(`an invalid import (${name}) is refused with a clear message and changes nothing`, async ({ page }) => {
    await signIn(page);
    const before = await workflowIds();
    await page.getByTestId('import-file').setInputFiles(file(name, content));
    const alert = page.getByTestId('workflows-message');
    await expect(alert).toHaveText(message);
    await expect(alert).toContainText('Nothing was imported.');
    expect(await workflowIds()).toEqual(before);
  });
}

test('an invalid import into an open workflow leaves the canvas as it was', async ({ page }) => {
  expect((await api('POST', '/workflows', { schemaVersion: 1, id: 'keep-me', name: 'Keep me', activities: [{ id: 'start', type: 'core.manual' }], connections: [] })).status).toBe(201);
  await signIn(page);
  await page.goto('/workflows/keep-me');
  await expect(node(page, 'start')).toBeVisible();
  await page.getByLabel('Import a workflow file').setInputFiles(file('unknown2.json', JSON.stringify({ schemaVersion: 1, id: 'z', name: 'Z', activities: [{ id: 'q', type: 'nope.nope' }] })));
  await expect(page.getByText(/activity types this server does not have: nope\.nope/)).toBeVisible();
  await expect(node(page, 'start')).toBeVisible();
  await expect(node(page, 'q')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
});
