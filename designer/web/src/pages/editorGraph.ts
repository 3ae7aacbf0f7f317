import type { WorkflowDefinition } from '../model/definition';
import type { DescriptorIndex } from '../model/descriptors';
import { definitionToGraph, type Graph } from '../model/graph';
import { autoLayout, nodeHeight } from '../model/layout';

/** The canvas graph of a definition, laid out automatically when it has no saved positions. */
export function graphOf(definition: WorkflowDefinition, descriptors: DescriptorIndex): Graph {
  const { needsLayout, ...graph } = definitionToGraph(definition, descriptors);
  return needsLayout ? withLayout(graph, descriptors) : graph;
}

export function withLayout(graph: Graph, descriptors: DescriptorIndex, onlySelected = false): Graph {
  const positions = autoLayout({
    nodes: graph.nodes.map((n) => ({ id: n.id, height: nodeHeight(descriptors.get(n.data.activity.type)?.outcomes.length ?? 1) })),
    edges: graph.edges,
  });
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (onlySelected && !n.selected ? n : { ...n, position: positions.get(n.id) ?? n.position })),
  };
}
