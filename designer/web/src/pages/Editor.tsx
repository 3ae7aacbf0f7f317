import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { PinSpec } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import type { TestRunResult, WorkflowDraft } from '../api/types';
import { Canvas } from '../canvas/Canvas';
import { isTyping, SHORTCUTS, shortcutFor } from '../canvas/keyboard';
import { OverlayContext, OverlayStore } from '../canvas/overlays';
import { Palette } from '../canvas/Palette';
import { useEditorGraph } from '../canvas/useEditorGraph';
import { useDebounced, useLatest } from '../canvas/useStable';
import { copySelection, isClip, pasteClip, type Clip } from '../model/clipboard';
import type { Json, Position, WorkflowDefinition } from '../model/definition';
import type { ActivityDescriptor } from '../model/descriptors';
import { graphToDefinition, newEdge, nodeKind, renameActivity, uniqueActivityId, type ActivityFlowNode } from '../model/graph';
import { parseImport } from '../model/importer';
import { summarizeJournal } from '../model/journal';
import { fieldPaths } from '../model/sampleFields';
import { errorCount, locateAll, problemsByNode, type LocatedProblem, type Problem } from '../model/validation';
import { DescriptorContext } from '../nodes/DescriptorContext';
import { ConflictDialog } from '../panels/ConflictDialog';
import { Inspector } from '../panels/Inspector';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { ActivityProperties, WorkflowProperties } from '../panels/PropertyPanel';
import { TestRunPanel } from '../panels/TestRunPanel';
import { VersionsPanel } from '../panels/VersionsPanel';
import { useApp } from '../shell/AppContext';
import { Dialog } from '../shell/Dialog';
import { Link } from '../shell/Link';
import { graphOf, withLayout } from './editorGraph';
import { useParkedReasons } from './useParkedReasons';

let clipboard: Clip | null = null;

