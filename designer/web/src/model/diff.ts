// What changed between two versions of a workflow, in terms a reviewer reads: activities added,
// removed or changed (which inputs), connections added or removed, and workflow settings.
// Positions on the canvas are not changes.

import type { ActivityNode, Connection, Json, WorkflowDefinition } from './definition';

export type Change =
  | { kind: 'activityAdded'; activityId: string; type: string }
  | { kind: 'activityRemoved'; activityId: string; type: string }
  | { kind: 'activityChanged'; activityId: string; fields: string[] }
  | { kind: 'connectionAdded'; connection: string }
  | { kind: 'connectionRemoved'; connection: string }
  | { kind: 'settingChanged'; field: string };

export function stableStringify(value: Json | undefined | unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

function describeConnection(c: Connection): string {
  return `${c.from}${c.outcome ? ` [${c.outcome}]` : ''} → ${c.to}`;
}

function activityFields(before: ActivityNode, after: ActivityNode): string[] {
  const fields: string[] = [];
  if (before.type !== after.type) fields.push('type');
  if (before.typeVersion !== after.typeVersion) fields.push('typeVersion');
  if (before.displayName !== after.displayName) fields.push('displayName');
  const names = new Set([...Object.keys(before.inputs ?? {}), ...Object.keys(after.inputs ?? {})]);
  for (const name of [...names].sort()) {
    if (stableStringify(before.inputs?.[name]) !== stableStringify(after.inputs?.[name])) fields.push(`inputs.${name}`);
  }
  if (stableStringify(before.retry) !== stableStringify(after.retry)) fields.push('retry');
  if (before.timeout !== after.timeout) fields.push('timeout');
  return fields;
}

export function diffDefinitions(before: WorkflowDefinition, after: WorkflowDefinition): Change[] {
  const changes: Change[] = [];
  for (const field of ['name', 'description', 'variables'] as const) {
    if (stableStringify(before[field]) !== stableStringify(after[field])) changes.push({ kind: 'settingChanged', field });
  }
  const beforeById = new Map(before.activities.map((a) => [a.id, a]));
  const afterById = new Map(after.activities.map((a) => [a.id, a]));
  for (const [id, activity] of afterById) {
    const old = beforeById.get(id);
    if (!old) changes.push({ kind: 'activityAdded', activityId: id, type: activity.type });
    else {
      const fields = activityFields(old, activity);
      if (fields.length > 0) changes.push({ kind: 'activityChanged', activityId: id, fields });
    }
  }
  for (const [id, activity] of beforeById) {
    if (!afterById.has(id)) changes.push({ kind: 'activityRemoved', activityId: id, type: activity.type });
  }
  const key = (c: Connection) => `${c.from}\u0000${c.outcome ?? ''}\u0000${c.to}`;
  const beforeConnections = new Map(before.connections.map((c) => [key(c), c]));
  const afterConnections = new Map(after.connections.map((c) => [key(c), c]));
  for (const [k, c] of afterConnections) if (!beforeConnections.has(k)) changes.push({ kind: 'connectionAdded', connection: describeConnection(c) });
  for (const [k, c] of beforeConnections) if (!afterConnections.has(k)) changes.push({ kind: 'connectionRemoved', connection: describeConnection(c) });
  return changes;
}

export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'activityAdded':
      return `Added ${change.activityId} (${change.type})`;
    case 'activityRemoved':
      return `Removed ${change.activityId} (${change.type})`;
    case 'activityChanged':
      return `Changed ${change.activityId}: ${change.fields.join(', ')}`;
    case 'connectionAdded':
      return `Connected ${change.connection}`;
    case 'connectionRemoved':
      return `Disconnected ${change.connection}`;
    case 'settingChanged':
      return `Changed workflow ${change.field}`;
  }
}
