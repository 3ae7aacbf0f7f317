import { useEffect, useState } from 'react';
import { IDENTIFIER, type ActivityNode, type DefinitionMeta, type Json, type JsonObject } from '../model/definition';
import type { ActivityDescriptor } from '../model/descriptors';
import type { FieldPath } from '../model/sampleFields';
import type { NodeProblems } from '../model/validation';
import type { CodeLanguage } from './CodeEditor';
import { InputField } from './InputField';

/** The language of a node's code inputs: the value of a sibling choice that offers script languages. */
export function codeLanguageOf(activity: ActivityNode, descriptor: ActivityDescriptor | undefined): CodeLanguage {
  const chooser = descriptor?.inputs.find((i) => i.options?.includes('javascript') || i.options?.includes('csharp'));
  const chosen = chooser ? (activity.inputs?.[chooser.name] ?? chooser.default) : undefined;
  return chosen === 'csharp' ? 'csharp' : 'javascript';
}

export function ActivityProperties({
  activity,
  descriptor,
  problems,
  fields,
  connections,
  takenIds,
  onInputs,
  onActivity,
  onRename,
  onDelete,
}: {
  activity: ActivityNode;
  descriptor: ActivityDescriptor | undefined;
  problems: NodeProblems | undefined;
  fields: readonly FieldPath[];
  connections: string[];
  takenIds: ReadonlySet<string>;
  onInputs: (name: string, value: Json | undefined) => void;
  onActivity: (patch: Partial<ActivityNode>) => void;
  onRename: (id: string) => void;
  onDelete: () => void;
}) {
  const [idText, setIdText] = useState(activity.id);
  useEffect(() => setIdText(activity.id), [activity.id]);
  const idError = idText === activity.id ? null : !IDENTIFIER.test(idText) ? 'Letters, digits, ".", "_" and "-", starting with a letter or digit.' : takenIds.has(idText) ? 'Another activity has this id.' : null;
  const language = codeLanguageOf(activity, descriptor);
  const inputs = activity.inputs ?? {};
  const nodeProblems = problems?.byInput[''] ?? [];
  const unknownInputs = Object.keys(inputs).filter((name) => !descriptor?.inputs.some((i) => i.name === name));

  return (
    <section className="properties" aria-label={`Properties of ${activity.id}`}>
      <h2>{descriptor?.displayName ?? activity.type}</h2>
      <p className="hint">{descriptor?.description ?? `The type ${activity.type} is not installed on this server.`}</p>
      {nodeProblems.map((p, i) => (
        <p key={i} className="error-text">
          {p}
        </p>
      ))}
      <div className="field">
        <label htmlFor="activity-id">Activity id</label>
        <input
          id="activity-id"
          value={idText}
          aria-invalid={!!idError}
          onChange={(e) => setIdText(e.target.value)}
          onBlur={() => (idError || idText === activity.id ? setIdText(activity.id) : onRename(idText))}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !idError && idText !== activity.id) onRename(idText);
          }}
        />
        {idError && <p className="error-text">{idError}</p>}
      </div>
      <div className="field">
        <label htmlFor="activity-display-name">Display name</label>
        <input
          id="activity-display-name"
          value={activity.displayName ?? ''}
          placeholder={descriptor?.displayName}
          onChange={(e) => onActivity({ displayName: e.target.value || undefined })}
        />
      </div>
      {descriptor?.inputs.map((input) => (
        <InputField
          key={`${activity.id}:${input.name}`}
          nodeId={activity.id}
          input={input}
          value={inputs[input.name]}
          codeLanguage={language}
          fields={fields}
          problems={problems?.byInput[input.name] ?? []}
          connections={connections}
          onChange={(value) => onInputs(input.name, value)}
        />
      ))}
      {unknownInputs.length > 0 && <p className="error-text">Inputs this type does not declare: {unknownInputs.join(', ')}.</p>}
      <details className="advanced">
        <summary>Retry and timeout</summary>
        <div className="field">
          <label htmlFor="retry-attempts">Most attempts</label>
          <input
            id="retry-attempts"
            type="number"
            min={1}
            value={activity.retry?.maxAttempts ?? ''}
            onChange={(e) => onActivity({ retry: e.target.value === '' ? undefined : { ...activity.retry, maxAttempts: Number(e.target.value) } })}
          />
        </div>
        <div className="field">
          <label htmlFor="activity-timeout">Timeout (ISO 8601, e.g. PT30S)</label>
          <input id="activity-timeout" value={activity.timeout ?? ''} onChange={(e) => onActivity({ timeout: e.target.value || undefined })} />
        </div>
      </details>
      <button type="button" className="danger" onClick={onDelete}>
        Delete activity
      </button>
    </section>
  );
}

export function WorkflowProperties({ meta, onChange }: { meta: DefinitionMeta; onChange: (meta: DefinitionMeta) => void }) {
  const [variables, setVariables] = useState(() => JSON.stringify(meta.variables ?? {}, null, 2));
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="properties" aria-label="Workflow settings">
      <h2>Workflow</h2>
      <p className="hint">Select an activity to edit it. Id: {meta.id}</p>
      <div className="field">
        <label htmlFor="workflow-name">Name</label>
        <input id="workflow-name" value={meta.name} onChange={(e) => onChange({ ...meta, name: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="workflow-description">Description</label>
        <textarea id="workflow-description" rows={3} value={meta.description ?? ''} onChange={(e) => onChange({ ...meta, description: e.target.value || undefined })} />
      </div>
      <div className="field">
        <label htmlFor="workflow-variables">Variables (JSON object, read as vars)</label>
        <textarea
          id="workflow-variables"
          className="mono"
          rows={5}
          value={variables}
          aria-invalid={!!error}
          onChange={(e) => {
            setVariables(e.target.value);
            try {
              const parsed = JSON.parse(e.target.value || '{}') as Json;
              if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('variables must be an object');
              setError(null);
              onChange({ ...meta, variables: parsed as JsonObject });
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        />
        {error && <p className="error-text">{error}</p>}
      </div>
    </section>
  );
}
