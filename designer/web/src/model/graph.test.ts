import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from './definition';
import { definitionToGraph, graphToDefinition, newEdge, renameActivity, uniqueActivityId } from './graph';
import { descriptorIndex } from './testing/descriptors';

const definition: WorkflowDefinition = {
  schemaVersion: 1,
  id: 'time',
  version: 0,
  name: 'Approved time',
  description: 'Posts time',
  variables: { rateCardId: 'standard' },
  activities: [
    { id: 'hook', type: 'core.webhook', inputs: { path: 'jira/worklogs' } },
    { id: 'map', type: 'core.set', displayName: 'Map', inputs: { template: { id: '{{input.id}}' } } },
    { id: 'rate', type: 'core.branch', inputs: { condition: { expression: { language: 'csharp', code: 'Vars["x"] != null' } } }, retry: { maxAttempts: 3 } },
    { id: 'post', type: 'http.request' },
  ],
  connections: [
    { from: 'hook', to: 'map' },
    { from: 'map', outcome: 'done', to: 'rate' },
    { from: 'rate', outcome: 'true', to: 'post' },
  ],
  layout: { hook: { x: 0, y: 0 }, map: { x: 300, y: 0 }, rate: { x: 600, y: 0 }, post: { x: 900, y: 0 } },
};

describe('definitionToGraph', () => {
  it('makes one node per activity at its saved position, triggers as trigger nodes', () => {
    const graph = definitionToGraph(definition, descriptorIndex);
    expect(graph.nodes.map((n) => [n.id, n.type, n.position.x])).toEqual([
      ['hook', 'trigger', 0],
      ['map', 'activity', 300],
      ['rate', 'activity', 600],
      ['post', 'activity', 900],
    ]);
    expect(graph.needsLayout).toBe(false);
  });

  it('gives every edge the outcome handle it leaves from, the default outcome when none is named', () => {
    const graph = definitionToGraph(definition, descriptorIndex);
    expect(graph.edges.map((e) => [e.source, e.sourceHandle, e.target, e.data?.explicitOutcome])).toEqual([
      ['hook', 'done', 'map', false],
      ['map', 'done', 'rate', true],
      ['rate', 'true', 'post', true],
    ]);
  });

  it('asks for a layout when an activity has no saved position', () => {
    const { layout: _, ...withoutLayout } = definition;
    expect(definitionToGraph(withoutLayout, descriptorIndex).needsLayout).toBe(true);
  });

  it('keeps duplicated connections as separate edges with distinct ids', () => {
    const graph = definitionToGraph({ ...definition, connections: [...definition.connections, { from: 'hook', to: 'map' }] }, descriptorIndex);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(4);
  });
});

describe('graphToDefinition', () => {
  it('round-trips a definition unchanged', () => {
    expect(graphToDefinition(definitionToGraph(definition, descriptorIndex))).toEqual(definition);
  });

  it('writes the positions the nodes have now, rounded', () => {
    const graph = definitionToGraph(definition, descriptorIndex);
    graph.nodes[0] = { ...graph.nodes[0]!, position: { x: 10.4, y: -3.6 } };
    expect(graphToDefinition(graph).layout?.hook).toEqual({ x: 10, y: -4 });
  });

  it('names the outcome of a new connection only when the source has several', () => {
    const graph = definitionToGraph(definition, descriptorIndex);
    graph.edges.push(newEdge('map', 'done', 'post', 1), newEdge('rate', 'false', 'map', 2));
    const connections = graphToDefinition(graph).connections;
    expect(connections.slice(-2)).toEqual([
      { from: 'map', to: 'post' },
      { from: 'rate', outcome: 'false', to: 'map' },
    ]);
  });
});

describe('uniqueActivityId', () => {
  it('uses the last segment of the type, numbered when taken', () => {
    expect(uniqueActivityId('core.script', new Set())).toBe('script');
    expect(uniqueActivityId('core.script', new Set(['script', 'script2']))).toBe('script3');
  });
});

describe('renameActivity', () => {
  it('renames the node and every connection to and from it', () => {
    const graph = definitionToGraph(definition, descriptorIndex);
    const renamed = renameActivity(graph, 'map', 'toCanonical');
    expect(renamed.nodes.map((n) => n.id)).toContain('toCanonical');
    expect(renamed.nodes.find((n) => n.id === 'toCanonical')?.data.activity.id).toBe('toCanonical');
    expect(renamed.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['hook->toCanonical', 'toCanonical->rate', 'rate->post']);
  });
});
