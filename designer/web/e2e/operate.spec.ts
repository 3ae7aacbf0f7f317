import { expect, test } from '@playwright/test';
import { api, signIn } from './support/designer';

test('a faulted run shows where it failed and can be retried and cancelled', async ({ page }) => {
  await api('POST', '/workflows', {
    schemaVersion: 1, id: 'always-faults', name: 'Always faults',
    activities: [{ id: 'start', type: 'core.manual' }, { id: 'call', type: 'http.request', inputs: { url: 'http://127.0.0.1:9/refused' }, retry: { maxAttempts: 1 } }],
    connections: [{ from: 'start', to: 'call' }],
  });
  await api('POST', '/workflows/always-faults/publish');
  const run = await api<{ instance: { id: string; status: string } }>('POST', '/workflows/always-faults/runs?wait=30', {});
  expect(run.json.instance.status).toBe('faulted');

  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  await page.getByLabel('Status').selectOption('faulted');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByTestId('run-row').filter({ hasText: run.json.instance.id }).getByRole('link').click();
  await expect(page.getByTestId('run-status')).toHaveText('faulted');
  await expect(page.getByTestId('status-call')).toHaveText(/Faulted/);
  await expect(page.getByTestId('status-start')).toHaveText(/Completed/);

  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Retrying the run.')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('faulted', { timeout: 20_000 });
  await expect(page.getByRole('cell', { name: 'operator' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('cancelled');
});

test('dead letters are retried in bulk', async ({ page }) => {
  await api('POST', '/workflows', {
    schemaVersion: 1, id: 'parks', name: 'Parks messages',
    activities: [{ id: 'start', type: 'core.manual' }, { id: 'park', type: 'core.deadLetter', inputs: { reason: 'needs review' } }],
    connections: [{ from: 'start', to: 'park' }],
  });
  await api('POST', '/workflows/parks/publish');
  for (const n of [1, 2]) await api('POST', '/workflows/parks/runs?wait=30', { n });

  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dead letters' }).click();
  await page.getByLabel('Workflow').fill('parks');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'needs review' })).toHaveCount(2);
  await page.getByLabel('Select all').check();
  await page.getByRole('button', { name: 'Retry selected (2)' }).click();
  await expect(page.getByText('Retried 2.')).toBeVisible();
  const open = await api<{ items: unknown[] }>('GET', '/dead-letters?status=retried&workflow=parks');
  expect(open.json.items).toHaveLength(2);
});

test('a published schedule is listed with its time zone and next fire time', async ({ page }) => {
  await api('POST', '/workflows', {
    schemaVersion: 1, id: 'nightly-sync', name: 'Nightly sync',
    activities: [
      { id: 'nightly', type: 'core.schedule', inputs: { cron: '0 30 2 * * ?', timeZone: 'Europe/Berlin' } },
      { id: 'log', type: 'core.log', inputs: { message: 'sync' } },
    ],
    connections: [{ from: 'nightly', to: 'log' }],
  });
  await api('POST', '/workflows/nightly-sync/publish');
  // Publishing registers the schedule in the background; the page reads the list once.
  await expect.poll(async () => {
    const schedules = await api<{ items: { workflowId: string; nextFireTime?: string }[] }>('GET', '/schedules');
    return schedules.json.items.some((s) => s.workflowId === 'nightly-sync' && s.nextFireTime);
  }).toBe(true);

  await signIn(page);
  await page.getByRole('link', { name: 'Schedules' }).click();
  const row = page.getByTestId('schedule-row').filter({ hasText: 'nightly-sync' });
  await expect(row).toContainText('0 30 2 * * ?');
  await expect(row).toContainText('Europe/Berlin');
  await expect(row.getByRole('cell').last()).not.toHaveText('—');
});

test('connections are listed without their secrets', async ({ page }) => {
  await api('POST', '/connections', {
    id: 'erp-sandbox', type: 'rest', displayName: 'ERP sandbox', baseUrl: 'https://erp.example.com/api',
    auth: { kind: 'bearer', token: 'canary-secret-token' },
  });

  await signIn(page);
  await page.getByRole('link', { name: 'Connections' }).click();
  const row = page.getByTestId('connection-row').filter({ hasText: 'erp-sandbox' });
  await expect(row).toContainText('https://erp.example.com/api');
  await expect(row).toContainText('stored (write-only)');
  await expect(page.locator('body')).not.toContainText('canary-secret-token');
});
