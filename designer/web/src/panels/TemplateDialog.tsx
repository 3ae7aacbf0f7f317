import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/errors';
import type { ConnectionView, TemplateDetail } from '../api/types';
import type { Json } from '../model/definition';
import {
  checkField,
  checkForm,
  connectionsFor,
  controlOf,
  CRON_HINT,
  initialValues,
  instantiateBody,
  sortProblems,
  type FormValues,
  type TemplateParameter,
} from '../model/templateForm';
import { useApp } from '../shell/AppContext';
import { Dialog } from '../shell/Dialog';

interface Props {
  template: TemplateDetail;
  /** Null when the server does not list connections: the fields are then free text. */
  connections: ConnectionView[] | null;
  onReloadConnections: () => void;
  /** Saves the instantiated definition as a draft; resolves to an error message when that fails. */
  onCreate: (definition: Json) => Promise<string | null>;
  onClose: () => void;
}

/** "Use template": asks for the template's parameters, then has the server apply them. */
export function TemplateDialog({ template, connections, onReloadConnections, onCreate, onClose }: Props) {
  const { api } = useApp();
  const parameters = template.parameters ?? [];
  const [values, setValues] = useState<FormValues>(() => initialValues(parameters, connections ?? []));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const title = template.title ?? template.name;

  const change = (name: string, text: string) => {
    setValues((v) => ({ ...v, [name]: text }));
    setErrors((e) => {
      const rest = { ...e };
      delete rest[name];
      return rest;
    });
  };

  const blur = (parameter: TemplateParameter) => {
    const error = checkField(parameter, values[parameter.name] ?? '', connections);
    if (error) setErrors((e) => ({ ...e, [parameter.name]: error }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral([]);
    const found = checkForm(parameters, values, connections);
    setErrors(found);
    const firstError = Object.keys(found)[0];
    if (firstError) {
      focusField(firstError);
      return;
    }
    setBusy(true);
    try {
      const result = await api.instantiateTemplate(template.name, instantiateBody(parameters, values));
      const failure = await onCreate(result.definition);
      if (failure) setGeneral([failure]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.problems.length > 0) {
        const sorted = sortProblems(parameters, e.problems);
        setErrors(sorted.fields);
        setGeneral(sorted.general);
        const first = Object.keys(sorted.fields)[0];
        if (first) focusField(first);
      } else {
        setGeneral([describeError(e)]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Use template: ${title}`} onClose={onClose}>
      <form className="template-form" onSubmit={(e) => void submit(e)} aria-label={`Parameters of ${title}`} noValidate>
        {template.description && <p className="hint">{template.description}</p>}
        {general.length > 0 && (
          <div role="alert" className="banner error" data-testid="template-form-error">
            {general.map((g) => (
              <p key={g}>{g}</p>
            ))}
          </div>
        )}
        {parameters.map((parameter) => (
          <ParameterField
            key={parameter.name}
            parameter={parameter}
            value={values[parameter.name] ?? ''}
            error={errors[parameter.name] ?? null}
            connections={connections}
            onChange={(text) => change(parameter.name, text)}
            onBlur={() => blur(parameter)}
            onReloadConnections={onReloadConnections}
          />
        ))}
        <p className="field-help">Connections are chosen by id: their secrets stay on the server and never enter the workflow.</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create workflow'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function fieldId(name: string): string {
  return `template-param-${name}`;
}

function focusField(name: string) {
  // After React has rendered the error, so a screen reader reads it with the field.
  setTimeout(() => document.getElementById(fieldId(name))?.focus(), 0);
}

interface FieldProps {
  parameter: TemplateParameter;
  value: string;
  error: string | null;
  connections: ConnectionView[] | null;
  onChange: (text: string) => void;
  onBlur: () => void;
  onReloadConnections: () => void;
}

function ParameterField({ parameter, value, error, connections, onChange, onBlur, onReloadConnections }: FieldProps) {
  const id = fieldId(parameter.name);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const control = controlOf(parameter);
  const describedBy = [helpId, error ? errorId : null].filter(Boolean).join(' ');
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': !!error,
    'aria-required': parameter.required,
    onBlur,
  };
  const help = [parameter.description, control === 'cron' ? CRON_HINT : '', parameter.required ? '' : 'Optional: left empty, the template default applies.']
    .filter(Boolean)
    .join(' ');

  let input;
  if (control === 'connection' && connections !== null) {
    const matching = connectionsFor(parameter, connections);
    const kind = parameter.connectionType ? `${parameter.connectionType} connection` : 'connection';
    input = (
      <>
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{matching.length === 0 ? `No ${kind} yet` : `Choose a ${kind}…`}</option>
          {matching.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName ? `${c.displayName} (${c.id})` : c.id}
            </option>
          ))}
          {value && !matching.some((c) => c.id === value) && <option value={value}>{value}</option>}
        </select>
        <span className="field-help">
          <a href="/connections" target="_blank" rel="noreferrer">
            Create a {kind}
          </a>{' '}
          (opens the connections page), then{' '}
          <button type="button" className="link" onClick={onReloadConnections}>
            refresh the list
          </button>
        </span>
      </>
    );
  } else if (control === 'json') {
    input = <textarea {...common} rows={Math.min(12, Math.max(4, value.split('\n').length))} spellCheck={false} className="mono" value={value} onChange={(e) => onChange(e.target.value)} />;
  } else if (control === 'boolean') {
    input = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{parameter.required ? 'Choose…' : 'Template default'}</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else {
    input = (
      <input
        {...common}
        type="text"
        inputMode={control === 'number' ? 'decimal' : undefined}
        placeholder={control === 'connection' ? 'connection id' : control === 'cron' ? '0 30 5 ? * *' : undefined}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }

  return (
    <div className={`field ${error ? 'field-error' : ''}`} data-testid={`template-field-${parameter.name}`}>
      <label htmlFor={id}>
        {parameter.title}
        {parameter.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {input}
      <p id={helpId} className="field-help">
        {help || <code>{parameter.name}</code>}
      </p>
      {error && (
        <p id={errorId} className="error-text" data-testid={`template-error-${parameter.name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
