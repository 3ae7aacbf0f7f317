import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, parseImport } from './importer';
import { descriptorIndex } from './testing/descriptors';

const valid = { schemaVersion: 1, id: 'w', name: 'W', activities: [{ id: 'a', type: 'core.set' }], connections: [] };
const run = (value: unknown, size?: number) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return parseImport('file.json', text, size ?? text.length, descriptorIndex);
};

describe('parseImport', () => {
  it('accepts a workflow of this format with known activity types', () => {
    const result = run(valid);
    expect(result.ok && result.definition.id).toBe('w');
  });

  it('fills in missing connections', () => {
    const { connections: _, ...rest } = valid;
    const result = run(rest);
    expect(result.ok && result.definition.connections).toEqual([]);
  });

  it.each([
    ['broken JSON', '{ "schemaVersion": 1, ', /not valid JSON/],
    ['an array', '[1,2]', /JSON array, not an object/],
    ['a foreign document', { nodes: [], connections: {} }, /not a ServicesSync workflow: it has no "schemaVersion" and "activities"/],
    ['a newer format', { ...valid, schemaVersion: 2 }, /format version 2; this designer reads version 1/],
    ['no id', { ...valid, id: 3 }, /missing the workflow's "id" or "name"/],
    ['an activity without a type', { ...valid, activities: [{ id: 'a' }] }, /activity without a "type"/],
    ['unknown types', { ...valid, activities: [{ id: 'a', type: 'erp.post' }, { id: 'b', type: 'crm.sync' }] }, /does not have: crm\.sync, erp\.post/],
  ])('refuses %s with a message naming the problem', (_, value, message) => {
    const result = run(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/Nothing was imported\.$/);
    }
  });

  it('refuses a file over 5 MB before reading it', () => {
    const result = run(valid, MAX_IMPORT_BYTES + 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/file\.json is 5\.0 MB; a workflow file may be at most 5\.0 MB/);
  });
});
