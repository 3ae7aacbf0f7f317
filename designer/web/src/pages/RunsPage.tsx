import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../api/errors';
import type { InstancePage, InstanceStatus } from '../api/types';
import { useApp } from '../shell/AppContext';
import { Link } from '../shell/Link';

const STATUSES: InstanceStatus[] = ['running', 'suspended', 'completed', 'faulted', 'cancelled'];
const PAGE = 50;

function isoOrUndefined(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

/** Runs newest first, filtered by workflow, status and time. */
export function RunsPage({ initialWorkflow }: { initialWorkflow: string | null }) {
  const { api } = useApp();
  const [workflow, setWorkflow] = useState(initialWorkflow ?? '');
  const [status, setStatus] = useState<InstanceStatus | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [skip, setSkip] = useState(0);
  const [page, setPage] = useState<InstancePage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    api
      .listInstances({ workflow: workflow.trim() || undefined, status, from: isoOrUndefined(from), to: isoOrUndefined(to), skip, take: PAGE })
      .then(setPage, (e: unknown) => setError(describeError(e)));
  }, [api, workflow, status, from, to, skip]);

  useEffect(load, [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSkip(0);
    load();
  };

  return (
    <main className="list-page" aria-labelledby="runs-title">
      <h1 id="runs-title">Runs</h1>
      <form className="filters" onSubmit={submit} aria-label="Filter runs">
        <label>
          Workflow
          <input value={workflow} onChange={(e) => setWorkflow(e.target.value)} placeholder="any" />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as InstanceStatus | '')}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit">Refresh</button>
      </form>
      {error && (
        <p role="alert" className="banner error">
          {error}
        </p>
      )}
      {page && page.items.length === 0 && <p className="hint">No runs match.</p>}
      {page && page.items.length > 0 && (
        <>
          <table className="table" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Workflow</th>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => (
                <tr key={r.id} data-testid="run-row">
                  <td>
                    <Link href={`/runs/${encodeURIComponent(r.id)}`}>
                      <code>{r.id}</code>
                    </Link>
                  </td>
                  <td>{r.workflowId}</td>
                  <td>{r.workflowVersion === 0 ? 'draft (test run)' : `v${r.workflowVersion}`}</td>
                  <td>
                    <span className={`pill status-${r.status}`}>{r.status}</span>
                  </td>
                  <td>{new Date(r.createdAt).toLocaleString()}</td>
                  <td className="error-cell">{r.error?.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - PAGE))}>
              Newer
            </button>
            <span>
              {skip + 1}–{skip + page.items.length} of {page.totalExact ? page.total : `more than ${page.total.toLocaleString()}`}
            </span>
            <button type="button" disabled={skip + PAGE >= page.total} onClick={() => setSkip(skip + PAGE)}>
              Older
            </button>
          </div>
        </>
      )}
    </main>
  );
}
