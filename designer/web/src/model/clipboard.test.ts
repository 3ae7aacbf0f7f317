import { describe, expect, it } from 'vitest';
import { copySelection, isClip, pasteClip } from './clipboard';

const nodes = [
  { id: 'map', position: { x: 0, y: 0 }, data: { activity: { id: 'map', type: 'core.set', inputs: { template: { a: 1 } } } } },
  { id: 'post', position: { x: 300, y: 0 }, data: { activity: { id: 'post', type: 'http.request' } } },
];
const connections = [
  { from: 'hook', to: 'map' },
  { from: 'map', to: 'post' },
];

describe('copySelection', () => {
  it('keeps only connections inside the selection', () => {
    const clip = copySelection(nodes, connections);
    expect(clip.connections).toEqual([{ from: 'map', to: 'post' }]);
    expect(isClip(clip)).toBe(true);
    expect(isClip({ activities: [] })).toBe(false);
  });

  it('copies deeply: later edits of the original do not change the clip', () => {
    const clip = copySelection(nodes, connections);
    (nodes[0]!.data.activity.inputs!.template as { a: number }).a = 2;
    expect(clip.activities[0]!.inputs).toEqual({ template: { a: 1 } });
    (nodes[0]!.data.activity.inputs!.template as { a: number }).a = 1;
  });
});

describe('pasteClip', () => {
  it('renames pasted activities that collide and rewires their connections', () => {
    const pasted = pasteClip(copySelection(nodes, connections), new Set(['map', 'post', 'hook']), { x: 40, y: 40 });
    expect(pasted.activities.map((a) => a.id)).toEqual(['map2', 'post2']);
    expect(pasted.connections).toEqual([{ from: 'map2', to: 'post2' }]);
    expect(pasted.positions.post2).toEqual({ x: 340, y: 40 });
  });

  it('keeps ids that are free', () => {
    const pasted = pasteClip(copySelection(nodes, connections), new Set(['other']), { x: 0, y: 0 });
    expect(pasted.activities.map((a) => a.id)).toEqual(['map', 'post']);
  });
});
