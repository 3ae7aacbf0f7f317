import { describe, expect, it } from 'vitest';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH, nodeHeight } from './layout';

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }) {
  return a.x < b.x + NODE_WIDTH && b.x < a.x + NODE_WIDTH && a.y < b.y + NODE_HEIGHT && b.y < a.y + NODE_HEIGHT;
}

describe('autoLayout', () => {
  it('places a chain left to right in order', () => {
    const positions = autoLayout({ nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], edges: [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }] });
    expect(positions.get('a')!.x).toBeLessThan(positions.get('b')!.x);
    expect(positions.get('b')!.x).toBeLessThan(positions.get('c')!.x);
  });

  it('puts the two branches of a fork in one column without overlap', () => {
    const positions = autoLayout({
      nodes: [{ id: 'fork' }, { id: 'yes' }, { id: 'no' }],
      edges: [{ source: 'fork', target: 'yes' }, { source: 'fork', target: 'no' }],
    });
    expect(positions.get('yes')!.x).toBe(positions.get('no')!.x);
    expect(overlaps(positions.get('yes')!, positions.get('no')!)).toBe(false);
  });

  it('gives every node of a 200-node graph a distinct, non-overlapping place', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}` }));
    const edges = nodes.slice(1).map((n, i) => ({ source: `n${Math.floor(i / 2)}`, target: n.id }));
    const positions = [...autoLayout({ nodes, edges }).values()];
    expect(positions).toHaveLength(200);
    for (let i = 0; i < positions.length; i++) for (let j = i + 1; j < positions.length; j++) expect(overlaps(positions[i]!, positions[j]!)).toBe(false);
  });

  it('ignores edges to nodes that are not in the graph', () => {
    expect(() => autoLayout({ nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'ghost' }] })).not.toThrow();
  });

  it('makes room for nodes with many outcomes', () => {
    expect(nodeHeight(1)).toBe(NODE_HEIGHT);
    expect(nodeHeight(5)).toBeGreaterThan(NODE_HEIGHT);
  });
});
