import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { api, key, node, selectNode, signIn } from './support/designer';

// axe scans of the main screens: no critical or serious violations.
async function scan(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const critical = results.violations.filter((v) => v.impact === 'critical');
  const serious = results.violations.filter((v) => v.impact === 'serious');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), screen).toEqual([]);
  expect(critical.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), screen).toEqual([]);
}

test('the main screens have no critical or serious accessibility violations', async ({ page }) => {
  await api('POST', '/workflows', {
    schemaVersion: 1, id: 'a11y', name: 'Accessibility check',
    activities: [{ id: 'start', type: 'core.manual' }, { id: 'check', type: 'core.branch', inputs: { condition: true } }, { id: 'call', type: 'http.request' }],
    connections: [{ from: 'start', to: 'check' }, { from: 'check', outcome: 'true', to: 'call' }],
  });
  await page.goto('/');
  await scan(page, 'sign-in');
  await signIn(page);
  await scan(page, 'workflows');

  await page.goto('/workflows/a11y');
  await expect(node(page, 'call')).toBeVisible();
  await scan(page, 'editor');
  await selectNode(page, 'call');
  await scan(page, 'editor with properties');
  await page.getByRole('tab', { name: 'Test run' }).click();
  await scan(page, 'editor test run');
  await page.getByRole('tab', { name: 'Versions' }).click();
  await scan(page, 'editor versions');

  for (const [link, heading] of [['Runs', 'Runs'], ['Dead letters', 'Dead letters'], ['Schedules', 'Schedules'], ['Connections', 'Connections']] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await scan(page, heading);
  }

  await api('POST', '/workflows', { schemaVersion: 1, id: 'a11y-run', name: 'Runs once', activities: [{ id: 'start', type: 'core.manual' }, { id: 'log', type: 'core.log', inputs: { message: 'hi' } }], connections: [{ from: 'start', to: 'log' }] });
  await api('POST', '/workflows/a11y-run/publish');
  const run = await api<{ instance: { id: string } }>('POST', '/workflows/a11y-run/runs?wait=30', {});
  await page.goto(`/runs/${run.json.instance.id}`);
  await expect(page.getByTestId('status-log')).toHaveText(/Completed/);
  await scan(page, 'run view');
});

test('the editor is usable from the keyboard: add, select and edit an activity without a mouse', async ({ page }) => {
  await api('POST', '/workflows', { schemaVersion: 1, id: 'keyboard', name: 'Keyboard only', activities: [], connections: [] });
  await page.goto('/');
  await page.getByLabel('API key').focus();
  await page.keyboard.type(key());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Workflows', level: 1 })).toBeVisible();
  await page.goto('/workflows/keyboard');

  // Search the palette, Tab to the first match, Enter adds it.
  await page.getByLabel('Search activities').focus();
  await page.keyboard.type('manual');
  await page.keyboard.press('Tab');
  await expect(page.locator('.palette-item:focus')).toHaveAttribute('data-type', 'core.manual');
  await page.keyboard.press('Enter');
  await expect(node(page, 'manual')).toBeVisible();

  // The new activity is selected and its properties are reachable with Tab.
  const name = page.getByLabel('Display name');
  await name.focus();
  await page.keyboard.type('Start by hand');
  await expect(node(page, 'manual')).toContainText('Start by hand');

  // Canvas nodes take focus and Enter selects them (React Flow's keyboard support).
  await page.getByRole('tab', { name: 'Properties' }).focus();
  await page.locator('.react-flow__node').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Properties of manual' })).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
});
