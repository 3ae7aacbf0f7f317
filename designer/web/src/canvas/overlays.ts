// Per-node decorations that change without being part of the workflow: validation badges and
// test-run status. Kept outside the React Flow node data so they never enter undo history, and
// read per node with useSyncExternalStore so one node's change re-renders that node alone.

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { NodeRun } from '../model/journal';
import type { NodeProblems } from '../model/validation';

export interface NodeOverlay {
  problems?: NodeProblems;
  run?: NodeRun;
  pinned?: boolean;
}

export class OverlayStore {
  private overlays = new Map<string, NodeOverlay>();
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(id: string): NodeOverlay | undefined {
    return this.overlays.get(id);
  }

  /** Replaces one facet for every node; unchanged nodes keep the same object, so they do not re-render. */
  setFacet<K extends keyof NodeOverlay>(facet: K, values: ReadonlyMap<string, NodeOverlay[K]>): void {
    const ids = new Set([...this.overlays.keys(), ...values.keys()]);
    let changed = false;
    for (const id of ids) {
      const current = this.overlays.get(id) ?? {};
      const value = values.get(id);
      if (current[facet] === value) continue;
      changed = true;
      this.overlays.set(id, { ...current, [facet]: value });
    }
    if (changed) this.listeners.forEach((l) => l());
  }
}

export const OverlayContext = createContext<OverlayStore>(new OverlayStore());

export function useOverlay(id: string): NodeOverlay | undefined {
  const store = useContext(OverlayContext);
  return useSyncExternalStore(store.subscribe, () => store.get(id));
}
