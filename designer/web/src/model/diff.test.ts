import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from './definition';
import { describeChange, diffDefinitions, stableStringify } from './diff';

const v1: WorkflowDefinition = {
  schemaVersion: 1,
  id: 'w',
  name: 'W',
  variables: { a: 1 },
  activities: [
    { id: 'hook', type: 'core.webhook', inputs: { path: 'x' } },
    { id: 'map', type: 'core.set', inputs: { template: { a: 1, b: 2 } } },
    { id: 'old', type: 'core.set' },
  ],
  connections: [{ from: 'hook', to: 'map' }, { from: 'map', to: 'old' }],
  layout: { hook: { x: 0, y: 0 } },
};

describe('diffDefinitions', () => {
  it('reports nothing for the same workflow moved on the canvas or with keys in another order', () => {
    const moved = { ...v1, layout: { hook: { x: 500, y: 9 } }, activities: [v1.activities[0]!, { id: 'map', type: 'core.set', inputs: { template: { b: 2, a: 1 } } }, v1.activities[2]!] };
    expect(diffDefinitions(v1, moved)).toEqual([]);
  });

  it('lists added, removed and changed activities, connections and settings', () => {
    const v2: WorkflowDefinition = {
      ...v1,
      name: 'W2',
      activities: [
        { id: 'hook', type: 'core.webhook', inputs: { path: 'y' }, retry: { maxAttempts: 2 } },
        { id: 'map', type: 'core.set', inputs: { template: { a: 1, b: 2 } } },
        { id: 'post', type: 'http.request' },
      ],
      connections: [{ from: 'hook', to: 'map' }, { from: 'map', to: 'post' }],
    };
    expect(diffDefinitions(v1, v2).map(describeChange)).toEqual([
      'Changed workflow name',
      'Changed hook: inputs.path, retry',
      'Added post (http.request)',
      'Removed old (core.set)',
      'Connected map → post',
      'Disconnected map → old',
    ]);
  });
});

describe('stableStringify', () => {
  it('sorts keys and drops undefined members', () => {
    expect(stableStringify({ b: 1, a: { d: undefined, c: [2, 1] } })).toBe('{"a":{"c":[2,1]},"b":1}');
  });
});
