// The connection editor's pure logic: a form from the API's view of a connection, the request body
// from the form, and the server's problems placed next to the fields they name. Secret values
// are kept apart from the form (`SecretValues`) so the page can drop them the moment a save ends.

import type { ConnectionView } from '../api/types';
import { plainFields, secretFields } from './connectionKinds';

export interface PropertyRow {
  key: string;
  value: string;
}

export interface ConnectionForm {
  id: string;
  type: string;
  displayName: string;
  baseUrl: string;
  authKind: string;
  /** Non-secret auth fields by name (all kinds' values, so switching kind back loses nothing). */
  auth: Record<string, string>;
  /** ISO-8601 durations and counts as typed; empty means the server's default. */
  timeout: string;
  maxRetries: string;
  maxRetryDelay: string;
  /** Empty requests per second means no rate limit. */
  requestsPerSecond: string;
  burst: string;
  properties: PropertyRow[];
  /** Settings the form does not edit, sent back as loaded so a save does not reset them. */
  kept: { queueLimit?: number; circuitBreaker?: unknown };
}

/** Typed secret values by field name: never stored in the form, never logged. */
export type SecretValues = Record<string, string>;

/** Form field keys as the server's problems name them (`auth.token`, `resilience.maxRetries`...). */
export const FIELD_KEYS = {
  id: 'id',
  type: 'type',
  displayName: 'displayName',
  baseUrl: 'baseUrl',
  authKind: 'auth.kind',
  timeout: 'resilience.timeout',
  maxRetries: 'resilience.maxRetries',
  maxRetryDelay: 'resilience.maxRetryDelay',
  requestsPerSecond: 'resilience.rateLimit.requestsPerSecond',
  burst: 'resilience.rateLimit.burst',
  properties: 'properties',
} as const;

export function emptyForm(): ConnectionForm {
  return {
    id: '',
    type: 'rest',
    displayName: '',
    baseUrl: '',
    authKind: 'bearer',
    auth: {},
    timeout: '',
    maxRetries: '',
    maxRetryDelay: '',
    requestsPerSecond: '',
    burst: '',
    properties: [],
    kept: {},
  };
}

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export function formFromView(view: ConnectionView): ConnectionForm {
  const auth: Record<string, string> = {};
  for (const [name, value] of Object.entries(view.auth)) {
    if (name !== 'kind' && typeof value === 'string') auth[name] = value;
  }
  const resilience = view.resilience ?? {};
  const rate = resilience.rateLimit ?? null;
  return {
    id: view.id,
    type: view.type,
    displayName: str(view.displayName),
    baseUrl: view.baseUrl,
    authKind: view.auth.kind,
    auth,
    timeout: str(resilience.timeout),
    maxRetries: str(resilience.maxRetries),
    maxRetryDelay: str(resilience.maxRetryDelay),
    requestsPerSecond: rate ? str(rate.requestsPerSecond) : '',
    burst: rate ? str(rate.burst) : '',
    properties: Object.entries(view.properties ?? {}).map(([key, value]) => ({ key, value })),
    kept: {
      ...(rate?.queueLimit !== undefined ? { queueLimit: rate.queueLimit } : {}),
      ...(resilience.circuitBreaker !== undefined ? { circuitBreaker: resilience.circuitBreaker } : {}),
    },
  };
}

/**
 * Whether the stored secrets survive a save that leaves the secret inputs empty: the server keeps
 * them only while the auth kind stays the same.
 */
export function keepsStoredSecrets(form: ConnectionForm, original: ConnectionView | null): boolean {
  return original !== null && original.hasSecret && original.auth.kind === form.authKind;
}

/** The secret fields the form shows for its kind (the stored connection's own list while the kind is unchanged). */
export function secretFieldsOf(form: ConnectionForm, original: ConnectionView | null) {
  return secretFields(form.authKind, original && original.auth.kind === form.authKind ? original.secretFields : undefined);
}

export type BuildResult = { ok: true; body: Record<string, unknown> } | { ok: false; problems: Record<string, string[]> };

function number(value: string, field: string, problems: Record<string, string[]>, integer: boolean): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
    (problems[field] ??= []).push(integer ? 'must be a whole number.' : 'must be a number.');
    return undefined;
  }
  return parsed;
}

/**
 * The POST/PUT body. Only the chosen kind's fields go into `auth`; a secret goes in only when
 * something was typed, so an empty input on edit keeps the stored value. Checks here are the ones
 * a body cannot express (a number that is not one, duplicate property names); the server checks
 * the rest and its problems come back through `mapProblems`.
 */
