// Auto-layout: a layered left-to-right drawing so that a workflow imported without positions, or
// one that grew messy, reads as a flow from its triggers. dagre does it well for the workflows
// people draw; its crossing minimisation grows faster than linearly, so above
// DAGRE_MAX_NODES a linear-time layering keeps opening a big workflow within the 1 s budget.

import dagre from '@dagrejs/dagre';
import type { Position } from './definition';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;
export const DAGRE_MAX_NODES = 120;
const NODE_GAP = 40;
const RANK_GAP = 80;

export interface LayoutInput {
  nodes: readonly { id: string; height?: number }[];
  edges: readonly { source: string; target: string }[];
}

export function autoLayout(graph: LayoutInput): Map<string, Position> {
  return graph.nodes.length > DAGRE_MAX_NODES ? layeredLayout(graph) : dagreLayout(graph);
}

export function dagreLayout(graph: LayoutInput): Map<string, Position> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: node.height ?? NODE_HEIGHT });
  graph.edges.forEach((edge, i) => {
    if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target, {}, `e${i}`);
  });
  dagre.layout(g);
  const positions = new Map<string, Position>();
  for (const node of graph.nodes) {
    const laid = g.node(node.id);
    // dagre gives centres; the canvas positions top-left corners.
    positions.set(node.id, { x: Math.round(laid.x - NODE_WIDTH / 2), y: Math.round(laid.y - (node.height ?? NODE_HEIGHT) / 2) });
  }
  return positions;
}

/**
 * Longest-path layering in O(nodes + edges): back edges of cycles are ignored, each node goes one
 * column right of its furthest predecessor, and each column is ordered by the average row of the
 * node's predecessors (one barycentre sweep) so branches stay near where they start.
 */
export function layeredLayout(graph: LayoutInput): Map<string, Position> {
  const ids = graph.nodes.map((n) => n.id);
  const known = new Set(ids);
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of graph.edges) if (known.has(e.source) && known.has(e.target) && e.source !== e.target) out.get(e.source)!.push(e.target);

  // Depth-first from the sources (then from anything left) to find the edges that close cycles.
  const state = new Map<string, 1 | 2>();
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  const incoming = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const targets of out.values()) for (const t of targets) incoming.set(t, incoming.get(t)! + 1);
  const roots = [...ids.filter((id) => incoming.get(id) === 0), ...ids];
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = out.get(top[0])!;
      if (top[1] < targets.length) {
        const next = targets[top[1]++]!;
        const seen = state.get(next);
        if (seen === 1) continue; // a back edge: drawing it backwards is fine, ranking by it is not
        forward.get(top[0])!.push(next);
        if (!seen) {
          state.set(next, 1);
          stack.push([next, 0]);
        }
      } else {
        state.set(top[0], 2);
        stack.pop();
      }
    }
  }

  // Ranks by Kahn's algorithm over the acyclic edges.
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const targets of forward.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const rank = new Map<string, number>(ids.map((id) => [id, 0]));
  const predecessors = new Map<string, string[]>(ids.map((id) => [id, []]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const t of forward.get(id)!) {
      rank.set(t, Math.max(rank.get(t)!, rank.get(id)! + 1));
      predecessors.get(t)!.push(id);
      indegree.set(t, indegree.get(t)! - 1);
      if (indegree.get(t) === 0) queue.push(t);
    }
  }

  const columns: string[][] = [];
  for (const id of ids) (columns[rank.get(id)!] ??= []).push(id);
  const row = new Map<string, number>();
  const heights = new Map(graph.nodes.map((n) => [n.id, n.height ?? NODE_HEIGHT]));
  const positions = new Map<string, Position>();
  columns.forEach((column, r) => {
    const keyed = column.map((id, i) => {
      const preds = predecessors.get(id)!;
      return { id, key: preds.length ? preds.reduce((sum, p) => sum + row.get(p)!, 0) / preds.length : i };
    });
    keyed.sort((a, b) => a.key - b.key);
    let y = 20;
    keyed.forEach(({ id }, i) => {
      row.set(id, i);
      positions.set(id, { x: 20 + r * (NODE_WIDTH + RANK_GAP), y });
      y += heights.get(id)! + NODE_GAP;
    });
  });
  return positions;
}

/** The node height used for layout: taller when a node shows several outcome ports. */
export function nodeHeight(outcomeCount: number): number {
  return Math.max(NODE_HEIGHT, 40 + outcomeCount * 20);
}
