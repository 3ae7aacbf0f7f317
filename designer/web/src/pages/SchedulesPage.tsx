import { useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import type { ScheduleSummary } from '../api/types';
import { useApp } from '../shell/AppContext';

/** Schedules with their next fire time, from GET /api/v1/schedules once the server provides it. */
export function SchedulesPage() {
  const { api } = useApp();
  const [state, setState] = useState<{ supported: boolean; items: ScheduleSummary[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listSchedules().then(setState, (e: unknown) => setError(describeError(e)));
  }, [api]);
  return (
    <main className="list-page" aria-labelledby="schedules-title">
      <h1 id="schedules-title">Schedules</h1>
      {error && <p role="alert" className="banner error">{error}</p>}
      {state && !state.supported && (
        <p className="empty" data-testid="schedules-empty">
          No schedules yet. This server does not report schedules; published workflows with a schedule trigger will be listed here with their next fire time once it does.
        </p>
      )}
      {state?.supported && state.items.length === 0 && <p className="empty">No schedules yet: publish a workflow with a schedule trigger.</p>}
      {state?.supported && state.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Workflow</th>
              <th scope="col">Trigger</th>
              <th scope="col">When</th>
              <th scope="col">Time zone</th>
              <th scope="col">Missed fires</th>
              <th scope="col">Last fired</th>
              <th scope="col">Next fire</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((s) => (
              <tr key={`${s.workflowId}/${s.triggerId}`} data-testid="schedule-row">
                <td>
                  {s.workflowId} <span className="muted">v{s.version}</span>
                </td>
                <td>{s.triggerId}</td>
                <td>
                  <code>{s.cron ?? `every ${s.interval}`}</code>
                </td>
                <td>{s.timeZone}</td>
                <td>{s.misfire === 'skip' ? 'skipped' : 'run once'}</td>
                <td>{s.lastFireTime ? new Date(s.lastFireTime).toLocaleString() : '—'}</td>
                <td>{s.nextFireTime ? new Date(s.nextFireTime).toLocaleString() : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
