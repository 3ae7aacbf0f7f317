import { useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import type { PublishedVersion, VersionSummary } from '../api/types';
import type { WorkflowDefinition } from '../model/definition';
import { describeChange, diffDefinitions } from '../model/diff';
import { useApp } from '../shell/AppContext';

/** Published versions, newest first; each one's differences from the draft, and rollback into the draft. */
export function VersionsPanel({ workflowId, draft, refreshKey, onRollback }: { workflowId: string; draft: WorkflowDefinition; refreshKey: number; onRollback: (definition: WorkflowDefinition, version: number) => void }) {
  const { api, notify } = useApp();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [open, setOpen] = useState<PublishedVersion | null>(null);

  useEffect(() => {
    api.listVersions(workflowId).then(setVersions, (e: unknown) => notify(describeError(e), 'error'));
  }, [api, workflowId, refreshKey, notify]);

  const show = async (version: number) => {
    try {
      setOpen(await api.getVersion(workflowId, version));
    } catch (e) {
      notify(describeError(e), 'error');
    }
  };

  if (versions === null) return <p className="hint">Loading versions…</p>;
  const changes = open ? diffDefinitions(open.definition, draft) : [];
  return (
    <section className="versions" aria-label="Version history">
      <h2>Versions</h2>
      {versions.length === 0 && <p className="hint">Not published yet.</p>}
      <ul>
        {versions.map((v) => (
          <li key={v.version}>
            <button type="button" className={`link ${open?.version === v.version ? 'current' : ''}`} onClick={() => void show(v.version)}>
              Version {v.version}
            </button>{' '}
            <span className="hint">
              {new Date(v.publishedAt).toLocaleString()} {v.publishedBy ? `by ${v.publishedBy}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {open && (
        <div className="diff" data-testid="version-diff">
          <h3>Draft compared with version {open.version}</h3>
          {changes.length === 0 ? (
            <p className="hint">The draft is the same as version {open.version}.</p>
          ) : (
            <ul>
              {changes.map((c, i) => (
                <li key={i} className={`change ${c.kind}`}>
                  {describeChange(c)}
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => onRollback(open.definition, open.version)} disabled={changes.length === 0}>
            Roll the draft back to version {open.version}
          </button>
        </div>
      )}
    </section>
  );
}