type Tab = 'properties' | 'test' | 'versions';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Editor({ draft }: { draft: WorkflowDraft }) {
  const { api, descriptors, hidden, notify } = useApp();
  const flow = useReactFlow();
  const initial = useMemo(() => graphOf(draft.definition, descriptors), [draft, descriptors]);
  const editor = useEditorGraph(initial);
  const { graph, graphRef, revision, update, commit, checkpoint, reset } = editor;
  const overlays = useMemo(() => new OverlayStore(), []);
  // A ref as well as state: publish reads the tag of a save made a moment earlier in the same handler.
  const eTagRef = useRef<string | null>(draft.eTag);
  const setETag = (tag: string | null) => {
    eTagRef.current = tag;
  };
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(graphToDefinition(initial)));
  const [problems, setProblems] = useState<LocatedProblem[]>(() => locateAll(draft.problems, draft.definition));
  const [validating, setValidating] = useState(false);
  const [tab, setTab] = useState<Tab>('properties');
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [sample, setSample] = useState('{}');
  const [result, setResult] = useState<TestRunResult | null>(null);
  const [pins, setPins] = useState<Record<string, PinSpec>>({});
  const [versionsKey, setVersionsKey] = useState(0);
  const [help, setHelp] = useState(false);
  const [connections, setConnections] = useState<string[]>([]);
  const importInput = useRef<HTMLInputElement>(null);

  const definition = useMemo(() => graphToDefinition(graphRef.current), [revision, graphRef]);
  const definitionJson = useMemo(() => JSON.stringify(definition), [definition]);
  const dirty = definitionJson !== savedJson;
  const errors = errorCount(problems);

  // Validation as people edit: the server's validator, a moment after the last change.
  const toValidate = useDebounced(definition, 500);
  useEffect(() => {
    let current = true;
    setValidating(true);
    api.validate(toValidate).then(
      (r) => {
        if (current) setProblems(locateAll(r.problems, toValidate));
      },
      (e: unknown) => current && notify(describeError(e), 'error'),
    ).finally(() => current && setValidating(false));
    return () => {
      current = false;
    };
  }, [api, toValidate, notify]);

  useEffect(() => overlays.setFacet('problems', problemsByNode(problems)), [overlays, problems]);
  useEffect(() => overlays.setFacet('run', result ? summarizeJournal(result.journal, result.pinned) : new Map()), [overlays, result]);
  useEffect(() => overlays.setFacet('pinned', new Map(Object.keys(pins).map((id) => [id, true]))), [overlays, pins]);
  useEffect(() => {
    api.listConnections().then((list) => setConnections(list.map((c) => c.id)), () => setConnections([]));
  }, [api]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const selected = graph.nodes.filter((n) => n.selected);
  const single = selected.length === 1 ? selected[0]! : null;
  const takenIds = useMemo(() => new Set(graph.nodes.map((n) => n.id)), [graph.nodes]);
  const runs = useMemo(() => (result ? summarizeJournal(result.journal, result.pinned) : new Map()), [result]);
  const parked = useParkedReasons(draft.id, result?.instanceId, result?.journal);

  const sampleJson = useMemo<Json | undefined>(() => {
    try {
      return sample.trim() ? (JSON.parse(sample) as Json) : undefined;
    } catch {
      return undefined;
    }
  }, [sample]);
  const fields = useMemo(() => {
    // For a selected node, its input in the last run beats the sample: that is what `input` will be.
    const nodeInput = single ? runs.get(single.id)?.last.input : undefined;
    return [...fieldPaths('input', nodeInput ?? sampleJson), ...fieldPaths('vars', graph.meta.variables ?? {})];
  }, [single, runs, sampleJson, graph.meta.variables]);

  const outcomeCount = useCallback((id: string) => {
    const node = graphRef.current.nodes.find((n) => n.id === id);
    return node ? (descriptors.get(node.data.activity.type)?.outcomes.length ?? 1) : 1;
  }, [descriptors, graphRef]);

  const addActivity = useCallback(
    (descriptor: ActivityDescriptor, position?: Position) => {
      const at = position ?? flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
      commit((g) => {
        const id = uniqueActivityId(descriptor.type, new Set(g.nodes.map((n) => n.id)));
        const node: ActivityFlowNode = {
          id,
          type: descriptor.isTrigger ? 'trigger' : 'activity',
          position: { x: Math.round(at.x), y: Math.round(at.y) },
          data: { activity: { id, type: descriptor.type } },
          selected: true,
        };
        return { ...g, nodes: [...g.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node], edges: g.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) };
      });
      setTab('properties');
    },
    [commit, flow],
  );

  const onDropType = useCallback(
    (type: string, position: Position) => {
      const descriptor = descriptors.get(type);
      if (descriptor) addActivity(descriptor, position);
    },
    [descriptors, addActivity],
  );

  const select = useCallback(
    (id: string) => {
      update((g) => ({ ...g, nodes: g.nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })) }));
      const node = graphRef.current.nodes.find((n) => n.id === id);
      if (node) void flow.setCenter(node.position.x + 110, node.position.y + 36, { zoom: Math.max(flow.getZoom(), 0.8), duration: 200 });
      setTab('properties');
    },
    [update, flow, graphRef],
  );

  const changeActivity = (id: string, change: (a: ActivityFlowNode['data']['activity']) => ActivityFlowNode['data']['activity'], key: string) =>
    commit((g) => ({ ...g, nodes: g.nodes.map((n) => (n.id === id ? { ...n, data: { activity: change(n.data.activity) } } : n)) }), { key });

  const setInput = (id: string, name: string, value: Json | undefined) =>
    changeActivity(
      id,
      (a) => {
        const inputs = { ...(a.inputs ?? {}) };
        if (value === undefined) delete inputs[name];
        else inputs[name] = value;
        const { inputs: _, ...rest } = a;
        return Object.keys(inputs).length === 0 ? rest : { ...rest, inputs };
      },
      `input:${id}:${name}`,
    );

  const deleteSelection = useCallback(() => {
    commit((g) => {
      const gone = new Set(g.nodes.filter((n) => n.selected).map((n) => n.id));
      return { ...g, nodes: g.nodes.filter((n) => !gone.has(n.id)), edges: g.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target)) };
    });
  }, [commit]);

  const copy = useCallback(() => {
    const g = graphRef.current;
    const chosen = g.nodes.filter((n) => n.selected);
    if (chosen.length === 0) return false;
    clipboard = copySelection(chosen, graphToDefinition(g).connections);
    void navigator.clipboard?.writeText(JSON.stringify(clipboard)).catch(() => undefined);
    return true;
  }, [graphRef]);

  const paste = useCallback(async () => {
    let clip = clipboard;
    try {
      const text = await navigator.clipboard?.readText();
      const parsed: unknown = text ? JSON.parse(text) : null;
      if (isClip(parsed)) clip = parsed;
    } catch {
      /* the system clipboard is optional: the in-app copy is used */
    }
    if (!clip) return;
    const source = clip;
    commit((g) => {
      const pasted = pasteClip(source, new Set(g.nodes.map((n) => n.id)), { x: 40, y: 40 });
      const nodes: ActivityFlowNode[] = pasted.activities.map((a) => ({
        id: a.id,
        type: nodeKind(a.type, descriptors),
        position: pasted.positions[a.id] ?? { x: 0, y: 0 },
        data: { activity: a },
        selected: true,
      }));
      const edges = pasted.connections.map((c) => newEdge(c.from, c.outcome ?? descriptors.get(pasted.activities.find((a) => a.id === c.from)!.type)?.outcomes[0]?.name ?? 'done', c.to, outcomeCount(c.from)));
      return { ...g, nodes: [...g.nodes.map((n) => ({ ...n, selected: false })), ...nodes], edges: [...g.edges, ...edges] };
    });
    clipboard = source;
  }, [commit, descriptors, outcomeCount]);

  const layout = useCallback(() => {
    commit((g) => withLayout(g, descriptors));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.15, duration: 200 }));
  }, [commit, descriptors, flow]);

  const reload = useCallback(async () => {
    setConflict(false);
    try {
      const fresh = await api.getDraft(draft.id);
      const g = graphOf(fresh.definition, descriptors);
      reset(g);
      setETag(fresh.eTag);
      setSavedJson(JSON.stringify(graphToDefinition(g)));
      setProblems(locateAll(fresh.problems, fresh.definition));
      notify('Reloaded the saved draft.');
    } catch (e) {
      notify(describeError(e), 'error');
    }
  }, [api, draft.id, descriptors, reset, notify]);

  const save = useCallback(
    async (overwrite = false): Promise<boolean> => {
      setConflict(false);
      setBusy('Saving…');
      const toSave = graphToDefinition(graphRef.current);
      try {
        const saved = await api.saveDraft(toSave, overwrite ? null : eTagRef.current);
        setETag(saved.eTag ?? saved.value.eTag);
        setSavedJson(JSON.stringify(toSave));
        setProblems(locateAll(saved.value.problems, toSave));
        notify(overwrite ? 'Saved over the other changes.' : 'Saved.');
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.isEditConflict) setConflict(true);
        else notify(describeError(e), 'error');
        return false;
      } finally {
        setBusy(null);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, graphRef, notify],
  );

  const publish = async () => {
    if (errors > 0) {
      notify(`Fix the ${errors} error${errors > 1 ? 's' : ''} before publishing.`, 'error');
      return;
    }
    if (dirty && !(await save())) return;
    setBusy('Publishing…');
    try {
      const published = await api.publish(draft.id, eTagRef.current);
      notify(`Published version ${published.version}.`);
      setVersionsKey((k) => k + 1);
    } catch (e) {
      if (e instanceof ApiError && e.isEditConflict) setConflict(true);
      else {
        if (e instanceof ApiError && e.problems.length) setProblems(locateAll(e.problems as Problem[], definition));
        notify(describeError(e), 'error');
      }
    } finally {
      setBusy(null);
    }
  };

  const testRun = async () => {
    let input: Json = null;
    try {
      input = sample.trim() ? (JSON.parse(sample) as Json) : null;
    } catch (e) {
      notify(`The sample is not valid JSON: ${(e as Error).message}`, 'error');
      return;
    }
    setBusy('Running…');
    setTab('test');
    try {
      const r = await api.testRun(graphToDefinition(graphRef.current), input, pins);
      setResult(r);
      notify(`Test run ${r.status}.`, r.status === 'faulted' ? 'error' : 'info');
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) setProblems(locateAll(e.problems as Problem[], definition));
      notify(describeError(e), 'error');
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = file.size > 5 * 1024 * 1024 ? '' : await file.text();
    const parsed = parseImport(file.name, text, file.size, descriptors);
    if (!parsed.ok) {
      notify(parsed.message, 'error');
      return;
    }
    const imported: WorkflowDefinition = { ...parsed.definition, id: draft.id };
    try {
      const check = await api.validate(imported);
      if (!check.readable) {
        notify(`${file.name} cannot be read as a workflow: ${check.problems[0]?.message ?? 'unknown reason'}. Nothing was imported.`, 'error');
        return;
      }
    } catch (e) {
      notify(`${describeError(e)} Nothing was imported.`, 'error');
      return;
    }
    commit(() => graphOf(imported, descriptors));
    notify(`Imported ${file.name}. Undo brings the previous draft back; save to keep it.`);
    requestAnimationFrame(() => void flow.fitView({ padding: 0.15 }));
  };

  const rollback = (version: WorkflowDefinition, number: number) => {
    commit(() => graphOf({ ...version, id: draft.id, version: 0 }, descriptors));
    notify(`The draft now has version ${number}'s content; saving…`);
    void save();
  };

  const actions = useLatest({ save, layout, copy, paste, deleteSelection, undo: editor.undo, redo: editor.redo });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      // Saving works from anywhere; every other shortcut leaves typing alone.
      if (!action || document.querySelector('dialog[open]') || (action !== 'save' && isTyping(event.target))) return;
      const a = actions.current;
      event.preventDefault();
      switch (action) {
        case 'undo':
          a.undo();
          break;
        case 'redo':
          a.redo();
          break;
        case 'copy':
          a.copy();
          break;
        case 'cut':
          if (a.copy()) a.deleteSelection();
          break;
        case 'paste':
          void a.paste();
          break;
        case 'selectAll':
          update((g) => ({ ...g, nodes: g.nodes.map((n) => ({ ...n, selected: true })) }));
          break;
        case 'save':
          void a.save();
          break;
        case 'layout':
          a.layout();
          break;
        case 'fit':
          void flow.fitView({ padding: 0.15, duration: 200 });
          break;
        case 'help':
          setHelp(true);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, update, flow]);

  const onRendered = useCallback(() => {
    performance.mark('designer:canvas-rendered');
  }, []);

  const nodeProblems = single ? problemsByNode(problems).get(single.id) : undefined;
  const singleDescriptor = single ? descriptors.get(single.data.activity.type) : undefined;

  return (
    <DescriptorContext.Provider value={descriptors}>
      <OverlayContext.Provider value={overlays}>
        <main className="editor" aria-label={`Editor: ${graph.meta.name}`}>
          <div className="toolbar" role="toolbar" aria-label="Workflow actions">
            <Link href="/" className="back">
              ← Workflows
            </Link>
            <h1 className="editor-title">{graph.meta.name}</h1>
            <span className="save-state" data-testid="save-state">
              {busy ?? (dirty ? 'Unsaved changes' : 'Saved')}
            </span>
            <button type="button" onClick={editor.undo} disabled={!editor.canUndo} title="Undo (Ctrl+Z)">
              Undo
            </button>
            <button type="button" onClick={editor.redo} disabled={!editor.canRedo} title="Redo (Ctrl+Shift+Z)">
              Redo
            </button>
            <button type="button" onClick={layout} title="Auto-layout (Ctrl+Shift+L)">
              Auto-layout
            </button>
            <button type="button" onClick={() => void flow.fitView({ padding: 0.15, duration: 200 })} title="Zoom to fit (Shift+F)">
              Fit
            </button>
            <button type="button" onClick={() => importInput.current?.click()}>
              Import…
            </button>
            <input ref={importInput} type="file" accept=".json,application/json" className="visually-hidden" aria-label="Import a workflow file" onChange={(e) => void importFile(e)} tabIndex={-1} />
            <button type="button" onClick={() => download(`${draft.id}.json`, JSON.stringify(graphToDefinition(graphRef.current), null, 2))}>
              Export
            </button>
            <button type="button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
              ?
            </button>
            <button type="button" onClick={() => void testRun()} disabled={!!busy}>
              Test run
            </button>
            <button type="button" onClick={() => void save()} disabled={!!busy} title="Save (Ctrl+S)">
              Save
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void publish()}
              disabled={!!busy || errors > 0}
              title={errors > 0 ? `Fix ${errors} error${errors > 1 ? 's' : ''} first` : 'Publish a new version'}
            >
              Publish
            </button>
            <Link href={`/runs?workflow=${encodeURIComponent(draft.id)}`} aria-label={`Runs of ${graph.meta.name}`}>
              Runs
            </Link>
          </div>
          <div className="editor-body">
            <Palette descriptors={descriptors} hidden={hidden} onAdd={addActivity} />
            <div className="center">
              <Canvas graph={graph} update={update} commit={commit} checkpoint={checkpoint} outcomeCount={outcomeCount} onDropType={onDropType} onRendered={onRendered} />
              <ProblemsPanel problems={problems} validating={validating} onSelect={select} />
            </div>
            <aside className="side" aria-label="Details">
              <div className="tabs" role="tablist" aria-label="Side panel">
                {(['properties', 'test', 'versions'] as Tab[]).map((t) => (
                  <button key={t} type="button" role="tab" id={`tab-${t}`} aria-selected={tab === t} aria-controls={`panel-${t}`} onClick={() => setTab(t)}>
                    {t === 'properties' ? 'Properties' : t === 'test' ? 'Test run' : 'Versions'}
                  </button>
                ))}
              </div>
              <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
                {tab === 'properties' &&
                  (single ? (
                    <ActivityProperties
                      key={single.id}
                      activity={single.data.activity}
                      descriptor={singleDescriptor}
                      problems={nodeProblems}
                      fields={fields}
                      connections={connections}
                      takenIds={takenIds}
                      onInputs={(name, value) => setInput(single.id, name, value)}
                      onActivity={(patch) => changeActivity(single.id, (a) => ({ ...a, ...patch }), `activity:${single.id}:${Object.keys(patch).join()}`)}
                      onRename={(to) => {
                        commit((g) => ({ ...g, ...renameActivity(g, single.id, to) }));
                        setPins((p) => {
                          if (!(single.id in p)) return p;
                          const { [single.id]: moved, ...rest } = p;
                          return { ...rest, [to]: moved! };
                        });
                      }}
                      onDelete={deleteSelection}
                    />
                  ) : selected.length > 1 ? (
                    <section className="properties">
                      <h2>{selected.length} activities selected</h2>
                      <button type="button" className="danger" onClick={deleteSelection}>
                        Delete them
                      </button>
                    </section>
                  ) : (
                    <WorkflowProperties meta={graph.meta} onChange={(meta) => commit((g) => ({ ...g, meta }), { key: 'meta' })} />
                  ))}
                {tab === 'test' && (
                  <>
                    <TestRunPanel sample={sample} onSample={setSample} running={busy === 'Running…'} result={result} onRun={() => void testRun()} pinCount={Object.keys(pins).length} />
                    {single && (
                      <Inspector
                        activityId={single.id}
                        run={runs.get(single.id)}
                        pinned={pins[single.id]?.output}
                        parkedReason={parked.get(single.id)}
                        onPin={singleDescriptor?.isTrigger ? undefined : (output, outcome) => setPins((p) => ({ ...p, [single.id]: outcome ? { output, outcome } : { output } }))}
                        onUnpin={() =>
                          setPins((p) => {
                            const { [single.id]: _, ...rest } = p;
                            return rest;
                          })
                        }
                      />
                    )}
                  </>
                )}
                {tab === 'versions' && <VersionsPanel workflowId={draft.id} draft={definition} refreshKey={versionsKey} onRollback={rollback} />}
              </div>
            </aside>
          </div>
          {conflict && <ConflictDialog onReload={() => void reload()} onOverwrite={() => void save(true)} onCancel={() => setConflict(false)} />}
          {help && (
            <Dialog title="Keyboard shortcuts" onClose={() => setHelp(false)}>
              <table className="shortcuts">
                <tbody>
                  {SHORTCUTS.map(([keys, what]) => (
                    <tr key={keys}>
                      <th scope="row">{keys}</th>
                      <td>{what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="dialog-actions">
                <button type="button" onClick={() => setHelp(false)} autoFocus>
                  Close
                </button>
              </div>
            </Dialog>
          )}
        </main>
      </OverlayContext.Provider>
    </DescriptorContext.Provider>
  );
}
