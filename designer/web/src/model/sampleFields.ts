// Field paths of a sample message, offered as completions in code editors: `input.worker.id`,
// `vars.rateCardId`. Bounded so that a huge sample cannot stall typing.

import type { Json } from './definition';

export interface FieldPath {
  path: string;
  type: string;
  /** A short preview of the sample value. */
  detail: string;
}

const MAX_DEPTH = 5;
const MAX_PATHS = 400;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function typeOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function preview(value: Json): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? `[${value.length}]` : value !== null && typeof value === 'object' ? '{…}' : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export function fieldPaths(root: string, value: Json | undefined): FieldPath[] {
  const paths: FieldPath[] = [];
  const walk = (prefix: string, node: Json, depth: number) => {
    if (paths.length >= MAX_PATHS || depth > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      if (node.length > 0 && node[0] !== undefined) {
        const item = `${prefix}[0]`;
        paths.push({ path: item, type: typeOf(node[0]), detail: preview(node[0]) });
        walk(item, node[0], depth + 1);
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (paths.length >= MAX_PATHS) return;
      const path = IDENT.test(key) ? `${prefix}.${key}` : `${prefix}[${JSON.stringify(key)}]`;
      paths.push({ path, type: typeOf(child), detail: preview(child) });
      walk(path, child, depth + 1);
    }
  };
  if (value !== undefined) walk(root, value, 1);
  return paths;
}

/** Completions for what is typed so far: children of the object path before the last dot. */
export function completeAt(paths: readonly FieldPath[], typed: string): FieldPath[] {
  const dot = typed.lastIndexOf('.');
  const parent = dot < 0 ? '' : typed.slice(0, dot);
  const partial = dot < 0 ? typed : typed.slice(dot + 1);
  return paths.filter((p) => {
    if (dot < 0) return false;
    if (!p.path.startsWith(`${parent}.`)) return false;
    const rest = p.path.slice(parent.length + 1);
    return !rest.includes('.') && !rest.includes('[') && rest.startsWith(partial);
  });
}
