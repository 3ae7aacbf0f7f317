import { useEffect, useState } from 'react';
import { expressionOf, isExpression, makeExpression, type Json } from '../model/definition';
import type { InputDescriptor } from '../model/descriptors';
import type { FieldPath } from '../model/sampleFields';
import { CodeEditor, type CodeLanguage } from './CodeEditor';

export interface InputFieldProps {
  nodeId: string;
  input: InputDescriptor;
  value: Json | undefined;
  /** The language a code input is written in, from a sibling input that chooses it. */
  codeLanguage: CodeLanguage;
  fields: readonly FieldPath[];
  problems: string[];
  connections: string[];
  onChange: (value: Json | undefined) => void;
}

/** One input of an activity, with the editor its descriptor asks for and a literal/expression switch. */
export function InputField({ nodeId, input, value, codeLanguage, fields, problems, connections, onChange }: InputFieldProps) {
  const id = `input-${nodeId}-${input.name}`;
  const expression = expressionOf(value);
  const describedBy = `${id}-help`;
  const toggle = () => {
    if (expression) {
      // Back to a literal: keep nothing that could be mistaken for one.
      onChange(undefined);
    } else {
      const seed = value === undefined ? '' : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
      onChange(makeExpression('javascript', seed));
    }
  };
  return (
    <div className={`field ${problems.length ? 'field-error' : ''}`} data-testid={`field-${input.name}`}>
      <div className="field-head">
        <label htmlFor={id}>
          {input.displayName || input.name}
          {input.required && <span aria-label="required"> *</span>}
        </label>
        {input.expressionCapable && (
          <button type="button" className={`toggle ${expression ? 'on' : ''}`} onClick={toggle} aria-pressed={!!expression} title="Switch between a fixed value and an expression">
            {expression ? 'Expression' : 'Fixed'}
            <span className="visually-hidden"> value for {input.displayName || input.name}</span>
          </button>
        )}
      </div>
      {expression ? (
        <div className="expression">
          <label className="inline">
            <span className="visually-hidden">Expression language for {input.name}</span>
            <select value={expression.language} onChange={(e) => onChange(makeExpression(e.target.value, expression.code))}>
              <option value="javascript">JavaScript</option>
              <option value="csharp">C#</option>
            </select>
          </label>
          <CodeEditor
            id={id}
            value={expression.code}
            onChange={(code) => onChange(makeExpression(expression.language, code))}
            language={expression.language === 'csharp' ? 'csharp' : 'javascript'}
            fields={fields}
            label={`${input.displayName || input.name} expression`}
            minLines={1}
            placeholder="input.field"
          />
        </div>
      ) : (
        <LiteralEditor id={id} input={input} value={value} codeLanguage={codeLanguage} fields={fields} connections={connections} onChange={onChange} describedBy={describedBy} />
      )}
      <p id={describedBy} className="field-help">
        {input.description}
        {input.default !== undefined && input.default !== null && ` Default: ${JSON.stringify(input.default)}.`}
      </p>
      {problems.map((p, i) => (
        <p key={i} className="error-text" role="note">
          {p}
        </p>
      ))}
    </div>
  );
}

