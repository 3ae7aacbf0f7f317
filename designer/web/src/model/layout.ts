// Auto-layout: a layered left-to-right drawing (dagre) so that a workflow imported without
// positions, or one that grew messy, reads as a flow from its triggers.

import dagre from '@dagrejs/dagre';
import type { Position } from './definition';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;

export interface LayoutInput {
  nodes: readonly { id: string; height?: number }[];
  edges: readonly { source: string; target: string }[];
}

export function autoLayout(graph: LayoutInput): Map<string, Position> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
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

/** The node height used for layout: taller when a node shows several outcome ports. */
export function nodeHeight(outcomeCount: number): number {
  return Math.max(NODE_HEIGHT, 40 + outcomeCount * 20);
}
