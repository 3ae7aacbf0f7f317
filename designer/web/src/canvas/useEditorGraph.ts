import { useCallback, useRef, useState } from 'react';
import type { Graph } from '../model/graph';
import { canRedo, canUndo, createHistory, push, redo as redoHistory, undo as undoHistory, type History } from '../model/history';

/** What undo and redo restore: the workflow's settings and its graph. */
export type GraphState = Graph;

/**
 * The canvas graph with undo history. `update` changes what is drawn without a history entry
 * (drag frames, selection, measured sizes); `commit` is an edit a person would undo. Commits
 * with the same coalescing key shortly after each other (typing in one field, the node and edge
 * removals of one Delete) make one entry.
 */
export function useEditorGraph(initial: GraphState) {
  const [live, setLive] = useState(initial);
  const liveRef = useRef(initial);
  const historyRef = useRef<History<GraphState>>(createHistory(initial));
  const [revision, setVersion] = useState(0);
  const last = useRef<{ key: string; at: number } | null>(null);

  const show = (next: GraphState) => {
    liveRef.current = next;
    setLive(next);
  };

  const update = useCallback((fn: (g: GraphState) => GraphState) => show(fn(liveRef.current)), []);

  const commit = useCallback((fn: (g: GraphState) => GraphState, coalesce?: { key: string; windowMs?: number }) => {
    const next = fn(liveRef.current);
    const now = performance.now();
    const previous = last.current;
    const merge = coalesce && previous && previous.key === coalesce.key && now - previous.at < (coalesce.windowMs ?? 1000);
    historyRef.current = merge ? { ...historyRef.current, present: next } : push(historyRef.current, next);
    last.current = coalesce ? { key: coalesce.key, at: now } : null;
    show(next);
    setVersion((v) => v + 1);
  }, []);

  /** Records what is drawn now (after a drag) as one history entry. */
  const checkpoint = useCallback(() => {
    last.current = null;
    historyRef.current = push(historyRef.current, liveRef.current);
    setVersion((v) => v + 1);
  }, []);

  /** Starts over from `graph` (a reload or an import into an empty history is not undoable). */
  const reset = useCallback((graph: GraphState) => {
    historyRef.current = createHistory(graph);
    last.current = null;
    show(graph);
    setVersion((v) => v + 1);
  }, []);

  const undo = useCallback(() => {
    last.current = null;
    historyRef.current = undoHistory(historyRef.current);
    show(historyRef.current.present);
    setVersion((v) => v + 1);
  }, []);

  const redo = useCallback(() => {
    last.current = null;
    historyRef.current = redoHistory(historyRef.current);
    show(historyRef.current.present);
    setVersion((v) => v + 1);
  }, []);

  return {
    /** Changes with every history change (not with drag frames or selection). */
    revision,
    graph: live,
    graphRef: liveRef,
    update,
    commit,
    checkpoint,
    reset,
    undo,
    redo,
    canUndo: canUndo(historyRef.current),
    canRedo: canRedo(historyRef.current),
  };
}
