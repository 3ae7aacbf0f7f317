import { describe, expect, it } from 'vitest';
import { completeAt, fieldPaths } from './sampleFields';

const sample = { worker: { id: 'w-1', 'cost center': 'CC1' }, hours: 7.5, entries: [{ day: 'mon' }] };

describe('fieldPaths', () => {
  it('lists nested fields, array items and quoted odd keys', () => {
    expect(fieldPaths('input', sample).map((p) => p.path)).toEqual([
      'input.worker',
      'input.worker.id',
      'input.worker["cost center"]',
      'input.hours',
      'input.entries',
      'input.entries[0]',
      'input.entries[0].day',
    ]);
  });

  it('is bounded for huge samples', () => {
    const huge = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, i]));
    expect(fieldPaths('input', huge).length).toBeLessThanOrEqual(400);
  });

  it('has nothing for a missing sample', () => {
    expect(fieldPaths('input', undefined)).toEqual([]);
  });
});

describe('completeAt', () => {
  const paths = fieldPaths('input', sample);
  it('offers the children of the object before the last dot that start with what is typed', () => {
    expect(completeAt(paths, 'input.').map((p) => p.path)).toEqual(['input.worker', 'input.hours', 'input.entries']);
    expect(completeAt(paths, 'input.wo').map((p) => p.path)).toEqual(['input.worker']);
    expect(completeAt(paths, 'input.worker.').map((p) => p.path)).toEqual(['input.worker.id']);
  });

  it('offers nothing before a dot', () => {
    expect(completeAt(paths, 'inp')).toEqual([]);
  });
});
