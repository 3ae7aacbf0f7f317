import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** Token-based-auth credentials of the NetSuite account the sink plays (what a connection must sign with). */
export interface NetSuiteAccount {
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export interface SinkRequest {
  method: string;
  path: string;
  body: string;
  /** The status the sink answered. */
  status: number;
}

/** One record the sink's NetSuite holds, with how often it was written and how often that changed it. */
export interface NetSuiteRecord {
  fields: Record<string, unknown>;
  internalId: string;
  /** Upserts accepted for this external id (a create counts). */
  writes: number;
  /** Writes that created the record or changed a field of it: a repeated identical upsert does not count. */
  changes: number;
}

/** What the sink's NetSuite holds: records by `type/externalId`. */
export interface NetSuiteState {
  records: Record<string, NetSuiteRecord>;
}

/** Fresh credentials per test session, so nothing but the connection the test creates can sign for them. */
export function newNetSuiteAccount(): NetSuiteAccount {
  const secret = () => randomBytes(16).toString('hex');
  return { accountId: '1234567_SB1', consumerKey: secret(), consumerSecret: secret(), tokenId: secret(), tokenSecret: secret() };
}

const RECORD = /^\/services\/rest\/record\/v1\/([a-zA-Z]+)\/eid:(.+)$/;

/**
 * An HTTP server on loopback that plays NetSuite's REST record API as documented for upserts —
 * `PUT /services/rest/record/v1/{type}/eid:{externalId}` creates (204 with Location) or updates
 * (204) the record with that external id — and refuses (401) any request whose OAuth 1.0a
 * token-based-auth signature (HMAC-SHA256) does not verify against the account's secrets, or
 * reuses a nonce. Any other path records what is posted and answers 201 (a generic ERP stand-in).
 * `GET /_sink/requests` (also `/requests`) and `GET /_sink/netsuite` show the tests what arrived.
 */
export async function startSink(account: NetSuiteAccount = newNetSuiteAccount()): Promise<{ url: string; close: () => Promise<void> }> {
  const requests: SinkRequest[] = [];
  const records = new Map<string, NetSuiteRecord>();
  const nonces = new Set<string>();
  let nextId = 100;

  const read = (req: IncomingMessage) =>
    new Promise<string>((ok) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => ok(body));
    });
  const json = (res: ServerResponse, status: number, value: unknown, type = 'application/json') => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(JSON.stringify(value));
    return status;
  };
  const netsuiteError = (res: ServerResponse, status: number, code: string, detail: string) =>
    json(res, status, { title: status === 401 ? 'Unauthorized' : 'Error', status, 'o:errorDetails': [{ detail, 'o:errorCode': code }] }, 'application/vnd.oracle.resource+json; type=error');

  const generic = (res: ServerResponse, body: string) => {
    let received: unknown = body;
    try {
      received = body ? JSON.parse(body) : null;
    } catch {
      /* not JSON: echo the text */
    }
    return json(res, 201, { id: `erp-${requests.length + 1}`, received });
  };

  const netsuite = (req: IncomingMessage, res: ServerResponse, body: string): number => {
    const problem = verifyTokenAuth(req, account, nonces);
    if (problem) return netsuiteError(res, 401, 'INVALID_LOGIN', `Invalid login attempt: ${problem}.`);
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    if (path === '/services/rest/record/v1/metadata-catalog') return json(res, 200, { items: [] });
    const match = RECORD.exec(path);
    if (!match) return netsuiteError(res, 404, 'NONEXISTENT_ID', 'The record type does not exist.');
    const key = `${match[1]}/${match[2]}`;
    if (req.method === 'GET') {
      const found = records.get(key);
      return found ? json(res, 200, { ...found.fields, id: found.internalId }) : netsuiteError(res, 404, 'NONEXISTENT_ID', `Record ${key} was not found.`);
    }
    if (req.method !== 'PUT') return netsuiteError(res, 405, 'METHOD_NOT_ALLOWED', 'Not supported by the sink.');
    let incoming: Record<string, unknown>;
    try {
      incoming = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return netsuiteError(res, 400, 'INVALID_CONTENT', 'The body is not JSON.');
    }
    const existing = records.get(key);
    if (!existing) {
      const internalId = String(++nextId);
      records.set(key, { fields: incoming, internalId, writes: 1, changes: 1 });
      res.writeHead(204, { Location: `http://${req.headers.host}/services/rest/record/v1/${match[1]}/${internalId}` });
      res.end();
      return 204;
    }
    // An update sets the fields it names and leaves the others as they are, as NetSuite does.
    const fields = { ...existing.fields, ...incoming };
    const changed = JSON.stringify(fields) !== JSON.stringify(existing.fields);
    records.set(key, { ...existing, fields, writes: existing.writes + 1, changes: existing.changes + (changed ? 1 : 0) });
    res.writeHead(204);
    res.end();
    return 204;
  };

  const server = createServer(async (req, res) => {
    const body = await read(req);
    const path = req.url ?? '';
    if (path === '/_sink/requests' || path === '/requests') return void json(res, 200, requests);
    if (path === '/_sink/netsuite') return void json(res, 200, { records: Object.fromEntries(records) } satisfies NetSuiteState);
    const status = path.startsWith('/services/rest/') ? netsuite(req, res, body) : generic(res, body);
    requests.push({ method: req.method ?? '', path, body, status });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** RFC 5849 section 3.6 percent-encoding (stricter than encodeURIComponent: !'()* are encoded too). */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Checks NetSuite token-based authentication the way the server does: the realm and keys name this
 * account, the timestamp is recent, the nonce is new, and the HMAC-SHA256 signature over the method,
 * the URL and the parameters matches. Returns what is wrong, or null.
 */
function verifyTokenAuth(req: IncomingMessage, account: NetSuiteAccount, nonces: Set<string>): string | null {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('OAuth ')) return 'no OAuth authorization header';
  const params = new Map<string, string>();
  for (const part of header.slice('OAuth '.length).split(',')) {
    const m = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
    if (m) params.set(m[1]!, decodeURIComponent(m[2]!));
  }
  if (params.get('realm') !== account.accountId) return `realm ${params.get('realm')} is not this account`;
  if (params.get('oauth_consumer_key') !== account.consumerKey || params.get('oauth_token') !== account.tokenId) return 'unknown consumer key or token';
  if (params.get('oauth_signature_method') !== 'HMAC-SHA256') return 'the signature method is not HMAC-SHA256';
  const timestamp = Number(params.get('oauth_timestamp'));
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return 'the timestamp is missing or stale';
  const nonce = params.get('oauth_nonce') ?? '';
  if (nonce === '' || nonces.has(nonce)) return 'the nonce is missing or was used before';
  nonces.add(nonce);

  const [rawPath, rawQuery = ''] = (req.url ?? '').split('?') as [string, string?];
  const signed: [string, string][] = [...params].filter(([k]) => k !== 'realm' && k !== 'oauth_signature');
  for (const pair of rawQuery.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=');
    signed.push([decodeURIComponent(k!.replace(/\+/g, ' ')), decodeURIComponent(v.replace(/\+/g, ' '))]);
  }
  const normalized = signed
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const baseUrl = `http://${(req.headers.host ?? '').toLowerCase()}${rawPath}`;
  const base = `${(req.method ?? '').toUpperCase()}&${encode(baseUrl)}&${encode(normalized)}`;
  const expected = createHmac('sha256', `${encode(account.consumerSecret)}&${encode(account.tokenSecret)}`).update(base).digest();
  const given = Buffer.from(params.get('oauth_signature') ?? '', 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'the signature does not match';
}
