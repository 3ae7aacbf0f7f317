import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, describeError } from '../api/errors';
import type { ConnectionTestResult, ConnectionView } from '../api/types';
import {
  buildBody,
  FIELD_KEYS,
  formFromView,
  emptyForm,
  keepsStoredSecrets,
  knownFieldKeys,
  mapProblems,
  secretFieldsOf,
  type ConnectionForm as Form,
  type MappedProblems,
  type SecretValues,
} from '../model/connectionForm';
import { AUTH_KINDS, CONNECTION_TYPES, plainFields, type AuthField } from '../model/connectionKinds';
import { useApp } from '../shell/AppContext';
import { Dialog } from '../shell/Dialog';

export interface ConnectionFormProps {
  /** The stored connection being edited, or null for a new one. */
  original: ConnectionView | null;
  eTag: string | null;
  onSaved: (saved: ConnectionView, eTag: string | null) => void;
  onDeleted: (id: string) => void;
  onClose: () => void;
}

const NO_PROBLEMS: MappedProblems = { fields: {}, general: [] };

/**
 * Creates or edits one connection. Secret inputs start empty and are write-only: what is typed is
 * sent once and dropped; an input left empty on edit keeps the stored value (the server merges).
 */
export function ConnectionForm({ original, eTag, onSaved, onDeleted, onClose }: ConnectionFormProps) {
  const { api, notify } = useApp();
  const [form, setForm] = useState<Form>(() => (original ? formFromView(original) : emptyForm()));
  const [secrets, setSecrets] = useState<SecretValues>({});
  const [problems, setProblems] = useState<MappedProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [test, setTest] = useState<ConnectionTestResult | 'running' | null>(null);

  const editing = original !== null;
  const update = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const keeps = keepsStoredSecrets(form, original);
  const secretInputs = secretFieldsOf(form, original);
  const types = CONNECTION_TYPES.some((t) => t.type === form.type) ? CONNECTION_TYPES : [...CONNECTION_TYPES, { type: form.type, label: form.type }];
  const kinds = AUTH_KINDS.some((k) => k.kind === form.authKind) ? AUTH_KINDS : [...AUTH_KINDS, { kind: form.authKind, label: form.authKind, fields: [] }];

  const save = async (overwrite: boolean) => {
    setConflict(false);
    const built = buildBody(form, secrets, original);
    if (!built.ok) {
      setProblems({ fields: built.problems, general: [] });
      return;
    }
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      const saved = original ? await api.saveConnection(original.id, built.body, overwrite ? null : eTag) : await api.createConnection(built.body);
      setSecrets({});
      notify(`Saved connection ${saved.value.id}.`);
      onSaved(saved.value, saved.eTag);
    } catch (e) {
      if (e instanceof ApiError && e.isEditConflict) setConflict(true);
      else if (e instanceof ApiError && [400, 409, 422].includes(e.status)) setProblems(mapProblems({ status: e.status, type: e.type, detail: e.detail, problems: e.problems }, knownFieldKeys(form, original)));
      else setProblems({ fields: {}, general: [describeError(e)] });
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    setConflict(false);
    if (!original) return;
    try {
      const current = await api.getConnection(original.id);
      setSecrets({});
      onSaved(current.value, current.eTag);
    } catch (e) {
      setProblems({ fields: {}, general: [describeError(e)] });
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    if (!original) return;
    try {
      await api.deleteConnection(original.id);
      notify(`Deleted connection ${original.id}.`);
      onDeleted(original.id);
    } catch (e) {
      setProblems({ fields: {}, general: [describeError(e)] });
    }
  };

  const runTest = async () => {
    if (!original) return;
    setTest('running');
    try {
      setTest(await api.testConnection(original.id));
    } catch (e) {
      setTest({ ok: false, message: describeError(e), errorKind: null, elapsedMilliseconds: 0 });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const title = editing ? `Edit connection ${original.id}` : 'New connection';
  const errorsOf = (key: string) => problems.fields[key] ?? [];
  const field = (key: string, label: string, control: (props: ControlProps) => ReactNode, hint?: ReactNode) => (
    <Field key={key} fieldKey={key} label={label} errors={errorsOf(key)} hint={hint} control={control} />
  );

  return (
    <section className="card connection-form" aria-labelledby="connection-form-title">
      <h2 id="connection-form-title">{title}</h2>
      {problems.general.length > 0 && (
        <div role="alert" className="banner error" data-testid="connection-problems">
          {problems.general.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {problems.general.length === 0 && Object.keys(problems.fields).length > 0 && (
        <p role="alert" className="banner error" data-testid="connection-problems">
          The connection was not saved: see the fields marked below.
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          {field(FIELD_KEYS.id, 'Id', (p) => <input {...p} value={form.id} readOnly={editing} onChange={(e) => update({ id: e.target.value })} placeholder="erp-production" />, editing ? 'The id cannot change: workflows refer to it.' : undefined)}
          {field(FIELD_KEYS.type, 'Type', (p) => (
            <select {...p} value={form.type} onChange={(e) => update({ type: e.target.value })}>
              {types.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label} ({t.type})
                </option>
              ))}
            </select>
          ))}
          {field(FIELD_KEYS.displayName, 'Display name', (p) => <input {...p} value={form.displayName} onChange={(e) => update({ displayName: e.target.value })} />)}
          {field(FIELD_KEYS.baseUrl, 'Base URL', (p) => <input {...p} type="url" value={form.baseUrl} onChange={(e) => update({ baseUrl: e.target.value })} placeholder="https://erp.example.com/" />)}
        </div>

        <fieldset className="form-group">
          <legend>Authentication</legend>
          <div className="form-grid">
            {field(FIELD_KEYS.authKind, 'Authentication kind', (p) => (
              <select {...p} value={form.authKind} onChange={(e) => update({ authKind: e.target.value })}>
                {kinds.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
              </select>
            ))}
            {plainFields(form.authKind).map((f) => field(`auth.${f.name}`, f.label, (p) => <PlainInput {...p} field={f} value={form.auth[f.name] ?? ''} onChange={(v) => update({ auth: { ...form.auth, [f.name]: v } })} />, f.hint))}
            {secretInputs.map((f) =>
              field(
                `auth.${f.name}`,
                f.label,
                (p) => <input {...p} type="password" autoComplete="new-password" spellCheck={false} value={secrets[f.name] ?? ''} onChange={(e) => setSecrets((s) => ({ ...s, [f.name]: e.target.value }))} />,
                keeps ? (
                  <span data-testid={`secret-stored-${f.name}`}>Stored — leave empty to keep.</span>
                ) : original?.hasSecret ? (
                  'Required: a new authentication kind does not keep the stored secrets.'
                ) : (
                  'Write-only: stored encrypted and never shown again.'
                ),
              ),
            )}
          </div>
        </fieldset>

        <details className="form-group advanced">
          <summary>Resilience and properties</summary>
          <div className="form-grid">
            {field(FIELD_KEYS.timeout, 'Timeout per attempt', (p) => <input {...p} value={form.timeout} onChange={(e) => update({ timeout: e.target.value })} placeholder="PT30S" />, 'ISO-8601 duration; empty for the default (PT30S).')}
            {field(FIELD_KEYS.maxRetries, 'Quick retries', (p) => <input {...p} inputMode="numeric" value={form.maxRetries} onChange={(e) => update({ maxRetries: e.target.value })} placeholder="2" />, '0 to 10; the activity’s retry policy handles longer outages.')}
            {field(FIELD_KEYS.maxRetryDelay, 'Longest retry delay', (p) => <input {...p} value={form.maxRetryDelay} onChange={(e) => update({ maxRetryDelay: e.target.value })} placeholder="PT10S" />)}
            {field(FIELD_KEYS.requestsPerSecond, 'Rate limit (requests per second)', (p) => <input {...p} inputMode="decimal" value={form.requestsPerSecond} onChange={(e) => update({ requestsPerSecond: e.target.value })} />, 'Empty for no limit.')}
            {field(FIELD_KEYS.burst, 'Burst', (p) => <input {...p} inputMode="numeric" value={form.burst} onChange={(e) => update({ burst: e.target.value })} placeholder="1" />)}
          </div>
          <Properties form={form} errors={errorsOf(FIELD_KEYS.properties)} onChange={(properties) => update({ properties })} />
        </details>

        <div className="row form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {editing ? 'Save' : 'Create'}
          </button>
          {editing && (
            <button type="button" onClick={() => void runTest()} disabled={test === 'running'}>
              Test connection
            </button>
          )}
          {editing && (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          )}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite" data-testid="connection-test-result" data-ok={test && test !== 'running' ? String(test.ok) : undefined}>
        {test === 'running' && <p>Testing the saved connection…</p>}
        {test && test !== 'running' && (
          <p className={test.ok ? 'test-ok' : 'error-text'}>
            {test.ok ? 'Connection works: ' : 'Connection failed: '}
            {test.message}
          </p>
        )}
      </div>

      {conflict && (
        <Dialog title="The connection was changed by someone else" onClose={() => setConflict(false)}>
          <p>
            Someone saved <strong>{original?.id}</strong> after you opened it. <strong>Reload</strong> shows their version and drops your changes;{' '}
            <strong>Overwrite</strong> saves yours over theirs (secrets you left empty keep the stored value).
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => void reload()}>
              Reload theirs
            </button>
            <button type="button" className="danger" onClick={() => void save(true)}>
              Overwrite with mine
            </button>
            <button type="button" onClick={() => setConflict(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
      {confirmDelete && (
        <Dialog title={`Delete connection ${original?.id}?`} onClose={() => setConfirmDelete(false)}>
          <p>Workflows that use this connection fail until a connection with this id exists again. Its stored secrets are gone for good.</p>
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete connection
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

function Field({ fieldKey, label, errors, hint, control }: { fieldKey: string; label: string; errors: string[]; hint: ReactNode | undefined; control: (props: ControlProps) => ReactNode }) {
  const id = `connection-${fieldKey.replace(/\./g, '-')}`;
  const described = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${errors.length ? 'field-error' : ''}`} data-testid={`connection-field-${fieldKey}`}>
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': errors.length > 0, 'aria-describedby': described || undefined })}
      {hint && (
        <p className="field-help" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p className="error-text" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

function PlainInput({ field, value, onChange, ...props }: ControlProps & { field: AuthField; value: string; onChange: (value: string) => void }) {
  if (field.choices) {
    return (
      <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">(default)</option>
        {field.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  }
  return <input {...props} value={value} onChange={(e) => onChange(e.target.value)} />;
}

function Properties({ form, errors, onChange }: { form: Form; errors: string[]; onChange: (rows: Form['properties']) => void }) {
  const rows = form.properties;
  const set = (index: number, patch: Partial<Form['properties'][number]>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset className={`form-group ${errors.length ? 'field-error' : ''}`} data-testid="connection-field-properties">
      <legend>Properties</legend>
      <p className="field-help">Type-specific settings that are not secret, e.g. a Redmine default activity id.</p>
      {rows.map((row, i) => (
        <div className="kv-row" key={i}>
          <input aria-label={`Property ${i + 1} name`} value={row.key} onChange={(e) => set(i, { key: e.target.value })} />
          <input aria-label={`Property ${i + 1} value`} value={row.value} onChange={(e) => set(i, { value: e.target.value })} />
          <button type="button" aria-label={`Remove property ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        Add property
      </button>
      {errors.length > 0 && <p className="error-text">{errors.join(' ')}</p>}
    </fieldset>
  );
}
