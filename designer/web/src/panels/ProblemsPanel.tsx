import type { LocatedProblem } from '../model/validation';

/** Every validation problem of the draft; choosing one selects the activity it is about. */
export function ProblemsPanel({ problems, validating, onSelect }: { problems: LocatedProblem[]; validating: boolean; onSelect: (activityId: string) => void }) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h2>
        Problems{' '}
        <span className="count" data-testid="problem-count">
          {errors} error{errors === 1 ? '' : 's'}, {problems.length - errors} warning{problems.length - errors === 1 ? '' : 's'}
        </span>
        {validating && <span className="hint"> checking…</span>}
      </h2>
      {problems.length === 0 ? (
        <p className="hint">No problems: the workflow can be published.</p>
      ) : (
        <ul>
          {problems.map((p, i) => (
            <li key={`${p.path}:${p.code}:${i}`} className={`problem ${p.severity}`}>
              <span className="severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
              {p.activity ? (
                <button type="button" className="link" onClick={() => onSelect(p.activity!)}>
                  {p.activity}
                  {p.input ? `.${p.input}` : ''}
                </button>
              ) : (
                <code>{p.path || '/'}</code>
              )}
              <span className="message">{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
