import { expect, test, type Page } from '@playwright/test';
import type { ActivityDescriptor } from '../src/model/descriptors';
import { api, connect, createWorkflow, descriptors, dragFromPalette, node, selectNode, signIn } from './support/designer';
import { createNetSuiteConnection, netsuiteRecord, sinkRequests, testConnection } from './support/erp';

// The scenario with the product's own activities: approved time from an HR/time system
// arrives on a webhook, a JavaScript snippet maps it to a canonical time entry,
// finance.validateRateCard prices it against an inline rate card, a valid entry is upserted as a
// NetSuite time bill (through a netsuite connection pointing at the e2e sink, which plays NetSuite's
// record API and verifies the token-based-auth signature) and an invalid one is dead-lettered with
// the rule's reason. Everything is built and configured through the UI.

const CONNECTION = 'netsuite-e2e';

const PROJECT = {
  id: 'prj-acme',
  refs: [{ system: 'jira', id: 'ACME' }],
  name: 'Acme ERP rollout',
  currency: 'USD',
  status: 'open',
  rounding: { incrementMinutes: 15, method: 'up', scope: 'perLine' },
  dailyHourLimits: { soft: 9, hard: 10 },
};

const RATE_CARD = {
  id: 'acme-2026',
  currency: 'USD',
  versions: [{ effectiveFrom: '2026-01-01', lines: [{ rate: 150 }, { role: 'Architect', rate: 210 }] }],
};

/**
 * What the time system posts: approved worklogs, 7.5 h (valid) and 11 h in one day (invalid). The
 * ids are new per test execution, so the sink's NetSuite (shared by the whole session) and the
 * designer have never seen this workflow or these time bills.
 */
function scenarioData() {
  const run = Date.now() % 1_000_000_000;
  return {
    workflow: `time-to-netsuite-${run}`,
    valid: { worklogId: run, accountId: 'ada', project: 'ACME', date: '2026-03-02', seconds: 27_000, description: 'Mapping workshop' },
    invalid: { worklogId: run + 1, accountId: 'ada', project: 'ACME', date: '2026-03-03', seconds: 39_600, description: 'Go-live night' },
  };
}
const timeBill = (worklog: { worklogId: number }) => `timebill/tempo:${worklog.worklogId}`;
/** What reached the sink for a worklog's time bill (the external id arrives percent-encoded). */
const requestsFor = async (worklog: { worklogId: number }) =>
  (await sinkRequests()).filter((r) => decodeURIComponent(r.path) === `/services/rest/record/v1/${timeBill(worklog).replace('/', '/eid:')}`);

const MAPPING =
  "return { source: { system: 'tempo', id: String(input.worklogId) }, worker: { system: 'jira', id: input.accountId }, " +
  "project: { system: 'jira', id: input.project }, workDate: input.date, durationSeconds: input.seconds, approvalStatus: 'approved', description: input.description };";

function type(all: ActivityDescriptor[], id: string): ActivityDescriptor {
  const found = all.find((d) => d.type === id);
  if (!found) throw new Error(`The server does not register ${id}; the scenario needs it.`);
  return found;
}

/** Switches an input to an expression and types its JavaScript into the code editor. */
async function expression(page: Page, input: string, code: string) {
  const field = page.getByTestId(`field-${input}`);
  await field.getByRole('button', { name: /^Fixed/ }).click();
  await field.locator('.cm-content').click();
  await page.keyboard.insertText(code);
  await expect(field.locator('.cm-content')).toHaveText(code);
}

/** Runs the draft with a sample from the test-run tab; returns the test run's instance id. */
async function testRun(page: Page, sample: unknown, status: string): Promise<string> {
  const result = page.getByTestId('test-result');
  const previous = (await result.count()) > 0 ? await result.locator('code').textContent() : null;
  await page.getByLabel("Sample message (JSON, the trigger's input)").fill(JSON.stringify(sample));
  await page.getByRole('button', { name: 'Run test' }).click();
  // The result shown is this sample's run (a new instance), not the previous one.
  if (previous) await expect(result.locator('code')).not.toHaveText(previous, { timeout: 30_000 });
  await expect(result).toHaveAttribute('data-status', status, { timeout: 30_000 });
  return (await result.locator('code').textContent())!;
}

