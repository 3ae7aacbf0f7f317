import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/errors';
import type { ConnectionView, TemplateDetail, TemplateSummary, WorkflowSummary } from '../api/types';
import { emptyDefinition, IDENTIFIER, type Json, type WorkflowDefinition } from '../model/definition';
import { parseImport } from '../model/importer';
import { TemplateDialog } from '../panels/TemplateDialog';
import { useApp } from '../shell/AppContext';
import { Link } from '../shell/Link';
import { navigate } from '../shell/router';

/** Every workflow, and the ways to start one: empty, from a file, from a template. */
export function WorkflowsPage() {
  const { api, descriptors, session, notify } = useApp();
  const [workflows, setWorkflows] = useState<WorkflowSummary[] | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [using, setUsing] = useState<{ summary: TemplateSummary; template: TemplateDetail; connections: ConnectionView[] | null } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    api.listWorkflows().then(setWorkflows, (e: unknown) => setMessage(describeError(e)));
  }, [api]);
  useEffect(load, [load]);
  useEffect(() => {
    if (session.templatesAvailable) api.listTemplates().then(setTemplates, () => setTemplates([]));
  }, [api, session.templatesAvailable]);

  /** Saves the draft and opens it; the reason when it cannot be saved. */
  const save = async (definition: WorkflowDefinition, what: string): Promise<string | null> => {
    try {
      await api.createDraft({ ...definition, version: 0 });
      notify(`Created ${definition.id} ${what}.`);
      navigate(`/workflows/${encodeURIComponent(definition.id)}`);
      return null;
    } catch (e) {
      const text = e instanceof ApiError && e.status === 409 ? `A workflow with id '${definition.id}' already exists; open it, or import under another id.` : describeError(e);
      return `${text} Nothing was imported.`;
    }
  };

  const create = async (definition: WorkflowDefinition, what: string) => {
    const failure = await save(definition, what);
    if (failure) setMessage(failure);
  };

  const submitNew = (event: FormEvent) => {
    event.preventDefault();
    const id = newId.trim();
    if (!IDENTIFIER.test(id)) {
      setMessage('The id may hold letters, digits, ".", "_" and "-", and starts with a letter or digit.');
      return;
    }
    void create(emptyDefinition(id, newName.trim() || id), '');
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage(null);
    const text = file.size > 5 * 1024 * 1024 ? '' : await file.text();
    const parsed = parseImport(file.name, text, file.size, descriptors);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    try {
      const check = await api.validate(parsed.definition);
      if (!check.readable) {
        setMessage(`${file.name} cannot be read as a workflow: ${check.problems.map((p) => `${p.path}: ${p.message}`).slice(0, 3).join('; ')}. Nothing was imported.`);
        return;
      }
    } catch (e) {
      setMessage(`${describeError(e)} Nothing was imported.`);
      return;
    }
    await create(parsed.definition, `from ${file.name}`);
  };

  /** The server applies the parameters (as `servicessync import` does); the result is checked like any import. */
  const saveInstance = async (template: TemplateSummary, definition: Json): Promise<string | null> => {
    const parsed = parseImport(`${template.name}/workflow.json`, JSON.stringify(definition), 0, descriptors);
    return parsed.ok ? save(parsed.definition, `from the template ${template.title}`) : parsed.message;
  };

  /** Null when the connections cannot be listed (e.g. a key without read access to them): the fields are then free text. */
  const loadConnections = async (): Promise<ConnectionView[] | null> => {
    try {
      return await api.listConnections();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
      throw error;
    }
  };

  const fromTemplate = async (template: TemplateSummary) => {
    setMessage(null);
    try {
      const detail = await api.getTemplate(template.name);
      if (detail.error || !detail.definition) {
        setMessage(detail.error ?? `The template ${template.name} has no workflow.`);
        return;
      }
      if ((detail.parameters ?? []).length > 0) {
        setUsing({ summary: template, template: detail, connections: await loadConnections() });
        return;
      }
      // Nothing to ask: the server still checks the template can run here.
      const instance = await api.instantiateTemplate(template.name, { parameters: {} });
      const failure = await saveInstance(template, instance.definition);
      if (failure) setMessage(failure);
    } catch (e) {
      setMessage(`${describeError(e)} Nothing was imported.`);
    }
  };

  const reloadConnections = () => {
    loadConnections().then(
      (connections) => setUsing((u) => (u ? { ...u, connections } : u)),
      (e: unknown) => notify(describeError(e), 'error'),
    );
  };

  return (
    <main className="list-page" aria-labelledby="workflows-title">
      <h1 id="workflows-title">Workflows</h1>
      {message && (
        <p role="alert" className="banner error" data-testid="workflows-message">
          {message}
        </p>
      )}
      <div className="cards">
        <form className="card" onSubmit={submitNew} aria-label="New workflow">
          <h2>New workflow</h2>
          <label htmlFor="new-id">Id</label>
          <input id="new-id" value={newId} onChange={(e) => setNewId(e.target.value)} placeholder="approved-time-to-billing" />
          <label htmlFor="new-name">Name</label>
          <input id="new-name" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="Approved time to billing" />
          <button type="submit" className="primary">
            Create
          </button>
        </form>
        <div className="card">
          <h2>Import</h2>
          <p>A workflow JSON file (exported from a designer or written by hand), at most 5 MB.</p>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import a file…
          </button>
          <input ref={fileInput} type="file" accept=".json,application/json" className="visually-hidden" aria-label="Workflow file to import" tabIndex={-1} onChange={(e) => void importFile(e)} data-testid="import-file" />
        </div>
      </div>
      {using && (
        <TemplateDialog
          template={using.template}
          connections={using.connections}
          onReloadConnections={reloadConnections}
          onCreate={(definition) => saveInstance(using.summary, definition)}
          onClose={() => setUsing(null)}
        />
      )}
      {templates.length > 0 && (
        <section aria-labelledby="templates-title">
          <h2 id="templates-title">Start from a template</h2>
          <ul className="template-list">
            {templates.map((t) => (
              <li key={t.name} className="card">
                <h3>{t.title}</h3>
                <p>{t.description || t.name}</p>
                {!!t.parameterCount && <p className="hint">Asks for {t.parameterCount === 1 ? '1 parameter' : `${t.parameterCount} parameters`} on import.</p>}
                {t.error && <p className="error-text">{t.error}</p>}
                <button type="button" onClick={() => void fromTemplate(t)} disabled={!!t.error} aria-label={`Use template ${t.title}`}>
                  Use template
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="all-title">
        <h2 id="all-title">All workflows</h2>
        {workflows === null ? (
          <p>Loading…</p>
        ) : workflows.length === 0 ? (
          <p className="hint">No workflows yet: create one, import a file or start from a template.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Id</th>
                <th scope="col">Published</th>
                <th scope="col">Draft saved</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {workflows.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link href={`/workflows/${encodeURIComponent(w.id)}`}>{w.name}</Link>
                  </td>
                  <td>
                    <code>{w.id}</code>
                  </td>
                  <td>{w.latestVersion ? `v${w.latestVersion}` : 'not yet'}</td>
                  <td>{new Date(w.draftUpdatedAt).toLocaleString()}</td>
                  <td>
                    <Link href={`/runs?workflow=${encodeURIComponent(w.id)}`} aria-label={`Runs of ${w.name}`}>
                      Runs
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
