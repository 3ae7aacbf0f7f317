import { expect, test } from '@playwright/test';
import { api, node, selectNode, signedInPage } from './support/designer';

const definition = {
  schemaVersion: 1,
  id: 'shared-edit',
  name: 'Edited by two people',
  activities: [
    { id: 'start', type: 'core.manual' },
    { id: 'reply', type: 'core.set', inputs: { template: { ok: true } } },
  ],
  connections: [{ from: 'start', to: 'reply' }],
};

test('a concurrent save is detected: the second editor chooses to reload or overwrite', async ({ browser }) => {
  expect((await api('POST', '/workflows', definition)).status).toBe(201);
  const alice = await signedInPage(browser);
  const bob = await signedInPage(browser);
  for (const page of [alice, bob]) {
    await page.goto('/workflows/shared-edit');
    await expect(node(page, 'reply')).toBeVisible();
  }

  // Alice renames the workflow and saves first.
  await alice.getByLabel('Name').fill('Alice was here');
  await alice.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(alice.getByTestId('save-state')).toHaveText('Saved');

  // Bob changes a display name and saves: the server refuses, Bob sees the choice.
  await selectNode(bob, 'reply');
  await bob.getByLabel('Display name').fill('Bob reply');
  await bob.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = bob.getByRole('dialog', { name: 'The draft was changed by someone else' });
  await expect(dialog).toBeVisible();
  expect((await api<{ definition: { name: string } }>('GET', '/workflows/shared-edit')).json.definition.name).toBe('Alice was here');

  // Reload shows Alice's version and drops Bob's unsaved edit.
  await dialog.getByRole('button', { name: 'Reload theirs' }).click();
  await expect(dialog).toBeHidden();
  await expect(bob.getByRole('heading', { name: 'Alice was here', level: 1 })).toBeVisible();
  await expect(node(bob, 'reply')).not.toContainText('Bob reply');

  // Alice saves again; Bob edits on the stale copy, and this time overwrites.
  await alice.getByLabel('Name').fill('Alice again');
  await alice.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(alice.getByTestId('save-state')).toHaveText('Saved');
  await selectNode(bob, 'reply');
  await bob.getByLabel('Display name').fill('Bob wins');
  await bob.getByRole('button', { name: 'Save', exact: true }).click();
  await bob.getByRole('dialog').getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(bob.getByTestId('save-state')).toHaveText('Saved');
  const saved = await api<{ definition: { name: string; activities: { id: string; displayName?: string }[] } }>('GET', '/workflows/shared-edit');
  expect(saved.json.definition.name).toBe('Alice was here');
  expect(saved.json.definition.activities.find((a) => a.id === 'reply')?.displayName).toBe('Bob wins');
});
