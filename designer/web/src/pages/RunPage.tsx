import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeError } from '../api/errors';
import type { InstanceDetail } from '../api/types';
import { Canvas } from '../canvas/Canvas';
import { OverlayContext, OverlayStore } from '../canvas/overlays';
import { useEditorGraph, type GraphState } from '../canvas/useEditorGraph';
import type { WorkflowDefinition } from '../model/definition';
import { summarizeJournal } from '../model/journal';
import { DescriptorContext } from '../nodes/DescriptorContext';
import { Inspector } from '../panels/Inspector';
import { useApp } from '../shell/AppContext';
import { JsonView } from '../shell/JsonView';
import { Link } from '../shell/Link';
import { graphOf } from './editorGraph';
import { useParkedReasons } from './useParkedReasons';

/** One run: the diagram with each node's status, the journal, retry and cancel. */
export function RunPage({ id }: { id: string }) {
  const { api, descriptors, notify } = useApp();
  const [detail, setDetail] = useState<InstanceDetail | null>(null);
  const [definition, setDefinition] = useState<{ definition: WorkflowDefinition; note: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const d = await api.getInstance(id);
      setDetail(d);
      const { workflowId, workflowVersion } = d.instance;
      if (workflowVersion > 0) {
        const v = await api.getVersion(workflowId, workflowVersion);
        setDefinition({ definition: v.definition, note: `version ${workflowVersion}` });
      } else {
        const draft = await api.getDraft(workflowId).catch(() => null);
        if (draft) setDefinition({ definition: draft.definition, note: 'the current draft (a test run may have used an earlier state of it)' });
      }
    } catch (e) {
      setError(describeError(e));
    }
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load]);

  // Follow a run that is still going.
  useEffect(() => {
    if (detail?.instance.status !== 'running') return;
    const timer = setInterval(() => void load(), 1500);
    return () => clearInterval(timer);
  }, [detail?.instance.status, load]);

  const act = async (what: 'retry' | 'cancel') => {
    try {
      if (what === 'retry') await api.retryInstance(id);
      else await api.cancelInstance(id);
      notify(what === 'retry' ? 'Retrying the run.' : 'Run cancelled.');
      await load();
    } catch (e) {
      notify(describeError(e), 'error');
    }
  };

  const parked = useParkedReasons(detail?.instance.workflowId, detail?.instance.id, detail?.journal);

  if (error)
    return (
      <main className="centered">
        <h1>Run {id}</h1>
        <p role="alert">{error}</p>
        <Link href="/runs">Back to runs</Link>
      </main>
    );
  if (!detail) return <main className="centered">Loading run…</main>;
  const { instance } = detail;
  return (
    <main className="run-page" aria-labelledby="run-title">
      <div className="toolbar">
        <Link href="/runs" className="back">
          ← Runs
        </Link>
        <h1 id="run-title" className="editor-title">
          {instance.workflowId} <code>{instance.id}</code>
        </h1>
        <span className={`pill status-${instance.status}`} data-testid="run-status">
          {instance.status}
        </span>
        <button type="button" onClick={() => void act('retry')} disabled={instance.status !== 'faulted'}>
          Retry
        </button>
        <button type="button" onClick={() => void act('cancel')} disabled={!['running', 'suspended', 'faulted'].includes(instance.status)}>
          Cancel
        </button>
        <Link href={`/workflows/${encodeURIComponent(instance.workflowId)}`}>Open workflow</Link>
      </div>
      {instance.error && <p className="banner error">{instance.error.message}</p>}
      <div className="run-body">
        {definition ? (
          <ReactFlowProvider>
            <RunDiagram definition={definition.definition} detail={detail} note={definition.note} descriptorsIndex={descriptors} parked={parked} />
          </ReactFlowProvider>
        ) : (
          <p className="hint">The workflow's definition is no longer available; the journal below is complete.</p>
        )}
      </div>
      <section aria-labelledby="journal-title" className="journal">
        <h2 id="journal-title">Journal</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Activity</th>
              <th scope="col">Kind</th>
              <th scope="col">Attempt</th>
              <th scope="col">Outcomes</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {(detail.journal ?? []).map((e) => (
              <tr key={e.sequence}>
                <td>{e.sequence}</td>
                <td>
                  {e.activityId} <span className="hint">{e.activityType}</span>
                </td>
                <td>{e.kind}</td>
                <td>{e.attempt}</td>
                <td>{e.outcomes.join(', ')}</td>
                <td>
                  {e.error && <p className="error-text">{e.error.message}</p>}
                  {e.kind === 'deadLettered' && parked.has(e.activityId) && (
                    <p className="error-text" data-testid="journal-reason">
                      {parked.get(e.activityId)}
                    </p>
                  )}
                  <details>
                    <summary>Input and output</summary>
                    <JsonView value={e.input} label={`Input of entry ${e.sequence}`} />
                    <JsonView value={e.output} label={`Output of entry ${e.sequence}`} />
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Run input</h3>
        <JsonView value={detail.input} label="Run input" />
        <h3>Run output</h3>
        <JsonView value={detail.output} label="Run output" />
      </section>
    </main>
  );
}

function RunDiagram({
  definition,
  detail,
  note,
  descriptorsIndex,
  parked,
}: {
  definition: WorkflowDefinition;
  detail: InstanceDetail;
  note: string;
  descriptorsIndex: ReturnType<typeof useApp>['descriptors'];
  parked: ReadonlyMap<string, string>;
}) {
  const initial = useMemo<GraphState>(() => graphOf(definition, descriptorsIndex), [definition, descriptorsIndex]);
  const { graph, update } = useEditorGraph(initial);
  const overlays = useMemo(() => new OverlayStore(), []);
  const runs = useMemo(() => summarizeJournal(detail.journal ?? []), [detail.journal]);
  useEffect(() => overlays.setFacet('run', runs), [overlays, runs]);
  const selected = graph.nodes.find((n) => n.selected);
  return (
    <DescriptorContext.Provider value={descriptorsIndex}>
      <OverlayContext.Provider value={overlays}>
        <div className="run-diagram">
          <div className="center">
            <p className="hint">Diagram of {note}. Select an activity to see its data.</p>
            <Canvas graph={graph} readOnly update={update} />
          </div>
          <aside className="side" aria-label="Activity data">
            {selected ? <Inspector activityId={selected.id} run={runs.get(selected.id)} pinned={undefined} parkedReason={parked.get(selected.id)} /> : <p className="hint">Select an activity.</p>}
          </aside>
        </div>
      </OverlayContext.Provider>
    </DescriptorContext.Provider>
  );
}
