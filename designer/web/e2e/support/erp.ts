import { api, sinkUrl } from './designer';
import type { NetSuiteAccount, NetSuiteRecord, NetSuiteState, SinkRequest } from './sink';

/** The token-based-auth credentials of the NetSuite account the sink plays (fresh per test session). */
export function netsuiteAccount(): NetSuiteAccount {
  const json = process.env.SINK_NETSUITE_ACCOUNT;
  if (!json) throw new Error('SINK_NETSUITE_ACCOUNT is not set: the global setup starts the sink and sets it.');
  return JSON.parse(json) as NetSuiteAccount;
}

/**
 * Creates a `netsuite` connection to the sink through the connections API, the way an administrator
 * would (the secrets go in once and never come back). An id already taken by an earlier spec of the
 * same session is reused: it points at the same sink with the same credentials.
 */
export async function createNetSuiteConnection(id: string, secretOverrides: Partial<Omit<NetSuiteAccount, 'accountId'>> = {}): Promise<void> {
  const { accountId, ...account } = netsuiteAccount();
  const secrets = { ...account, ...secretOverrides };
  const created = await api<unknown>('POST', '/connections', {
    id,
    type: 'netsuite',
    displayName: 'NetSuite (e2e sink)',
    baseUrl: `${sinkUrl()}/`,
    auth: { kind: 'netsuiteTba', accountId, ...secrets },
    // A wrong answer must fail the test at once, not after back-off.
    resilience: { maxRetries: 0 },
  });
  if (created.status !== 201 && created.status !== 409) throw new Error(`Creating connection ${id} answered ${created.status}: ${JSON.stringify(created.json)}`);
}

/** The connection test (one signed call to NetSuite's metadata catalog) as the API answers it. */
export async function testConnection(id: string): Promise<{ ok: boolean; message: string; errorKind: string | null }> {
  return (await api<{ ok: boolean; message: string; errorKind: string | null }>('POST', `/connections/${encodeURIComponent(id)}/test`)).json;
}

export async function sinkRequests(): Promise<SinkRequest[]> {
  return (await fetch(`${sinkUrl()}/_sink/requests`)).json() as Promise<SinkRequest[]>;
}

/** The record the sink's NetSuite holds under `type/externalId`, or undefined. */
export async function netsuiteRecord(key: string): Promise<NetSuiteRecord | undefined> {
  const state = (await (await fetch(`${sinkUrl()}/_sink/netsuite`)).json()) as NetSuiteState;
  return state.records[key];
}
