import { useEffect, useState, type ChangeEvent } from 'react';
import type { TemplateSummary, TestRunResult } from '../api/types';
import { useApp } from '../shell/AppContext';
import { describeError } from '../api/errors';
import { JsonView } from '../shell/JsonView';

export const MAX_SAMPLE_BYTES = 5 * 1024 * 1024;

/**
 * The sample message of a test run: typed, loaded from a file, or taken from a template's
 * samples. The run itself is started by the editor, which owns the draft and the pins.
 */
export function TestRunPanel({
  sample,
  onSample,
  running,
  result,
  onRun,
  pinCount,
}: {
  sample: string;
  onSample: (text: string) => void;
  running: boolean;
  result: TestRunResult | null;
  onRun: () => void;
  pinCount: number;
}) {
  const { api, session, notify } = useApp();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const sampleError = (() => {
    if (sample.trim() === '') return null;
    try {
      JSON.parse(sample);
      return null;
    } catch (e) {
      return `The sample is not valid JSON: ${(e as Error).message}`;
    }
  })();

  useEffect(() => {
    if (!session.templatesAvailable) return;
    api.listTemplates().then(setTemplates, (e: unknown) => notify(describeError(e), 'error'));
  }, [api, session.templatesAvailable, notify]);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_SAMPLE_BYTES) {
      notify(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a sample may be at most 5 MB. The sample was not changed.`, 'error');
      return;
    }
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch (e) {
      notify(`${file.name} is not valid JSON (${(e as Error).message}). The sample was not changed.`, 'error');
      return;
    }
    onSample(text);
  };

  const pickTemplateSample = async (value: string) => {
    if (!value) return;
    const [template, name] = value.split('\u0000');
    try {
      const detail = await api.getTemplate(template!);
      const found = detail.samples.find((s) => s.name === name);
      if (!found || found.error) notify(found?.error ?? `The sample ${name} is missing.`, 'error');
      else onSample(JSON.stringify(found.payload, null, 2));
    } catch (e) {
      notify(describeError(e), 'error');
    }
  };

  return (
    <section className="test-run" aria-label="Test run">
      <h2>Test run</h2>
      <label htmlFor="sample-payload">Sample message (JSON, the trigger's input)</label>
      <textarea id="sample-payload" className="mono" rows={6} value={sample} onChange={(e) => onSample(e.target.value)} aria-invalid={!!sampleError} />
      {sampleError && <p className="error-text">{sampleError}</p>}
      <div className="row">
        <label className="file-button">
          Load sample file…
          <input type="file" accept=".json,application/json" onChange={(e) => void upload(e)} className="visually-hidden" />
        </label>
        {templates.some((t) => t.samples.length > 0) && (
          <label>
            <span className="visually-hidden">Template sample</span>
            <select value="" onChange={(e) => void pickTemplateSample(e.target.value)}>
              <option value="">Template sample…</option>
              {templates.flatMap((t) =>
                t.samples.map((s) => (
                  <option key={`${t.name}/${s}`} value={`${t.name}\u0000${s}`}>
                    {t.title}: {s}
                  </option>
                )),
              )}
            </select>
          </label>
        )}
      </div>
      <button type="button" className="primary" onClick={onRun} disabled={running || !!sampleError}>
        {running ? 'Running…' : 'Run test'}
      </button>
      {pinCount > 0 && <p className="hint">{pinCount} pinned output{pinCount > 1 ? 's' : ''} will be used instead of running those activities.</p>}
      {result && (
        <div className="test-result" data-testid="test-result" data-status={result.status}>
          <p>
            Result: <span className={`pill status-${result.status}`}>{result.status}</span> <code>{result.instanceId}</code>
          </p>
          {result.error && <p className="error-text">{result.error.message}</p>}
          <h3>Output</h3>
          <JsonView value={result.output} label="Output of the test run" />
          <p className="hint">Select an activity to see its input and output.</p>
        </div>
      )}
    </section>
  );
}
