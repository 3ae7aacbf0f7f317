import { describe, expect, it } from 'vitest';
import { parkedAny, parkedReasons, summarizeJournal, type JournalEntry } from './journal';

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

describe('parkedReasons', () => {
  it('gives each activity of the run its reason and ignores other runs and letters without one', () => {
    const reasons = parkedReasons(
      [
        { instanceId: 'run-1', activityId: 'suspense', reason: 'Rate card: no rate on 2025-12-30.' },
        { instanceId: 'run-2', activityId: 'suspense', reason: 'another run' },
        { instanceId: 'run-1', activityId: 'post', reason: null },
        { instanceId: 'run-1', activityId: null, reason: 'an incident of the whole run' },
      ],
      'run-1',
    );
    expect([...reasons]).toEqual([['suspense', 'Rate card: no rate on 2025-12-30.']]);
  });

  it('joins the distinct reasons of one activity that parked several items', () => {
    const letters = ['hours above the limit', 'no rate', 'hours above the limit'].map((reason) => ({ instanceId: 'r', activityId: 'park', reason }));
    expect(parkedReasons(letters, 'r').get('park')).toBe('hours above the limit\nno rate');
  });
});

describe('parkedAny', () => {
  it('is true only when the journal has a dead-lettered entry', () => {
    expect(parkedAny([entry('hook', 'completed'), entry('park', 'deadLettered')])).toBe(true);
    expect(parkedAny([entry('hook', 'completed'), entry('post', 'faulted')])).toBe(false);
  });
});
