// Definition ↔ canvas graph. The canvas holds React Flow nodes (one per activity, keyed by the
// activity id) and edges (one per connection, from an outcome handle). Converting back gives the
// same definition, so opening and saving a workflow without edits changes nothing.

import type { Edge, Node } from '@xyflow/react';
import type { ActivityNode, Connection, DefinitionMeta, Position, WorkflowDefinition } from './definition';
import { defaultOutcome, type DescriptorIndex } from './descriptors';

export interface ActivityNodeData extends Record<string, unknown> {
  activity: ActivityNode;
}

export interface ConnectionEdgeData extends Record<string, unknown> {
  /** Whether the saved connection names its outcome; false keeps an implied single outcome implied. */
  explicitOutcome: boolean;
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity' | 'trigger'>;
export type ConnectionFlowEdge = Edge<ConnectionEdgeData>;

export interface Graph {
  meta: DefinitionMeta;
  nodes: ActivityFlowNode[];
  edges: ConnectionFlowEdge[];
}

export function edgeId(from: string, outcome: string, to: string): string {
  return `${from}:${outcome}->${to}`;
}

export function nodeKind(type: string, descriptors: DescriptorIndex): 'activity' | 'trigger' {
  return descriptors.get(type)?.isTrigger ? 'trigger' : 'activity';
}

/** Activities without a saved position are placed at the origin; callers run auto-layout when `needsLayout` says so. */
export function definitionToGraph(definition: WorkflowDefinition, descriptors: DescriptorIndex): Graph & { needsLayout: boolean } {
  const { activities, connections, layout, ...meta } = definition;
  let needsLayout = false;
  const nodes: ActivityFlowNode[] = activities.map((activity) => {
    const saved = layout?.[activity.id];
    if (!saved) needsLayout = true;
    return {
      id: activity.id,
      type: nodeKind(activity.type, descriptors),
      position: saved ? { x: saved.x, y: saved.y } : { x: 0, y: 0 },
      data: { activity },
    };
  });
  const seen = new Set<string>();
  const edges: ConnectionFlowEdge[] = [];
  for (const connection of connections) {
    const source = activities.find((a) => a.id === connection.from);
    const outcome = connection.outcome ?? defaultOutcome(source ? descriptors.get(source.type) : undefined);
    let id = edgeId(connection.from, outcome, connection.to);
    // A duplicated connection is kept (validation reports it) but needs its own edge id.
    for (let n = 2; seen.has(id); n++) id = `${edgeId(connection.from, outcome, connection.to)}#${n}`;
    seen.add(id);
    edges.push({
      id,
      source: connection.from,
      target: connection.to,
      sourceHandle: outcome,
      data: { explicitOutcome: connection.outcome !== undefined },
    });
  }
  return { meta, nodes, edges, needsLayout };
}

export function graphToDefinition(graph: Graph): WorkflowDefinition {
  const layout: Record<string, Position> = {};
  const activities = graph.nodes.map((node) => {
    layout[node.id] = { x: Math.round(node.position.x), y: Math.round(node.position.y) };
    return node.data.activity;
  });
  const connections: Connection[] = graph.edges.map((edge) => {
    const connection: Connection = { from: edge.source, to: edge.target };
    if (edge.data?.explicitOutcome !== false && edge.sourceHandle) {
      return { from: edge.source, outcome: edge.sourceHandle, to: edge.target };
    }
    return connection;
  });
  return { ...graph.meta, activities, connections, layout };
}

/** A new edge drawn by the user: the outcome is written out when the source has more than one. */
export function newEdge(source: string, outcome: string, target: string, outcomeCount: number): ConnectionFlowEdge {
  return {
    id: edgeId(source, outcome, target),
    source,
    target,
    sourceHandle: outcome,
    data: { explicitOutcome: outcomeCount > 1 },
  };
}

/** A fresh activity id from the type's last segment: `script`, `script2`, … never one in use. */
export function uniqueActivityId(type: string, taken: ReadonlySet<string>): string {
  const base = (type.split('.').pop() ?? 'activity').replace(/[^A-Za-z0-9._-]/g, '') || 'activity';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Renames an activity everywhere it is referenced in the graph. */
export function renameActivity(graph: Pick<Graph, 'nodes' | 'edges'>, from: string, to: string): Pick<Graph, 'nodes' | 'edges'> {
  const nodes = graph.nodes.map((n) => (n.id === from ? { ...n, id: to, data: { activity: { ...n.data.activity, id: to } } } : n));
  const edges = graph.edges.map((e) => {
    if (e.source !== from && e.target !== from) return e;
    const source = e.source === from ? to : e.source;
    const target = e.target === from ? to : e.target;
    return { ...e, id: edgeId(source, e.sourceHandle ?? 'done', target), source, target };
  });
  return { nodes, edges };
}
