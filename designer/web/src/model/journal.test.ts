import { describe, expect, it } from 'vitest';
import { summarizeJournal, type JournalEntry } from './journal';

let sequence = 0;
const entry = (activityId: string, kind: JournalEntry['kind'], extra: Partial<JournalEntry> = {}): JournalEntry => ({
  sequence: sequence++,
  kind,
  activityId,
  activityType: 'core.set',
  scope: '',
  attempt: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  completedAt: '2026-01-01T00:00:00.020Z',
  input: { in: activityId },
  output: { out: activityId },
  outcomes: ['done'],
  error: null,
  ...extra,
});

describe('summarizeJournal', () => {
  it('gives each activity the status of its last entry, with every entry kept', () => {
    const runs = summarizeJournal([
      entry('hook', 'completed'),
      entry('post', 'attemptFailed', { error: { message: 'timeout', kind: 'transient', retryable: true } }),
      entry('post', 'completed', { attempt: 2 }),
      entry('park', 'deadLettered'),
    ]);
    expect(runs.get('hook')?.status).toBe('completed');
    expect(runs.get('post')?.status).toBe('completed');
    expect(runs.get('post')?.entries).toHaveLength(2);
    expect(runs.get('post')?.last.attempt).toBe(2);
    expect(runs.get('post')?.durationMs).toBe(40);
    expect(runs.get('park')?.status).toBe('deadLettered');
  });

  it('marks pinned activities', () => {
    expect(summarizeJournal([entry('map', 'completed')], ['map']).get('map')?.status).toBe('pinned');
  });

  it('keeps a failure inside a loop visible over later successful items', () => {
    const runs = summarizeJournal([
      entry('item', 'faulted', { scope: 'loop[0]' }),
      entry('item', 'completed', { scope: 'loop[1]' }),
    ]);
    expect(runs.get('item')?.status).toBe('faulted');
  });

  it('does not let operator notes or loop items change a status', () => {
    const runs = summarizeJournal([entry('post', 'faulted'), entry('post', 'operator'), entry('loop', 'itemCompleted')]);
    expect(runs.get('post')?.status).toBe('faulted');
    expect(runs.get('post')?.entries).toHaveLength(2);
    expect(runs.has('loop')).toBe(false);
  });

  it('orders entries by sequence whatever order they arrive in', () => {
    const first = entry('a', 'attemptFailed');
    const second = entry('a', 'completed');
    expect(summarizeJournal([second, first]).get('a')?.status).toBe('completed');
  });
});