test('approved time is rate-card validated and posted to NetSuite once; invalid time is dead-lettered with the reason', async ({ page }) => {
  const { workflow, valid, invalid } = scenarioData();
  const all = await descriptors();
  const [hook, script, validate, post, park] = ['core.webhook', 'core.script', 'finance.validateRateCard', 'netsuite.upsertTimeBill', 'core.deadLetter'].map((t) => type(all, t));
  const ids = { hook: 'webhook', map: 'script', validate: 'validateRateCard', post: 'upsertTimeBill', park: 'deadLetter' };

  // The ERP connection exists before the workflow, as an administrator would set it up; the
  // connections page lists it with its secrets write-only.
  await createNetSuiteConnection(CONNECTION);
  expect(await testConnection(CONNECTION)).toMatchObject({ ok: true });
  // The sink checks signatures as NetSuite does: a wrong token secret is refused.
  await createNetSuiteConnection(`${CONNECTION}-wrong`, { tokenSecret: 'not-the-secret' });
  expect(await testConnection(`${CONNECTION}-wrong`)).toMatchObject({ ok: false, errorKind: expect.stringMatching(/configuration/i) });
  expect((await api('DELETE', `/connections/${CONNECTION}-wrong`)).status).toBe(204);
  await signIn(page);
  await page.getByRole('link', { name: 'Connections' }).click();
  const row = page.getByTestId('connection-row').filter({ has: page.getByRole('cell', { name: CONNECTION, exact: true }) });
  await expect(row).toContainText('netsuite');
  await expect(row).toContainText('netsuiteTba');
  await expect(row).toContainText('stored (write-only)');

  await page.getByRole('link', { name: 'Workflows' }).click();
  await createWorkflow(page, workflow, 'Approved time to NetSuite');

  await dragFromPalette(page, hook!.type, 120, 90);
  await dragFromPalette(page, script!.type, 360, 90);
  await dragFromPalette(page, validate!.type, 600, 90);
  await dragFromPalette(page, post!.type, 360, 270);
  await dragFromPalette(page, park!.type, 600, 270);
  for (const id of Object.values(ids)) await expect(node(page, id)).toBeVisible();

  // The rate-card check shows its two outcomes as ports; each goes its own way.
  await expect(page.getByTestId(`handle-${ids.validate}-valid`)).toBeVisible();
  await expect(page.getByTestId(`handle-${ids.validate}-invalid`)).toBeVisible();
  await connect(page, ids.hook, hook!.outcomes[0]!.name, ids.map);
  await connect(page, ids.map, script!.outcomes[0]!.name, ids.validate);
  await connect(page, ids.validate, 'valid', ids.post);
  await connect(page, ids.validate, 'invalid', ids.park);

  // Configure every activity through the property panel generated from its descriptor.
  await selectNode(page, ids.hook);
  await page.getByTestId('field-path').getByRole('textbox').fill('tempo/worklogs/approved');

  await selectNode(page, ids.map);
  await page.getByTestId('field-language').getByRole('combobox').selectOption('javascript');
  await page.getByTestId('field-code').locator('.cm-content').click();
  await page.keyboard.insertText(MAPPING);

  await selectNode(page, ids.validate);
  await page.getByTestId('field-project').getByRole('textbox').fill(JSON.stringify(PROJECT, null, 2));
  await page.getByTestId('field-rateCard').getByRole('textbox').fill(JSON.stringify(RATE_CARD, null, 2));

  await selectNode(page, ids.post);
  // The connection picker offers the connections the server has.
  const picker = page.getByTestId('field-connection').getByRole('combobox');
  await expect(page.getByTestId('field-connection').locator(`datalist option[value="${CONNECTION}"]`)).toHaveCount(1);
  await picker.fill(CONNECTION);
  await expression(page, 'entity', 'input.message');
  await expression(page, 'fields', '({ rate: input.lines[0].rate.amount })');

  await selectNode(page, ids.park);
  await expression(page, 'reason', "input.errors.map(e => e.rule + ': ' + e.message).join('; ')");

  await expect(page.getByTestId('problem-count')).toHaveText(/^0 errors/);
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();

  // Test run with the valid sample: priced at the card's rate and posted to NetSuite.
  await page.getByRole('tab', { name: 'Test run' }).click();
  await testRun(page, valid, 'completed');
  for (const id of [ids.hook, ids.map, ids.validate, ids.post]) await expect(page.getByTestId(`status-${id}`)).toHaveText(/Completed/);
  await expect(page.getByTestId(`status-${ids.park}`)).toHaveCount(0);
  await node(page, ids.map).click({ position: { x: 60, y: 12 } });
  await expect(page.getByTestId('inspector-output')).toContainText(`"id": "${valid.worklogId}"`);
  await expect(page.getByTestId('inspector-output')).toContainText('"durationSeconds": 27000');
  await node(page, ids.validate).click({ position: { x: 60, y: 12 } });
  const validated = page.getByTestId('inspector-output');
  await expect(validated).toContainText('"valid": true');
  await expect(validated).toContainText('"hours": 7.5');
  await expect(validated).toContainText('"amount": 1125');
  await node(page, ids.post).click({ position: { x: 60, y: 12 } });
  await expect(page.getByTestId('inspector-output')).toContainText(`"externalId": "tempo:${valid.worklogId}"`);
  await expect(page.getByTestId('inspector-output')).toContainText('"internalId"');

  await expect.poll(() => netsuiteRecord(timeBill(valid))).toMatchObject({ writes: 1, changes: 1 });
  const bill = (await netsuiteRecord(timeBill(valid)))!;
  expect(bill.fields).toMatchObject({
    externalId: `tempo:${valid.worklogId}`,
    employee: { externalId: 'jira:ada' },
    tranDate: '2026-03-02',
    hours: 7.5,
    rate: 150,
    isBillable: true,
    memo: 'Mapping workshop',
  });
  expect((bill.fields.hours as number) * (bill.fields.rate as number)).toBe(1125);

  // Pin the post's output: iterating on the flow again does not call the ERP.
  await node(page, ids.post).click({ position: { x: 60, y: 12 } });
  await page.getByRole('button', { name: 'Pin this output' }).click();
  await testRun(page, valid, 'completed');
  await expect(page.getByTestId(`status-${ids.post}`)).toHaveText(/Pinned output/);
  await expect(page.getByTestId(`status-${ids.validate}`)).toHaveText(/Completed/);
  expect(await netsuiteRecord(timeBill(valid))).toMatchObject({ writes: 1, changes: 1 });
  await node(page, ids.post).click({ position: { x: 60, y: 12 } });
  await page.getByRole('button', { name: 'Unpin output' }).click();

  // Test run with the invalid sample: 11 h in a day is above the project's hard limit, so the
  // entry is dead-lettered with the rule's reason and nothing reaches NetSuite.
  const parkedRun = await testRun(page, invalid, 'completed');
  await expect(page.getByTestId(`status-${ids.park}`)).toHaveText(/Dead.?lettered/i);
  await expect(page.getByTestId(`status-${ids.post}`)).toHaveCount(0);
  await node(page, ids.park).click({ position: { x: 60, y: 12 } });
  const reason = `hours.daily: Worker jira:ada logged 11 h on 2026-03-03, above the hard limit of 10 h.`;
  await expect(page.getByTestId('inspector-reason')).toHaveText(`Dead-lettered: ${reason}`);
  expect(await netsuiteRecord(timeBill(invalid))).toBeUndefined();
  expect(await requestsFor(invalid)).toEqual([]);

  // Save and publish.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published version 1.')).toBeVisible();

  // The published version gets the same worklog again (a redelivered webhook): the upsert by
  // external id reaches NetSuite again but creates and changes nothing.
  const rerun = await api<{ instance: { id: string; status: string } }>('POST', `/workflows/${workflow}/runs?wait=30`, valid);
  expect(rerun.json.instance.status).toBe('completed');
  expect(await netsuiteRecord(timeBill(valid))).toMatchObject({ writes: 2, changes: 1, fields: { hours: 7.5, rate: 150 } });
  const puts = await requestsFor(valid);
  expect(puts.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 204', 'PUT 204']);

  // The run is in the runs list; its view shows each node's status and the journal.
  await page.getByRole('link', { name: 'Runs of Approved time to NetSuite' }).click();
  await expect(page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible();
  const runRow = page.getByTestId('run-row').filter({ hasText: rerun.json.instance.id });
  await expect(runRow).toContainText('v1');
  await expect(runRow).toContainText('completed');
  await expect(page.getByTestId('run-row').filter({ hasText: 'draft (test run)' })).toHaveCount(3);
  await runRow.getByRole('link').click();
  await expect(page.getByTestId('run-status')).toHaveText('completed');
  await expect(page.getByTestId(`status-${ids.post}`)).toHaveText(/Completed/);
  await node(page, ids.post).click({ position: { x: 60, y: 12 } });
  await expect(page.getByTestId('inspector-output')).toContainText(`"externalId": "tempo:${valid.worklogId}"`);

  // The dead-letter list has the invalid entry with its reason; its run's journal shows the reason too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dead letters' }).click();
  await page.getByLabel('Workflow').fill(workflow);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const letter = page.getByRole('row').filter({ hasText: parkedRun });
  await expect(letter).toContainText(reason);
  await expect(letter).toContainText(ids.park);
  await letter.getByRole('link').click();
  await expect(page.getByTestId('run-status')).toHaveText('completed');
  await expect(page.getByTestId(`status-${ids.park}`)).toHaveText(/Dead-lettered/);
  await expect(page.getByTestId('journal-reason')).toHaveText(reason);
});
