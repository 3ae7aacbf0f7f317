// The connection types and auth kinds the editor offers, and which auth fields each kind has.
// The API serves no list of them, so this table mirrors the server:
// keep it in sync with activities/ServicesSync.Connections/Model/ConnectionTypes.cs and
// AuthKinds.cs (secret fields) and ConnectionValidator.cs (required non-secret fields).
// A stored connection's own `secretFields` (from the server) win over this table when they differ.

export interface AuthField {
  /** The property name inside `auth`. */
  name: string;
  label: string;
  /** Secret fields are write-only: sent when typed, never read back. */
  secret: boolean;
  required: boolean;
  /** A fixed set of values (shown as a select). */
  choices?: readonly string[];
  hint?: string;
}

export interface AuthKind {
  kind: string;
  label: string;
  fields: readonly AuthField[];
}

export const CONNECTION_TYPES: readonly { type: string; label: string }[] = [
  { type: 'netsuite', label: 'NetSuite' },
  { type: 'tryton', label: 'Tryton' },
  { type: 'redmine', label: 'Redmine' },
  { type: 'jira', label: 'Jira' },
  { type: 'tempo', label: 'Tempo' },
  { type: 'bamboohr', label: 'BambooHR' },
  { type: 'workday', label: 'Workday' },
  { type: 'salesforce', label: 'Salesforce' },
  { type: 'rest', label: 'REST API' },
  { type: 'jsonRpc', label: 'JSON-RPC' },
];

const text = (name: string, label: string, required = true, hint?: string): AuthField => ({ name, label, secret: false, required, ...(hint ? { hint } : {}) });
const secret = (name: string, label: string): AuthField => ({ name, label, secret: true, required: true });

export const AUTH_KINDS: readonly AuthKind[] = [
  { kind: 'none', label: 'None', fields: [] },
  { kind: 'bearer', label: 'Bearer token', fields: [secret('token', 'Token')] },
  { kind: 'basic', label: 'Basic (user name and password)', fields: [text('username', 'User name'), secret('password', 'Password')] },
  { kind: 'apiKey', label: 'API key in a header', fields: [text('headerName', 'Header name', true, 'For example X-Api-Key.'), secret('key', 'Key')] },
  {
    kind: 'oauth2ClientCredentials',
    label: 'OAuth 2.0 client credentials',
    fields: [
      text('tokenEndpoint', 'Token endpoint', true, 'Absolute http(s) URL.'),
      text('clientId', 'Client id'),
      text('scope', 'Scope', false, 'Space-separated, optional.'),
      { name: 'clientAuthentication', label: 'Client authentication', secret: false, required: false, choices: ['basic', 'body'], hint: 'basic (the default) or body.' },
      secret('clientSecret', 'Client secret'),
    ],
  },
  {
    kind: 'netsuiteTba',
    label: 'NetSuite token-based authentication',
    fields: [
      text('accountId', 'Account id', true, 'For example 1234567_SB1.'),
      secret('consumerKey', 'Consumer key'),
      secret('consumerSecret', 'Consumer secret'),
      secret('tokenId', 'Token id'),
      secret('tokenSecret', 'Token secret'),
    ],
  },
  { kind: 'trytonSession', label: 'Tryton session', fields: [text('username', 'User name'), text('database', 'Database'), secret('password', 'Password')] },
  { kind: 'redmineApiKey', label: 'Redmine API key', fields: [secret('apiKey', 'API key')] },
  { kind: 'bambooHrApiKey', label: 'BambooHR API key', fields: [secret('apiKey', 'API key')] },
];

/** The kind's fields; an unknown kind (a newer server) has none here, only what the server names as secret. */
export function authKind(kind: string): AuthKind {
  return AUTH_KINDS.find((k) => k.kind === kind) ?? { kind, label: kind, fields: [] };
}

export function plainFields(kind: string): AuthField[] {
  return authKind(kind).fields.filter((f) => !f.secret);
}

/**
 * The secret fields to offer. `serverFields` is the stored connection's `secretFields`, which the
 * server computed for that connection's kind: it is used while the kind is unchanged.
 */
export function secretFields(kind: string, serverFields?: readonly string[]): AuthField[] {
  const known = authKind(kind).fields.filter((f) => f.secret);
  if (!serverFields) return known;
  return serverFields.map((name) => known.find((f) => f.name === name) ?? secret(name, name));
}