export function buildBody(form: ConnectionForm, secrets: SecretValues, original: ConnectionView | null): BuildResult {
  const problems: Record<string, string[]> = {};
  const auth: Record<string, unknown> = { kind: form.authKind };
  for (const field of plainFields(form.authKind)) {
    const value = (form.auth[field.name] ?? '').trim();
    if (value !== '') auth[field.name] = value;
  }
  for (const field of secretFieldsOf(form, original)) {
    const value = secrets[field.name] ?? '';
    if (value !== '') auth[field.name] = value;
  }

  const resilience: Record<string, unknown> = {};
  if (form.timeout.trim()) resilience.timeout = form.timeout.trim();
  if (form.maxRetryDelay.trim()) resilience.maxRetryDelay = form.maxRetryDelay.trim();
  const maxRetries = number(form.maxRetries, FIELD_KEYS.maxRetries, problems, true);
  if (maxRetries !== undefined) resilience.maxRetries = maxRetries;
  const rps = number(form.requestsPerSecond, FIELD_KEYS.requestsPerSecond, problems, false);
  const burst = number(form.burst, FIELD_KEYS.burst, problems, true);
  if (rps !== undefined) {
    resilience.rateLimit = { requestsPerSecond: rps, ...(burst !== undefined ? { burst } : {}), ...(form.kept.queueLimit !== undefined ? { queueLimit: form.kept.queueLimit } : {}) };
  } else if (burst !== undefined) {
    (problems[FIELD_KEYS.requestsPerSecond] ??= []).push('is required when a burst is given.');
  }
  if (form.kept.circuitBreaker !== undefined) resilience.circuitBreaker = form.kept.circuitBreaker;

  const properties: Record<string, string> = {};
  for (const row of form.properties) {
    const key = row.key.trim();
    if (key === '' && row.value === '') continue;
    if (key === '') (problems[FIELD_KEYS.properties] ??= []).push('every property needs a name.');
    else if (key in properties) (problems[FIELD_KEYS.properties] ??= []).push(`'${key}' is given twice.`);
    else properties[key] = row.value;
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const body: Record<string, unknown> = { id: form.id.trim(), type: form.type, baseUrl: form.baseUrl.trim(), auth };
  if (form.displayName.trim()) body.displayName = form.displayName.trim();
  if (Object.keys(resilience).length > 0) body.resilience = resilience;
  if (Object.keys(properties).length > 0) body.properties = properties;
  return { ok: true, body };
}

export interface MappedProblems {
  /** Messages by field key (see FIELD_KEYS, `auth.<name>`). */
  fields: Record<string, string[]>;
  /** What names no field the form shows: shown at the top. */
  general: string[];
}

/**
 * Places a problem document's entries next to the fields they name. The connections API lists
 * problems as `"auth.token: is required ..."`; the longest known field key that prefixes the
 * path wins (`resilience.rateLimit.burst` before `resilience`), anything else stays general.
 */
export function mapProblems(problem: { status: number; type: string; detail: string; problems: readonly unknown[] }, knownFields: readonly string[]): MappedProblems {
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  const known = [...knownFields].sort((a, b) => b.length - a.length);
  const place = (path: string, message: string) => {
    const key = known.find((k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`));
    if (key) (fields[key] ??= []).push(message);
    else general.push(path ? `${path}: ${message}` : message);
  };
  if (problem.status === 409 && problem.type === 'already-exists') {
    place(FIELD_KEYS.id, problem.detail);
    return { fields, general };
  }
  for (const entry of problem.problems) {
    if (typeof entry === 'string') {
      const match = /^([A-Za-z][\w.[\]]*): (.*)$/s.exec(entry);
      if (match) place(match[1]!, match[2]!);
      else general.push(entry);
    } else if (entry && typeof entry === 'object' && typeof (entry as { message?: unknown }).message === 'string') {
      const { path, message } = entry as { path?: unknown; message: string };
      place(typeof path === 'string' ? path.replace(/^\//, '').replace(/\//g, '.') : '', message);
    }
  }
  if (problem.problems.length === 0 || (general.length === 0 && Object.keys(fields).length === 0)) {
    if (problem.detail) general.push(problem.detail);
  }
  return { fields, general };
}

/** Every field key the form can show problems at for this kind. */
export function knownFieldKeys(form: ConnectionForm, original: ConnectionView | null): string[] {
  return [
    ...Object.values(FIELD_KEYS),
    ...plainFields(form.authKind).map((f) => `auth.${f.name}`),
    ...secretFieldsOf(form, original).map((f) => `auth.${f.name}`),
  ];
}
