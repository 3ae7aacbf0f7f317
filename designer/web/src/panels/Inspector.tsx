import type { Json } from '../model/definition';
import type { NodeRun } from '../model/journal';
import { JsonView } from '../shell/JsonView';

/**
 * The selected activity's data from the last run: input, output, error, attempts, and why it
 * dead-lettered its message; pin its output.
 */
export function Inspector({
  activityId,
  run,
  pinned,
  parkedReason,
  onPin,
  onUnpin,
}: {
  activityId: string;
  run: NodeRun | undefined;
  pinned: Json | undefined;
  /** The reason in the dead-letter list, when this activity parked a message in the run. */
  parkedReason?: string | undefined;
  onPin?: (output: Json, outcome: string | undefined) => void;
  onUnpin?: () => void;
}) {
  return (
    <section className="inspector" aria-label={`Run data of ${activityId}`} data-testid="inspector">
      <h2>Run data: {activityId}</h2>
      {!run && pinned === undefined && <p className="hint">This activity did not run in the last test run.</p>}
      {run && (
        <>
          <p>
            <span className={`pill status-${run.status}`}>{run.status}</span> {run.entries.length > 1 ? `${run.entries.length} journal entries` : ''}
            {run.last.outcomes.length > 0 && ` → ${run.last.outcomes.join(', ')}`} · {run.durationMs} ms
          </p>
          {run.last.error && <p className="error-text">{run.last.error.message}</p>}
          {parkedReason && (
            <p className="error-text" data-testid="inspector-reason">
              Dead-lettered: {parkedReason}
            </p>
          )}
          <h3>Input</h3>
          <JsonView value={run.last.input} label={`Input of ${activityId}`} />
          <h3>Output</h3>
          <div data-testid="inspector-output">
            <JsonView value={run.last.output} label={`Output of ${activityId}`} />
          </div>
        </>
      )}
      {pinned !== undefined ? (
        <div className="pinned">
          <p>
            <strong>Output pinned.</strong> Test runs skip this activity and use the pinned output.
          </p>
          {onUnpin && (
            <button type="button" onClick={onUnpin}>
              Unpin output
            </button>
          )}
        </div>
      ) : (
        run?.status === 'completed' &&
        onPin && (
          <button type="button" onClick={() => onPin(run.last.output ?? null, run.last.outcomes[0])}>
            Pin this output
          </button>
        )
      )}
    </section>
  );
}
