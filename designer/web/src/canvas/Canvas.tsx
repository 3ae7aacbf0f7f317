import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  reconnectEdge,
  useNodesInitialized,
  useReactFlow,
  type Connection as FlowConnection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { Position } from '../model/definition';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/layout';
import { newEdge, type ActivityFlowNode, type ConnectionFlowEdge } from '../model/graph';
import { nodeTypes } from '../nodes/nodeTypes';
import { DRAG_MIME } from './Palette';
import type { GraphState } from './useEditorGraph';

export interface CanvasProps {
  graph: GraphState;
  readOnly?: boolean;
  outcomeCount?: (nodeId: string) => number;
  update?: (fn: (g: GraphState) => GraphState) => void;
  commit?: (fn: (g: GraphState) => GraphState, coalesce?: { key: string; windowMs?: number }) => void;
  checkpoint?: () => void;
  onDropType?: (type: string, position: Position) => void;
  onRendered?: () => void;
}

const proOptions = { hideAttribution: true };
const defaultEdgeOptions = { type: 'smoothstep', interactionWidth: 16 };

/** The React Flow canvas. Editing callbacks are absent in read-only mode (the run view). */
export function Canvas({ graph, readOnly, outcomeCount, update, commit, checkpoint, onDropType, onRendered }: CanvasProps) {
  const flow = useReactFlow<ActivityFlowNode, ConnectionFlowEdge>();
  const initialized = useNodesInitialized();
  // An empty workflow has nothing to fit: later drops must land where they are dropped.
  const reported = useRef(graph.nodes.length === 0);
  const [fitOnMount] = useState(graph.nodes.length > 0);

  useEffect(() => {
    if (reported.current && graph.nodes.length === 0) onRendered?.();
    // Only on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (initialized && !reported.current) {
      reported.current = true;
      void flow.fitView({ padding: 0.15, maxZoom: 1.2 });
      requestAnimationFrame(() => onRendered?.());
    }
  }, [initialized, flow, onRendered]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => {
      if (!update || !commit) {
        // Read-only: selection only, so the inspector can follow it.
        const selection = changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
        if (selection.length && update) update((g) => ({ ...g, nodes: applyNodeChanges(selection, g.nodes) }));
        return;
      }
      const removes = changes.some((c) => c.type === 'remove');
      const dragEnd = changes.some((c) => c.type === 'position' && c.dragging === false);
      if (removes) commit((g) => ({ ...g, nodes: applyNodeChanges(changes, g.nodes) }), { key: 'delete', windowMs: 200 });
      else update((g) => ({ ...g, nodes: applyNodeChanges(changes, g.nodes) }));
      if (dragEnd) checkpoint?.();
    },
    [update, commit, checkpoint],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionFlowEdge>[]) => {
      if (!update) return;
      if (changes.some((c) => c.type === 'remove') && commit) commit((g) => ({ ...g, edges: applyEdgeChanges(changes, g.edges) }), { key: 'delete', windowMs: 200 });
      else update((g) => ({ ...g, edges: applyEdgeChanges(changes, g.edges) }));
    },
    [update, commit],
  );

  const onConnect = useCallback(
    (c: FlowConnection) => {
      if (!commit || !c.source || !c.target) return;
      const outcome = c.sourceHandle ?? 'done';
      commit((g) => {
        if (g.edges.some((e) => e.source === c.source && e.target === c.target && e.sourceHandle === outcome)) return g;
        return { ...g, edges: [...g.edges, newEdge(c.source, outcome, c.target, outcomeCount?.(c.source) ?? 1)] };
      });
    },
    [commit, outcomeCount],
  );

  const onReconnect = useCallback(
    (old: ConnectionFlowEdge, c: FlowConnection) => {
      commit?.((g) => {
        const replaced = reconnectEdge(old, c, g.edges, { shouldReplaceId: false }) as ConnectionFlowEdge[];
        const outcome = c.sourceHandle ?? 'done';
        return {
          ...g,
          edges: replaced.map((e) => (e.id === old.id ? { ...newEdge(c.source, outcome, c.target, outcomeCount?.(c.source) ?? 1), selected: e.selected ?? false } : e)),
        };
      });
    },
    [commit, outcomeCount],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const type = event.dataTransfer.getData(DRAG_MIME) || event.dataTransfer.getData('text/plain');
      if (!type || !onDropType) return;
      // The node's centre goes where the pointer is.
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      onDropType(type, { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 });
    },
    [flow, onDropType],
  );

  return (
    <div className="canvas" onDragOver={readOnly ? undefined : onDragOver} onDrop={readOnly ? undefined : onDrop} data-testid="canvas">
      <ReactFlow<ActivityFlowNode, ConnectionFlowEdge>
        nodes={graph.nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={readOnly ? undefined : onConnect}
        onReconnect={readOnly ? undefined : onReconnect}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        defaultEdgeOptions={defaultEdgeOptions}
        proOptions={proOptions}
        minZoom={0.1}
        maxZoom={2}
        fitView={fitOnMount}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter or Space to select this activity; arrow keys move it.' }}
      >
        <Background gap={16} />
        <MiniMap pannable zoomable ariaLabel="Overview of the workflow" />
        <Controls showInteractive={false} aria-label="Zoom controls" />
      </ReactFlow>
    </div>
  );
}
