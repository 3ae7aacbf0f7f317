// A run's journal, folded into what each node shows: its last status, and every entry (attempts,
// loop items) for the inspector.

import type { Json } from './definition';

export type JournalKind = 'completed' | 'attemptFailed' | 'faulted' | 'suspended' | 'deadLettered' | 'itemCompleted' | 'operator';

export interface ErrorInfo {
  message: string;
  kind: string;
  retryable: boolean;
}

export interface JournalEntry {
  sequence: number;
  kind: JournalKind;
  activityId: string;
  activityType: string;
  scope: string;
  attempt: number;
  startedAt: string;
  completedAt: string;
  input: Json | undefined;
  output: Json | undefined;
  outcomes: string[];
  error: ErrorInfo | null;
  itemIndex?: number | null;
}

export type NodeRunStatus = 'completed' | 'faulted' | 'retrying' | 'suspended' | 'deadLettered' | 'pinned';

export interface NodeRun {
  status: NodeRunStatus;
  /** The entry the status comes from: its input and output are what the inspector shows first. */
  last: JournalEntry;
  entries: JournalEntry[];
  durationMs: number;
}

const STATUS: Record<JournalKind, NodeRunStatus | null> = {
  completed: 'completed',
  itemCompleted: null,
  attemptFailed: 'retrying',
  faulted: 'faulted',
  suspended: 'suspended',
  deadLettered: 'deadLettered',
  operator: null,
};

export function summarizeJournal(journal: readonly JournalEntry[], pinned: readonly string[] = []): Map<string, NodeRun> {
  const pins = new Set(pinned);
  const runs = new Map<string, NodeRun>();
  const ordered = [...journal].sort((a, b) => a.sequence - b.sequence);
  for (const entry of ordered) {
    const status = STATUS[entry.kind];
    const current = runs.get(entry.activityId);
    const entries = current ? [...current.entries, entry] : [entry];
    const duration = Math.max(0, Date.parse(entry.completedAt) - Date.parse(entry.startedAt)) || 0;
    if (status === null) {
      if (current) runs.set(entry.activityId, { ...current, entries });
      continue;
    }
    // Inside a for-each the same node runs once per item; a failure anywhere wins over successes.
    const keepFailure = current?.status === 'faulted' && status === 'completed' && entry.scope !== '';
    runs.set(entry.activityId, {
      status: pins.has(entry.activityId) && status === 'completed' ? 'pinned' : keepFailure ? current!.status : status,
      last: keepFailure ? current!.last : entry,
      entries,
      durationMs: (current?.durationMs ?? 0) + duration,
    });
  }
  return runs;
}

/** What the dead-letter list says about one parked message: enough to name the run and the activity. */
export interface ParkedLetter {
  instanceId: string;
  activityId?: string | null;
  reason?: string | null;
}

/**
 * The reason each activity of one run parked its message. The journal records only the parked
 * message; the reason (what an operator needs first) is kept in the dead-letter list.
 */
export function parkedReasons(letters: readonly ParkedLetter[], instanceId: string): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const letter of letters) {
    if (letter.instanceId !== instanceId || !letter.activityId || !letter.reason) continue;
    const earlier = reasons.get(letter.activityId);
    // Inside a for-each one activity can park several items; show every distinct reason.
    if (earlier === undefined) reasons.set(letter.activityId, letter.reason);
    else if (!earlier.split('\n').includes(letter.reason)) reasons.set(letter.activityId, `${earlier}\n${letter.reason}`);
  }
  return reasons;
}

/** Whether a run parked anything, so the dead-letter list is worth asking. */
export function parkedAny(journal: readonly JournalEntry[]): boolean {
  return journal.some((e) => e.kind === 'deadLettered');
}
