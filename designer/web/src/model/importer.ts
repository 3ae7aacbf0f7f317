// Checks a file a person imports before anything on the canvas changes: size, JSON syntax, that it
// is a ServicesSync workflow of a format version this designer reads, and that every activity
// type exists on this server. Each refusal says what is wrong in words a person can act on.

import { CURRENT_SCHEMA_VERSION, type WorkflowDefinition } from './definition';
import type { DescriptorIndex } from './descriptors';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportResult = { ok: true; definition: WorkflowDefinition } | { ok: false; message: string };

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export function parseImport(fileName: string, text: string, sizeBytes: number, descriptors: DescriptorIndex): ImportResult {
  if (sizeBytes > MAX_IMPORT_BYTES) {
    return { ok: false, message: `${fileName} is ${megabytes(sizeBytes)} MB; a workflow file may be at most ${megabytes(MAX_IMPORT_BYTES)} MB. Nothing was imported.` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${fileName} is not valid JSON (${reason}). Nothing was imported.` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: `${fileName} is not a ServicesSync workflow: it holds a JSON ${Array.isArray(parsed) ? 'array' : typeof parsed}, not an object. Nothing was imported.` };
  }
  const candidate = parsed as Record<string, unknown>;
  if (!('schemaVersion' in candidate) || !Array.isArray(candidate.activities)) {
    return { ok: false, message: `${fileName} is not a ServicesSync workflow: it has no "schemaVersion" and "activities". Nothing was imported.` };
  }
  if (candidate.schemaVersion !== CURRENT_SCHEMA_VERSION) {
    return { ok: false, message: `${fileName} uses workflow format version ${JSON.stringify(candidate.schemaVersion)}; this designer reads version ${CURRENT_SCHEMA_VERSION}. Nothing was imported.` };
  }
  if (typeof candidate.id !== 'string' || typeof candidate.name !== 'string') {
    return { ok: false, message: `${fileName} is missing the workflow's "id" or "name". Nothing was imported.` };
  }
  const unknown = new Set<string>();
  for (const activity of candidate.activities as unknown[]) {
    const type = (activity as { type?: unknown } | null)?.type;
    if (typeof type !== 'string') {
      return { ok: false, message: `${fileName} has an activity without a "type". Nothing was imported.` };
    }
    if (!descriptors.has(type)) unknown.add(type);
  }
  if (unknown.size > 0) {
    return { ok: false, message: `${fileName} uses activity types this server does not have: ${[...unknown].sort().join(', ')}. Install them or remove those activities. Nothing was imported.` };
  }
  const definition = candidate as unknown as WorkflowDefinition;
  return { ok: true, definition: { ...definition, connections: Array.isArray(definition.connections) ? definition.connections : [] } };
}
