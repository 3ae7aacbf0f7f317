import { expect, test } from '@playwright/test';
import type { ActivityDescriptor } from '../src/model/descriptors';
import { api, connect, createWorkflow, descriptors, dragFromPalette, node, selectNode, signIn, sinkUrl } from './support/designer';

// The scenario: a person builds "approved time → ERP" from the palette, configures it,
// test-runs it with a sample, saves, publishes, and finds its runs. The activity types are chosen
// from the descriptors the server publishes, never from names baked into the app:
//  - the HR trigger: a trigger with a `path` input (core.webhook until an HR trigger type exists);
//  - the mapping: core.script with a JavaScript snippet;
//  - the rate-card check: a two-outcome activity with a boolean input, given a JavaScript
//    expression (core.branch until finance.validateRateCard exists);
//  - the post to the ERP: an activity with `url` and `body` inputs (http.request), its body an
//    expression, against a local HTTP sink the tests start.

function pick(all: ActivityDescriptor[], predicate: (d: ActivityDescriptor) => boolean, what: string): ActivityDescriptor {
  const found = all.find(predicate);
  if (!found) throw new Error(`No registered activity type can serve as ${what}.`);
  return found;
}

test('build, configure, test-run, save, publish and find the runs of a time-to-ERP workflow', async ({ page }) => {
  const all = await descriptors();
  const trigger = pick(all, (d) => d.isTrigger && d.inputs.some((i) => i.name === 'path'), 'the HR trigger');
  const mapping = pick(all, (d) => d.inputs.some((i) => i.editor === 'code') && d.inputs.some((i) => i.options?.includes('javascript')), 'the script mapping');
  const check = pick(all, (d) => d.outcomes.length === 2 && d.inputs.some((i) => i.type === 'boolean'), 'the rate-card check');
  const post = pick(all, (d) => d.inputs.some((i) => i.name === 'url') && d.inputs.some((i) => i.name === 'body'), 'the post to the ERP');
  test.info().annotations.push({ type: 'activity types', description: [trigger, mapping, check, post].map((d) => d.type).join(', ') });

  await signIn(page);
  await createWorkflow(page, 'time-to-erp', 'Approved time to ERP');

  await dragFromPalette(page, trigger.type, 130, 120);
  await dragFromPalette(page, mapping.type, 380, 220);
  await dragFromPalette(page, check.type, 130, 380);
  await dragFromPalette(page, post.type, 380, 480);
  const ids = { hook: trigger.type.split('.').pop()!, map: mapping.type.split('.').pop()!, check: check.type.split('.').pop()!, post: post.type.split('.').pop()! };
  for (const id of Object.values(ids)) await expect(node(page, id)).toBeVisible();

  await connect(page, ids.hook, trigger.outcomes[0]!.name, ids.map);
  await connect(page, ids.map, mapping.outcomes[0]!.name, ids.check);
  await connect(page, ids.check, check.outcomes[0]!.name, ids.post);

  // Configure the inputs through the generated property panel.
  await selectNode(page, ids.hook);
  await page.getByTestId('field-path').getByRole('textbox').fill('hr/worklogs/approved');

  await selectNode(page, ids.map);
  const language = mapping.inputs.find((i) => i.options?.includes('javascript'))!;
  const code = mapping.inputs.find((i) => i.editor === 'code')!;
  await page.getByTestId(`field-${language.name}`).getByRole('combobox').selectOption('javascript');
  await page.getByTestId(`field-${code.name}`).locator('.cm-content').click();
  await page.keyboard.type('return { worker: input.worker, hours: input.hours, amount: input.hours * 150 };');

  await selectNode(page, ids.check);
  const condition = check.inputs.find((i) => i.type === 'boolean')!;
  const conditionField = page.getByTestId(`field-${condition.name}`);
  await conditionField.getByRole('button', { name: /Fixed/ }).click();
  await conditionField.locator('.cm-content').click();
  await page.keyboard.type('input.hours <= 10');

  await selectNode(page, ids.post);
  await page.getByTestId('field-method').getByRole('combobox').selectOption('post');
  await page.getByTestId('field-url').getByRole('textbox').fill(`${sinkUrl()}/erp/time-entries`);
  const body = page.getByTestId('field-body');
  await body.getByRole('button', { name: /Fixed/ }).click();
  await body.locator('.cm-content').click();
  await page.keyboard.type('input');

  // Validation follows the edits: no errors left, so publishing is allowed.
  await expect(page.getByTestId('problem-count')).toHaveText(/^0 errors/);
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();

  // Test run with a sample, then each node's output in the inspector.
  await page.getByRole('tab', { name: 'Test run' }).click();
  await page.getByLabel('Sample message (JSON, the trigger\'s input)').fill('{ "worker": "w-1001", "hours": 7.5 }');
  await page.getByRole('button', { name: 'Run test' }).click();
  await expect(page.getByTestId('test-result')).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  for (const id of Object.values(ids)) await expect(page.getByTestId(`status-${id}`)).toHaveText(/Completed/);

  await node(page, ids.map).click({ position: { x: 60, y: 12 } });
  await expect(page.getByTestId('inspector-output')).toContainText('"amount": 1125');
  await node(page, ids.post).click({ position: { x: 60, y: 12 } });
  await expect(page.getByTestId('inspector-output')).toContainText('erp-');

  const posted: { path: string; body: string }[] = await (await fetch(`${sinkUrl()}/requests`)).json();
  const entry = posted.find((r) => r.path === '/erp/time-entries');
  expect(JSON.parse(entry!.body)).toEqual({ worker: 'w-1001', hours: 7.5, amount: 1125 });

  // Pin the mapping's output: the next test run uses it instead of running the mapping.
  await node(page, ids.map).click({ position: { x: 60, y: 12 } });
  await page.getByRole('button', { name: 'Pin this output' }).click();
  await page.getByRole('button', { name: 'Run test' }).click();
  await expect(page.getByTestId(`status-${ids.map}`)).toHaveText(/Pinned output/);

  // Save, publish, and the saved draft is what the server has.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published version 1.')).toBeVisible();
  const saved = await api<{ definition: { activities: { id: string; inputs?: Record<string, unknown> }[]; connections: unknown[] } }>('GET', '/workflows/time-to-erp');
  expect(saved.json.definition.activities.map((a) => a.id).sort()).toEqual(Object.values(ids).sort());
  expect(saved.json.definition.connections).toHaveLength(3);

  // A run of the published version, started the way an outside system would, shows in the runs list.
  const run = await api<{ instance: { id: string; status: string } }>('POST', '/workflows/time-to-erp/runs?wait=30', { worker: 'w-2002', hours: 6 });
  expect(run.json.instance.status).toBe('completed');
  await page.getByRole('link', { name: 'Runs of Approved time to ERP' }).click();
  await expect(page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible();
  const row = page.getByTestId('run-row').filter({ hasText: run.json.instance.id });
  await expect(row).toContainText('v1');
  await expect(row).toContainText('completed');
  await expect(page.getByTestId('run-row').filter({ hasText: 'draft (test run)' }).first()).toBeVisible();

  // The run view: the diagram with each node's status and the journal.
  await row.getByRole('link').click();
  await expect(page.getByTestId('run-status')).toHaveText('completed');
  await expect(page.getByTestId(`status-${ids.post}`)).toHaveText(/Completed/);
  await expect(page.getByRole('heading', { name: 'Journal' })).toBeVisible();
});
