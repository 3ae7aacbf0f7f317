// The workflow format (schemaVersion 1) as the API sends and accepts it. Kept structurally
// identical to the server's JSON so a definition read from the API can be sent back unchanged.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Expression {
  expression: { language: string; code: string };
}

export interface RetryPolicy {
  maxAttempts?: number;
  backoff?: string;
  initialDelay?: string;
  maxDelay?: string;
  [key: string]: Json | undefined;
}

export interface ActivityNode {
  id: string;
  type: string;
  typeVersion?: number;
  displayName?: string;
  inputs?: JsonObject;
  retry?: RetryPolicy;
  timeout?: string;
}

export interface Connection {
  from: string;
  outcome?: string;
  to: string;
}

export interface Position {
  x: number;
  y: number;
}

export interface WorkflowDefinition {
  schemaVersion: number;
  id: string;
  version?: number;
  name: string;
  description?: string;
  variables?: JsonObject;
  activities: ActivityNode[];
  connections: Connection[];
  layout?: Record<string, Position>;
}

/** Everything of a definition except its graph: what the editor keeps beside nodes and edges. */
export type DefinitionMeta = Omit<WorkflowDefinition, 'activities' | 'connections' | 'layout'>;

export const CURRENT_SCHEMA_VERSION = 1;

export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function emptyDefinition(id: string, name: string): WorkflowDefinition {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, id, name, activities: [], connections: [] };
}

export function isExpression(value: Json | undefined): value is { expression: { language: string; code: string } } & JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'expression';
}

export function expressionOf(value: Json | undefined): { language: string; code: string } | null {
  if (!isExpression(value)) return null;
  const body = value.expression as unknown;
  if (body === null || typeof body !== 'object') return null;
  const { language, code } = body as { language?: unknown; code?: unknown };
  return { language: typeof language === 'string' ? language : 'javascript', code: typeof code === 'string' ? code : '' };
}

export function makeExpression(language: string, code: string): JsonObject {
  return { expression: { language, code } };
}
