import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import type { DeadLetter } from '../api/types';
import { useApp } from '../shell/AppContext';
import { Link } from '../shell/Link';

/** Parked messages and incidents; retry or discard one or many. */
export function DeadLettersPage() {
  const { api, notify } = useApp();
  const [status, setStatus] = useState('open');
  const [workflow, setWorkflow] = useState('');
  const [items, setItems] = useState<DeadLetter[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.listDeadLetters(status, workflow.trim()).then(
      (p) => {
        setItems(p.items);
        setChosen(new Set());
      },
      (e: unknown) => notify(describeError(e), 'error'),
    );
  }, [api, status, workflow, notify]);
  useEffect(load, [load]);

  const bulk = async (what: 'retry' | 'discard') => {
    setBusy(true);
    const results = await Promise.allSettled([...chosen].map((id) => (what === 'retry' ? api.retryDeadLetter(id) : api.discardDeadLetter(id))));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    notify(
      failed.length === 0 ? `${what === 'retry' ? 'Retried' : 'Discarded'} ${results.length}.` : `${results.length - failed.length} done, ${failed.length} failed: ${describeError(failed[0]!.reason)}`,
      failed.length ? 'error' : 'info',
    );
    setBusy(false);
    load();
  };

  const toggle = (id: string) => setChosen((c) => {
    const next = new Set(c);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  return (
    <main className="list-page" aria-labelledby="dl-title">
      <h1 id="dl-title">Dead letters</h1>
      <div className="filters">
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="open">open</option>
            <option value="retried">retried</option>
            <option value="discarded">discarded</option>
            <option value="">any</option>
          </select>
        </label>
        <label>
          Workflow
          <input value={workflow} onChange={(e) => setWorkflow(e.target.value)} placeholder="any" />
        </label>
        <button type="button" onClick={load}>
          Refresh
        </button>
        <button type="button" className="primary" disabled={busy || chosen.size === 0} onClick={() => void bulk('retry')}>
          Retry selected ({chosen.size})
        </button>
        <button type="button" disabled={busy || chosen.size === 0} onClick={() => void bulk('discard')}>
          Discard selected
        </button>
      </div>
      {items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p className="hint">Nothing here: no {status || ''} dead letters.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select all"
                  checked={chosen.size === items.length}
                  onChange={(e) => setChosen(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())}
                />
              </th>
              <th scope="col">Workflow</th>
              <th scope="col">Activity</th>
              <th scope="col">Kind</th>
              <th scope="col">Reason</th>
              <th scope="col">Run</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td>
                  <input type="checkbox" aria-label={`Select ${d.id}`} checked={chosen.has(d.id)} onChange={() => toggle(d.id)} disabled={d.status !== 'open'} />
                </td>
                <td>{d.workflowId}</td>
                <td>{d.activityId}</td>
                <td>{d.kind}</td>
                <td>{d.reason}</td>
                <td>
                  <Link href={`/runs/${encodeURIComponent(d.instanceId)}`}>
                    <code>{d.instanceId}</code>
                  </Link>
                </td>
                <td>{new Date(d.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
