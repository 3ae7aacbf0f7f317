import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from './definition';
import { errorCount, locate, locateAll, problemsByNode, type Problem } from './validation';

const definition: WorkflowDefinition = {
  schemaVersion: 1,
  id: 'w',
  name: 'W',
  activities: [
    { id: 'hook', type: 'core.webhook' },
    { id: 'post', type: 'http.request' },
  ],
  connections: [{ from: 'hook', to: 'nowhere' }],
};

const problem = (p: Partial<Problem>): Problem => ({ code: 'x', message: 'm', path: '', activityId: null, severity: 'error', ...p });

describe('locate', () => {
  it('finds the activity and input from a JSON pointer when the problem names no activity', () => {
    expect(locate(problem({ path: '/activities/1/inputs/url' }), definition)).toMatchObject({ activity: 'post', input: 'url' });
  });

  it('prefers the activity id the server gives', () => {
    expect(locate(problem({ path: '/activities/1', activityId: 'hook' }), definition).activity).toBe('hook');
  });

  it('attributes a connection problem to the connection and its source activity', () => {
    expect(locate(problem({ path: '/connections/0/to' }), definition)).toMatchObject({ activity: 'hook', connection: 0, input: null });
  });

  it('unescapes pointer segments in input names', () => {
    expect(locate(problem({ path: '/activities/0/inputs/a~1b~0c' }), definition).input).toBe('a/b~c');
  });

  it('leaves workflow-level problems without an activity', () => {
    expect(locate(problem({ path: '/name' }), definition).activity).toBeNull();
  });
});

describe('locateAll and problemsByNode', () => {
  const problems = [
    problem({ path: '/layout/ghost', severity: 'warning', message: 'layout names a missing activity' }),
    problem({ path: '/activities/1/inputs/url', message: 'url is required' }),
    problem({ path: '/activities/1', activityId: 'post', message: 'can never run' }),
    problem({ path: '/activities/0/inputs/path', activityId: 'hook', severity: 'warning', message: 'odd path' }),
  ];

  it('lists errors before warnings', () => {
    expect(locateAll(problems, definition).map((p) => p.severity)).toEqual(['error', 'error', 'warning', 'warning']);
  });

  it('counts errors and warnings per node and groups messages by input', () => {
    const byNode = problemsByNode(locateAll(problems, definition));
    expect(byNode.get('post')).toEqual({ errors: 2, warnings: 0, byInput: { '': ['can never run'], url: ['url is required'] } });
    expect(byNode.get('hook')).toEqual({ errors: 0, warnings: 1, byInput: { path: ['odd path'] } });
    expect(byNode.has('ghost')).toBe(false);
  });

  it('counts errors only', () => {
    expect(errorCount(problems)).toBe(2);
  });
});
