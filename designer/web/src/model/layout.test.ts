import { describe, expect, it } from 'vitest';
import { autoLayout, DAGRE_MAX_NODES, dagreLayout, layeredLayout, NODE_HEIGHT, NODE_WIDTH, nodeHeight, type LayoutInput } from './layout';
import type { Position } from './definition';

function overlaps(a: Position, b: Position) {
  return a.x < b.x + NODE_WIDTH && b.x < a.x + NODE_WIDTH && a.y < b.y + NODE_HEIGHT && b.y < a.y + NODE_HEIGHT;
}

function expectNoOverlap(positions: Map<string, Position>) {
  const list = [...positions.values()];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(overlaps(list[i]!, list[j]!)).toBe(false);
}

const tree = (count: number): LayoutInput => {
  const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}` }));
  return { nodes, edges: nodes.slice(1).map((n, i) => ({ source: `n${Math.floor(i / 2)}`, target: n.id })) };
};

describe.each([
  ['dagre', dagreLayout],
  ['layered', layeredLayout],
])('%s layout', (_, layout) => {
  it('places a chain left to right in order', () => {
    const positions = layout({ nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], edges: [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }] });
    expect(positions.get('a')!.x).toBeLessThan(positions.get('b')!.x);
    expect(positions.get('b')!.x).toBeLessThan(positions.get('c')!.x);
  });

  it('puts the two branches of a fork in one column without overlap', () => {
    const positions = layout({ nodes: [{ id: 'fork' }, { id: 'yes' }, { id: 'no' }], edges: [{ source: 'fork', target: 'yes' }, { source: 'fork', target: 'no' }] });
    expect(positions.get('yes')!.x).toBe(positions.get('no')!.x);
    expectNoOverlap(positions);
  });

  it('places a join after both of its branches', () => {
    const positions = layout({
      nodes: [{ id: 's' }, { id: 'a' }, { id: 'b' }, { id: 'long' }, { id: 'join' }],
      edges: [{ source: 's', target: 'a' }, { source: 's', target: 'b' }, { source: 'b', target: 'long' }, { source: 'a', target: 'join' }, { source: 'long', target: 'join' }],
    });
    expect(positions.get('join')!.x).toBeGreaterThan(positions.get('long')!.x);
  });

  it('survives a cycle and edges to nodes that are not in the graph', () => {
    const positions = layout({ nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }, { source: 'a', target: 'ghost' }] });
    expect(positions.size).toBe(2);
    expectNoOverlap(positions);
  });

  it('gives every node of a 200-node tree its own place', () => {
    const positions = layout(tree(200));
    expect(positions.size).toBe(200);
    expectNoOverlap(positions);
  });
});

describe('autoLayout', () => {
  it('uses dagre for workflows people draw and the linear layering for large ones', () => {
    expect(autoLayout(tree(DAGRE_MAX_NODES))).toEqual(dagreLayout(tree(DAGRE_MAX_NODES)));
    expect(autoLayout(tree(DAGRE_MAX_NODES + 1))).toEqual(layeredLayout(tree(DAGRE_MAX_NODES + 1)));
  });

  it('lays out 1,000 activities in well under the open budget', () => {
    const started = performance.now();
    layeredLayout(tree(1000));
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('makes room for nodes with many outcomes', () => {
    expect(nodeHeight(1)).toBe(NODE_HEIGHT);
    expect(nodeHeight(5)).toBeGreaterThan(NODE_HEIGHT);
  });
});
