// RFC 7807 problems from the API, turned into messages a person reads. The problem's `detail`
// was written for users; validation problems come along for the problems panel.

import type { Problem } from '../model/validation';

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly problems: Problem[];
  readonly currentETag: string | null;

  constructor(status: number, body: Record<string, unknown> | null, fallback: string) {
    const detail = typeof body?.detail === 'string' ? body.detail : '';
    const title = typeof body?.title === 'string' ? body.title : fallback;
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.type = typeof body?.type === 'string' ? body.type.replace(/^.*\/problems\//, '') : '';
    this.title = title;
    this.detail = detail;
    this.problems = Array.isArray(body?.problems) ? (body.problems as Problem[]) : [];
    this.currentETag = typeof body?.currentETag === 'string' ? body.currentETag : null;
  }

  get isEditConflict(): boolean {
    return this.status === 409 && this.type === 'edit-conflict';
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

/** One line for a toast or a banner, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const first = error.problems.find((p) => p.severity === 'error');
    return first && !error.detail.includes(first.message) ? `${error.message} First: ${first.message}` : error.message;
  }
  if (error instanceof TypeError) return 'The designer server does not answer. Is it running?';
  return error instanceof Error ? error.message : String(error);
}
