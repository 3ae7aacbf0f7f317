import { describe, expect, it } from 'vitest';
import { AUTH_KINDS, CONNECTION_TYPES, plainFields, secretFields } from './connectionKinds';

describe('the kinds table', () => {
  it('offers every type and auth kind of the server, tempo and bambooHrApiKey included', () => {
    expect(CONNECTION_TYPES.map((t) => t.type)).toEqual(['netsuite', 'tryton', 'redmine', 'jira', 'tempo', 'bamboohr', 'workday', 'salesforce', 'rest', 'jsonRpc']);
    expect(AUTH_KINDS.map((k) => k.kind)).toEqual(['none', 'bearer', 'basic', 'apiKey', 'oauth2ClientCredentials', 'netsuiteTba', 'trytonSession', 'redmineApiKey', 'bambooHrApiKey']);
  });

  it.each([
    ['none', [], []],
    ['bearer', [], ['token']],
    ['basic', ['username'], ['password']],
    ['apiKey', ['headerName'], ['key']],
    ['oauth2ClientCredentials', ['tokenEndpoint', 'clientId', 'scope', 'clientAuthentication'], ['clientSecret']],
    ['netsuiteTba', ['accountId'], ['consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret']],
    ['trytonSession', ['username', 'database'], ['password']],
    ['redmineApiKey', [], ['apiKey']],
    ['bambooHrApiKey', [], ['apiKey']],
  ])('%s has the non-secret fields %j and the secret fields %j', (kind, plain, secret) => {
    expect(plainFields(kind).map((f) => f.name)).toEqual(plain);
    expect(secretFields(kind).map((f) => f.name)).toEqual(secret);
  });

  it('uses the secret fields a stored connection names, labelling ones the table does not know by name', () => {
    expect(secretFields('custom', ['pin']).map((f) => [f.name, f.label, f.secret])).toEqual([['pin', 'pin', true]]);
    expect(secretFields('custom').map((f) => f.name)).toEqual([]);
  });
});
