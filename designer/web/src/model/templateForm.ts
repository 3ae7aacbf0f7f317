// The logic of the template gallery's parameter form, apart from React: which field each parameter
// gets, what it starts with, what is checked before anything is sent, the body of
// POST /design/templates/{name}/instantiate, and the server's problems sorted to their fields.
// The server stays the judge (it applies the values with the CLI's code); the checks here only
// spare a round trip for what is plainly wrong.

import type { Json } from './definition';

export type TemplateParameterKind = 'string' | 'number' | 'boolean' | 'json' | 'connection' | 'cron' | 'timeZone';

/** A parameter as GET /design/templates/{name} describes it. */
export interface TemplateParameter {
  name: string;
  kind: TemplateParameterKind | string;
  title: string;
  description: string;
  connectionType?: string | null;
  default?: Json;
  required: boolean;
}

export type FieldControl = 'connection' | 'json' | 'cron' | 'number' | 'boolean' | 'text';

/** Form text per parameter name; an empty string means "not given" (the default applies). */
export type FormValues = Record<string, string>;

export const CRON_HINT = 'Quartz cron with seconds: seconds minutes hours day-of-month month day-of-week, e.g. "0 30 5 ? * *" is 05:30 every day (use ? for one of the two day fields).';

export function controlOf(parameter: TemplateParameter): FieldControl {
  switch (parameter.kind) {
    case 'connection':
    case 'json':
    case 'cron':
    case 'number':
    case 'boolean':
      return parameter.kind;
    default:
      return 'text';
  }
}

/** The default as the field shows it: text as it is, JSON indented so a rate card can be edited. */
export function defaultText(parameter: TemplateParameter): string {
  const value = parameter.default;
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return controlOf(parameter) === 'json' ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

export function initialValues(parameters: TemplateParameter[], connections: { id: string; type: string }[] = []): FormValues {
  const values: FormValues = {};
  for (const parameter of parameters) {
    values[parameter.name] = defaultText(parameter);
    // With exactly one connection of the type there is nothing to choose.
    if (controlOf(parameter) === 'connection' && values[parameter.name] === '') {
      const matching = connectionsFor(parameter, connections);
      const [only] = matching;
      if (only && matching.length === 1) values[parameter.name] = only.id;
    }
  }
  return values;
}

export function connectionsFor<T extends { type: string }>(parameter: TemplateParameter, connections: T[]): T[] {
  return parameter.connectionType ? connections.filter((c) => c.type === parameter.connectionType) : connections;
}

/** What is plainly wrong with one field, or null. */
export function checkField(parameter: TemplateParameter, text: string, connections: { id: string; type: string }[] | null): string | null {
  const value = text.trim();
  if (value === '') {
    return parameter.required ? `${parameter.title} is required.` : null;
  }
  switch (controlOf(parameter)) {
    case 'json':
      try {
        JSON.parse(value);
        return null;
      } catch (error) {
        return `${parameter.title} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
      }
    case 'number':
      return Number.isFinite(Number(value)) ? null : `${parameter.title} must be a number.`;
    case 'boolean':
      return value === 'true' || value === 'false' ? null : `${parameter.title} must be true or false.`;
    case 'cron': {
      const fields = value.split(/\s+/).length;
      return fields === 6 || fields === 7 ? null : `${parameter.title} has ${fields} field${fields === 1 ? '' : 's'}; a Quartz cron has 6 or 7 (it starts with seconds).`;
    }
    case 'connection': {
      // Null: the server does not list connections, so it alone can say whether the id exists.
      if (connections === null) return null;
      const connection = connections.find((c) => c.id === value);
      if (!connection) return `There is no connection '${value}'.`;
      if (parameter.connectionType && connection.type !== parameter.connectionType) {
        return `'${value}' is a ${connection.type} connection; ${parameter.title} needs a ${parameter.connectionType} connection.`;
      }
      return null;
    }
    default:
      return null;
  }
}

export function checkForm(parameters: TemplateParameter[], values: FormValues, connections: { id: string; type: string }[] | null): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const parameter of parameters) {
    const error = checkField(parameter, values[parameter.name] ?? '', connections);
    if (error) errors[parameter.name] = error;
  }
  return errors;
}

/**
 * The request body: every filled field as text (the server converts by kind, as the CLI's
 * --param does). Empty fields are left out so the template's default applies.
 */
export function instantiateBody(parameters: TemplateParameter[], values: FormValues): { parameters: Record<string, string> } {
  const body: Record<string, string> = {};
  for (const parameter of parameters) {
    const value = (values[parameter.name] ?? '').trim();
    if (value !== '') body[parameter.name] = value;
  }
  return { parameters: body };
}

export interface ServerProblem {
  code: string;
  message: string;
  parameter?: string | null;
  severity?: string;
}

/** The server's problems next to their fields; those of no field (or of one the form lacks) are general. */
export function sortProblems(parameters: TemplateParameter[], problems: ServerProblem[]): { fields: Record<string, string>; general: string[] } {
  const names = new Set(parameters.map((p) => p.name));
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const problem of problems) {
    const message = sentence(problem.message);
    if (problem.parameter && names.has(problem.parameter)) {
      fields[problem.parameter] = fields[problem.parameter] ? `${fields[problem.parameter]} ${message}` : message;
    } else {
      general.push(message);
    }
  }
  return { fields, general };
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
