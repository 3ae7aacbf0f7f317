import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import type { ConnectionView } from '../api/types';
import { ConnectionForm } from '../panels/ConnectionForm';
import { useApp } from '../shell/AppContext';

type Editing = { original: null; eTag: null } | { original: ConnectionView; eTag: string | null };

/**
 * Connections to outside systems: list, create, edit, test and delete. Secrets are write-only:
 * the server never sends them back, and the form drops what was typed once a save ends.
 */
export function ConnectionsPage() {
  const { api } = useApp();
  const [items, setItems] = useState<ConnectionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  const load = useCallback(() => {
    api.listConnections().then(
      (list) => {
        setItems(list);
        setError(null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [api]);
  useEffect(load, [load]);

  const edit = async (id: string) => {
    try {
      // The list may be stale: edit what is stored now, with its ETag for the conditional save.
      const current = await api.getConnection(id);
      setEditing({ original: current.value, eTag: current.eTag });
    } catch (e) {
      setError(describeError(e));
    }
  };

  const saved = (view: ConnectionView, eTag: string | null) => {
    setEditing({ original: view, eTag });
    load();
  };

  const deleted = () => {
    setEditing(null);
    load();
  };

  return (
    <main className="list-page" aria-labelledby="connections-title">
      <h1 id="connections-title">Connections</h1>
      <p className="hint">Activities that call other systems pick a connection by id. Secrets stay on the server: they can be replaced, never read.</p>
      {error && <p role="alert" className="banner error">{error}</p>}
      {!editing && (
        <p>
          <button type="button" className="primary" onClick={() => setEditing({ original: null, eTag: null })}>
            New connection
          </button>
        </p>
      )}
      {editing && (
        <ConnectionForm
          // A new key per stored version: the form starts over from what the server holds, secrets empty.
          key={editing.original ? `${editing.original.id}@${editing.eTag ?? editing.original.etag ?? ''}` : 'new'}
          original={editing.original}
          eTag={editing.eTag}
          onSaved={saved}
          onDeleted={deleted}
          onClose={() => setEditing(null)}
        />
      )}
      {items && items.length === 0 && (
        <p className="empty" data-testid="connections-empty">
          No connections yet. Create one for each system your workflows call: its base URL, how to authenticate and how hard to push it.
        </p>
      )}
      {items && items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Type</th>
              <th scope="col">Name</th>
              <th scope="col">Base URL</th>
              <th scope="col">Authentication</th>
              <th scope="col">Secret</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-testid="connection-row">
                <td>{c.id}</td>
                <td>{c.type}</td>
                <td>{c.displayName}</td>
                <td>{c.baseUrl}</td>
                <td>{c.auth.kind}</td>
                <td>{c.hasSecret ? 'stored (write-only)' : c.secretFields.length > 0 ? 'missing' : 'none'}</td>
                <td>
                  <button type="button" onClick={() => void edit(c.id)} aria-label={`Edit ${c.id}`}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
