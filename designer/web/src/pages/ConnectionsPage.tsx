import { useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import type { ConnectionSummary } from '../api/types';
import { useApp } from '../shell/AppContext';

/** Connections to outside systems. Secrets are write-only: the server never sends them back. */
export function ConnectionsPage() {
  const { api } = useApp();
  const [state, setState] = useState<{ supported: boolean; items: ConnectionSummary[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listConnections().then(setState, (e: unknown) => setError(describeError(e)));
  }, [api]);
  return (
    <main className="list-page" aria-labelledby="connections-title">
      <h1 id="connections-title">Connections</h1>
      {error && <p role="alert" className="banner error">{error}</p>}
      {state && (!state.supported || state.items.length === 0) && (
        <p className="empty" data-testid="connections-empty">
          No connections yet. {state.supported ? '' : 'This server does not manage connections yet; '}Activities that call other systems will pick their connection here, and secrets stay on the server.
        </p>
      )}
      {state?.supported && state.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Type</th>
              <th scope="col">Name</th>
              <th scope="col">Base URL</th>
              <th scope="col">Authentication</th>
              <th scope="col">Secret</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((c) => (
              <tr key={c.id} data-testid="connection-row">
                <td>{c.id}</td>
                <td>{c.type}</td>
                <td>{c.displayName}</td>
                <td>{c.baseUrl}</td>
                <td>{c.auth.kind}</td>
                <td>{c.hasSecret ? 'stored (write-only)' : 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