function LiteralEditor({
  id,
  input,
  value,
  codeLanguage,
  fields,
  connections,
  onChange,
  describedBy,
}: {
  id: string;
  input: InputDescriptor;
  value: Json | undefined;
  codeLanguage: CodeLanguage;
  fields: readonly FieldPath[];
  connections: string[];
  onChange: (value: Json | undefined) => void;
  describedBy: string;
}) {
  const text = (v: Json | undefined) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  switch (input.editor) {
    case 'checkbox':
      return (
        <input
          id={id}
          type="checkbox"
          aria-describedby={describedBy}
          checked={value === undefined ? input.default === true : value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'number':
      return (
        <input
          id={id}
          type="number"
          aria-describedby={describedBy}
          step={input.type === 'integer' ? 1 : 'any'}
          value={typeof value === 'number' ? value : ''}
          placeholder={input.default !== undefined && input.default !== null ? String(input.default) : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'select':
      return (
        <select id={id} aria-describedby={describedBy} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          <option value="">{input.default !== undefined && input.default !== null ? `Default (${String(input.default)})` : 'Choose…'}</option>
          {(input.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'multiline':
      return <textarea id={id} aria-describedby={describedBy} rows={4} value={text(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />;
    case 'code':
      return (
        <CodeEditor
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(code) => onChange(code === '' ? undefined : code)}
          language={codeLanguage}
          fields={fields}
          label={`${input.displayName || input.name} (${codeLanguage === 'csharp' ? 'C#' : 'JavaScript'})`}
          minLines={6}
          placeholder={codeLanguage === 'csharp' ? 'return new { id = Input["id"] };' : 'return { id: input.id };'}
        />
      );
    case 'json':
      return <JsonField id={id} value={value} onChange={onChange} describedBy={describedBy} />;
    case 'keyValue':
      return <KeyValueField id={id} value={value} onChange={onChange} />;
    case 'connection':
      return (
        <>
          <input id={id} list={`${id}-list`} aria-describedby={describedBy} value={text(value)} placeholder="connection name" onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
          <datalist id={`${id}-list`}>
            {connections.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          {connections.length === 0 && <p className="hint">No connections are defined on this server yet; type the name the connection will have.</p>}
        </>
      );
    case 'secret':
      return (
        <>
          <input id={id} aria-describedby={describedBy} value={text(value)} placeholder="secret reference, e.g. erp-api-key" autoComplete="off" onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
          <p className="hint">A reference to a secret stored on the server; the secret itself is never shown here.</p>
        </>
      );
    default:
      return <input id={id} type="text" aria-describedby={describedBy} value={text(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />;
  }
}

/** JSON typed as text; the value changes only when the text parses, and the parse error is shown. */
function JsonField({ id, value, onChange, describedBy }: { id: string; value: Json | undefined; onChange: (v: Json | undefined) => void; describedBy: string }) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Follow outside changes (undo, another node) unless the text already means this value.
    try {
      if (JSON.stringify(text === '' ? undefined : JSON.parse(text)) === JSON.stringify(value)) return;
    } catch {
      /* the text is being edited */
    }
    setText(value === undefined ? '' : JSON.stringify(value, null, 2));
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <>
      <textarea
        id={id}
        rows={5}
        className="mono"
        aria-describedby={describedBy}
        aria-invalid={!!error}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setError(null);
            onChange(undefined);
            return;
          }
          try {
            const parsed = JSON.parse(e.target.value) as Json;
            setError(null);
            if (isExpression(parsed)) setError('This object has the shape of an expression; use the Expression switch instead.');
            else onChange(parsed);
          } catch (err) {
            setError(`Not valid JSON yet: ${(err as Error).message}`);
          }
        }}
      />
      {error && <p className="error-text">{error}</p>}
    </>
  );
}

function KeyValueField({ id, value, onChange }: { id: string; value: Json | undefined; onChange: (v: Json | undefined) => void }) {
  const entries = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]) : [];
  const [rows, setRows] = useState<[string, string][]>(entries);
  const emit = (next: [string, string][]) => {
    setRows(next);
    const filled = next.filter(([k]) => k.trim() !== '');
    onChange(filled.length ? Object.fromEntries(filled) : undefined);
  };
  return (
    <div className="kv" id={id}>
      {rows.map(([k, v], i) => (
        <div className="kv-row" key={i}>
          <input aria-label={`Name ${i + 1}`} value={k} onChange={(e) => emit(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))} />
          <input aria-label={`Value ${i + 1}`} value={v} onChange={(e) => emit(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))} />
          <button type="button" aria-label={`Remove row ${i + 1}`} onClick={() => emit(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setRows([...rows, ['', '']])}>
        Add row
      </button>
    </div>
  );
}
