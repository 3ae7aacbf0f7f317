import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../api/types';
import { buildBody, emptyForm, formFromView, keepsStoredSecrets, knownFieldKeys, mapProblems, secretFieldsOf, type ConnectionForm } from './connectionForm';

const stored: ConnectionView = {
  id: 'erp',
  type: 'netsuite',
  displayName: 'NetSuite',
  baseUrl: 'https://1234567-sb1.suitetalk.api.netsuite.com/',
  auth: { kind: 'netsuiteTba', accountId: '1234567_SB1' },
  resilience: {
    timeout: 'PT30S',
    maxRetries: 2,
    maxRetryDelay: 'PT10S',
    rateLimit: { requestsPerSecond: 5, burst: 10, queueLimit: 1000 },
    circuitBreaker: { failureRatio: 0.5, minimumThroughput: 10, samplingDuration: 'PT30S', breakDuration: 'PT30S' },
  },
  properties: { system: 'netsuite-prod' },
  hasSecret: true,
  secretFields: ['consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret'],
  etag: 'abc',
};

const form = (patch: Partial<ConnectionForm> = {}): ConnectionForm => ({ ...emptyForm(), id: 'api', baseUrl: 'https://api.example.com/', ...patch });

describe('formFromView', () => {
  it('fills every field the view has and keeps what the form does not edit', () => {
    const f = formFromView(stored);
    expect(f).toMatchObject({ id: 'erp', type: 'netsuite', displayName: 'NetSuite', authKind: 'netsuiteTba', auth: { accountId: '1234567_SB1' } });
    expect(f).toMatchObject({ timeout: 'PT30S', maxRetries: '2', maxRetryDelay: 'PT10S', requestsPerSecond: '5', burst: '10' });
    expect(f.properties).toEqual([{ key: 'system', value: 'netsuite-prod' }]);
    expect(f.kept).toEqual({ queueLimit: 1000, circuitBreaker: stored.resilience!.circuitBreaker });
  });

  it('sends an unchanged stored connection back as it came, without view-only fields', () => {
    const built = buildBody(formFromView(stored), {}, stored);
    expect(built).toEqual({
      ok: true,
      body: {
        id: 'erp',
        type: 'netsuite',
        displayName: 'NetSuite',
        baseUrl: stored.baseUrl,
        auth: { kind: 'netsuiteTba', accountId: '1234567_SB1' },
        resilience: stored.resilience,
        properties: { system: 'netsuite-prod' },
      },
    });
  });
});

describe('buildBody', () => {
  it('sends only the chosen kind’s fields', () => {
    const built = buildBody(form({ authKind: 'basic', auth: { username: 'ada', accountId: 'left over', headerName: 'X-Key' } }), { password: 'pw', token: 'stale' }, null);
    expect(built.ok && built.body.auth).toEqual({ kind: 'basic', username: 'ada', password: 'pw' });
  });

  it('leaves out secrets that were not typed, so the stored ones are kept', () => {
    const built = buildBody(formFromView(stored), { consumerKey: '', tokenSecret: 'new-secret' }, stored);
    expect(built.ok && built.body.auth).toEqual({ kind: 'netsuiteTba', accountId: '1234567_SB1', tokenSecret: 'new-secret' });
  });

  it('leaves out empty optional settings so the server applies its defaults', () => {
    expect(buildBody(form({ authKind: 'none' }), {}, null)).toEqual({ ok: true, body: { id: 'api', type: 'rest', baseUrl: 'https://api.example.com/', auth: { kind: 'none' } } });
  });

  it('refuses numbers that are not numbers and a burst without a rate, naming the fields', () => {
    const built = buildBody(form({ maxRetries: '1.5', burst: '3' }), {}, null);
    expect(built).toEqual({ ok: false, problems: { 'resilience.maxRetries': ['must be a whole number.'], 'resilience.rateLimit.requestsPerSecond': ['is required when a burst is given.'] } });
  });

  it('refuses properties without a name or given twice, and skips empty rows', () => {
    const built = buildBody(form({ properties: [{ key: 'a', value: '1' }, { key: '', value: '' }, { key: ' a ', value: '2' }, { key: '', value: 'x' }] }), {}, null);
    expect(built).toEqual({ ok: false, problems: { properties: ["'a' is given twice.", 'every property needs a name.'] } });
  });
});

describe('stored secrets', () => {
  it('are kept while the kind stays, and required again after it changes', () => {
    expect(keepsStoredSecrets(formFromView(stored), stored)).toBe(true);
    expect(keepsStoredSecrets({ ...formFromView(stored), authKind: 'bearer' }, stored)).toBe(false);
    expect(keepsStoredSecrets(form(), null)).toBe(false);
    expect(keepsStoredSecrets(formFromView({ ...stored, hasSecret: false }), { ...stored, hasSecret: false })).toBe(false);
  });

  it('follow the new kind’s fields once the kind changes', () => {
    expect(secretFieldsOf({ ...formFromView(stored), authKind: 'bearer' }, stored).map((f) => f.name)).toEqual(['token']);
  });
});

describe('mapProblems', () => {
  const keys = knownFieldKeys(form({ authKind: 'apiKey' }), null);

  it('places each problem next to the field it names, the most specific field first', () => {
    const mapped = mapProblems(
      {
        status: 400,
        type: 'invalid-request',
        detail: 'The connection is not valid: 4 problem(s).',
        problems: ['auth.key: is required for auth kind \'apiKey\'.', 'baseUrl: must be an absolute http:// or https:// URL.', 'resilience.rateLimit.burst: must be from 1 to 10000.', 'resilience.circuitBreaker: samplingDuration and breakDuration must be at least PT0.5S.'],
      },
      keys,
    );
    expect(mapped.fields).toEqual({
      'auth.key': ["is required for auth kind 'apiKey'."],
      baseUrl: ['must be an absolute http:// or https:// URL.'],
      'resilience.rateLimit.burst': ['must be from 1 to 10000.'],
    });
    expect(mapped.general).toEqual(['resilience.circuitBreaker: samplingDuration and breakDuration must be at least PT0.5S.']);
  });

  it('puts an id that is taken next to the id', () => {
    const mapped = mapProblems({ status: 409, type: 'already-exists', detail: "A connection with id 'api' already exists.", problems: [] }, keys);
    expect(mapped).toEqual({ fields: { id: ["A connection with id 'api' already exists."] }, general: [] });
  });

  it('shows the detail at the top when no problem names a field', () => {
    expect(mapProblems({ status: 422, type: 'validation-failed', detail: 'The secret key is missing.', problems: [] }, keys)).toEqual({ fields: {}, general: ['The secret key is missing.'] });
  });

  it('reads problems given as objects with a JSON pointer path', () => {
    const mapped = mapProblems({ status: 400, type: 'invalid-request', detail: 'x', problems: [{ path: '/auth/headerName', message: 'is not a valid HTTP header name.' }] }, keys);
    expect(mapped.fields).toEqual({ 'auth.headerName': ['is not a valid HTTP header name.'] });
  });
});
