// Server validation results, mapped onto what the canvas shows: a badge per activity, a marker
// per input, and one sorted list for the problems panel.

import type { WorkflowDefinition } from './definition';

export interface Problem {
  code: string;
  message: string;
  path: string;
  activityId: string | null;
  severity: 'error' | 'warning';
}

export interface NodeProblems {
  errors: number;
  warnings: number;
  /** Problem messages by input name; `''` for problems about the node itself. */
  byInput: Record<string, string[]>;
}

export interface LocatedProblem extends Problem {
  /** The activity the problem is about, from `activityId` or else from the path. */
  activity: string | null;
  /** The input name when the path points into an activity's inputs. */
  input: string | null;
  /** Index of the connection when the path points at one. */
  connection: number | null;
}

const ACTIVITY_PATH = /^\/activities\/(\d+)(?:\/inputs\/([^/]+))?/;
const CONNECTION_PATH = /^\/connections\/(\d+)/;

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function locate(problem: Problem, definition: WorkflowDefinition): LocatedProblem {
  const activityMatch = ACTIVITY_PATH.exec(problem.path);
  const connectionMatch = CONNECTION_PATH.exec(problem.path);
  let activity = problem.activityId;
  if (!activity && activityMatch) activity = definition.activities[Number(activityMatch[1])]?.id ?? null;
  const connection = connectionMatch ? Number(connectionMatch[1]) : null;
  if (!activity && connection !== null) activity = definition.connections[connection]?.from ?? null;
  const input = activityMatch?.[2] ? unescapePointer(activityMatch[2]) : null;
  return { ...problem, activity, input, connection };
}

export function locateAll(problems: readonly Problem[], definition: WorkflowDefinition): LocatedProblem[] {
  return problems
    .map((p) => locate(p, definition))
    .sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
        (a.activity ?? '').localeCompare(b.activity ?? '') ||
        a.path.localeCompare(b.path),
    );
}

export function problemsByNode(located: readonly LocatedProblem[]): Map<string, NodeProblems> {
  const map = new Map<string, NodeProblems>();
  for (const problem of located) {
    if (!problem.activity) continue;
    const entry = map.get(problem.activity) ?? { errors: 0, warnings: 0, byInput: {} };
    if (problem.severity === 'error') entry.errors++;
    else entry.warnings++;
    const key = problem.input ?? '';
    (entry.byInput[key] ??= []).push(problem.message);
    map.set(problem.activity, entry);
  }
  return map;
}

export function errorCount(problems: readonly Problem[]): number {
  return problems.filter((p) => p.severity === 'error').length;
}
