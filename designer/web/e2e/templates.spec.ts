import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { api, node, signIn } from './support/designer';

// The gallery's parameter form, against the fixture template e2e/fixtures/templates/rate-sync
// (a rest connection, a JSON rate card, a cron, a time zone and a number).

const TITLE = 'Rate sync (test template)';

async function workflowIds(): Promise<string[]> {
  return (await api<{ id: string }[]>('GET', '/workflows')).json.map((w) => w.id).sort();
}

async function openForm(page: Page) {
  await signIn(page);
  await page.getByRole('button', { name: `Use template ${TITLE}` }).click();
  const dialog = page.getByRole('dialog', { name: `Use template: ${TITLE}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.beforeAll(async () => {
  const created = await api('POST', '/connections', {
    id: 'rates-api', type: 'rest', displayName: 'Rates API', baseUrl: 'https://rates.example.com/api/',
    auth: { kind: 'bearer', token: 'canary-template-token' },
  });
  expect([201, 409]).toContain(created.status);
});

test('a missing required parameter or a cron the scheduler refuses is shown next to its field, and nothing is created', async ({ page }) => {
  const before = await workflowIds();
  const dialog = await openForm(page);

  await dialog.getByLabel('Rates API connection').selectOption('rates-api');
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect(dialog.getByTestId('template-error-rateCard')).toHaveText('Rate card is required.');
  await expect(dialog.getByLabel('Rate card')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Rate card')).toBeFocused();

  // Six fields pass the form's own check; Quartz on the server refuses hour 25.
  await dialog.getByLabel('Rate card').fill('{ "id": "standard-2026", "currency": "EUR" }');
  await dialog.getByLabel('When to sync').fill('0 0 25 ? * *');
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect(dialog.getByTestId('template-error-cron')).toContainText(/cron/i);
  await expect(dialog.getByTestId('template-error-rateCard')).toHaveCount(0);

  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await workflowIds()).toEqual(before);
});

test('a template is imported through its parameter form and opens valid on the canvas', async ({ page }) => {
  const dialog = await openForm(page);
  await expect(dialog.getByText(/Quartz cron with seconds/)).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Create a rest connection' })).toHaveAttribute('href', '/connections');

  await dialog.getByLabel('Rates API connection').selectOption('rates-api');
  await dialog.getByLabel('Rate card').fill('{ "id": "standard-2026", "currency": "EUR", "versions": [] }');
  await dialog.getByLabel('When to sync').fill('0 0 7 ? * MON-FRI');
  await dialog.getByLabel('Rounding (minutes)').fill('6');
  await dialog.getByRole('button', { name: 'Create workflow' }).click();

  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  for (const id of ['schedule', 'fetch', 'log']) await expect(node(page, id)).toBeVisible();
  await expect(page.getByTestId('problem-count')).toHaveText(/^0 errors/);

  const saved = await api<{ definition: { activities: { id: string; inputs: Record<string, unknown> }[]; variables: Record<string, unknown> } }>('GET', '/workflows/template-rate-sync');
  const inputs = Object.fromEntries(saved.json.definition.activities.map((a) => [a.id, a.inputs]));
  expect(inputs.fetch?.connection).toBe('rates-api');
  expect(inputs.schedule?.cron).toBe('0 0 7 ? * MON-FRI');
  expect(saved.json.definition.variables).toEqual({ roundingMinutes: 6, rateCard: { id: 'standard-2026', currency: 'EUR', versions: [] } });
  expect(JSON.stringify(saved.json)).not.toContain('canary-template-token');
});
