// Copy and paste of a selection: activities with their inner connections. Pasted activities get
// fresh ids so nothing collides with what is already on the canvas.

import type { ActivityNode, Connection, Position } from './definition';
import { uniqueActivityId } from './graph';

export interface Clip {
  kind: 'servicessync/activities';
  activities: ActivityNode[];
  connections: Connection[];
  positions: Record<string, Position>;
}

export function copySelection(
  nodes: readonly { id: string; position: Position; data: { activity: ActivityNode } }[],
  connections: readonly Connection[],
): Clip {
  const ids = new Set(nodes.map((n) => n.id));
  return {
    kind: 'servicessync/activities',
    activities: nodes.map((n) => structuredClone(n.data.activity)),
    connections: connections.filter((c) => ids.has(c.from) && ids.has(c.to)).map((c) => ({ ...c })),
    positions: Object.fromEntries(nodes.map((n) => [n.id, { ...n.position }])),
  };
}

export function isClip(value: unknown): value is Clip {
  return typeof value === 'object' && value !== null && (value as Clip).kind === 'servicessync/activities' && Array.isArray((value as Clip).activities);
}

export function pasteClip(clip: Clip, taken: ReadonlySet<string>, offset: Position): Clip {
  const used = new Set(taken);
  const renamed = new Map<string, string>();
  for (const activity of clip.activities) {
    const id = used.has(activity.id) ? uniqueActivityId(activity.id.replace(/\d+$/, '') || activity.type, used) : activity.id;
    used.add(id);
    renamed.set(activity.id, id);
  }
  return {
    kind: clip.kind,
    activities: clip.activities.map((a) => ({ ...structuredClone(a), id: renamed.get(a.id)! })),
    connections: clip.connections.map((c) => ({ ...c, from: renamed.get(c.from)!, to: renamed.get(c.to)! })),
    positions: Object.fromEntries(
      Object.entries(clip.positions).map(([id, p]) => [renamed.get(id)!, { x: p.x + offset.x, y: p.y + offset.y }]),
    ),
  };
}
