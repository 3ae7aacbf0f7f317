import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import type { WorkflowDraft } from '../api/types';
import { useApp } from '../shell/AppContext';
import { Link } from '../shell/Link';
import { Editor } from './Editor';

/** Loads a draft, then hands it to the editor. */
export function EditorPage({ id }: { id: string }) {
  const { api } = useApp();
  const [draft, setDraft] = useState<WorkflowDraft | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.getDraft(id).then(
      (d) => {
        performance.mark('designer:draft-loaded');
        setDraft(d);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [api, id]);

  if (error)
    return (
      <main className="centered">
        <h1>Cannot open {id}</h1>
        <p role="alert">{error}</p>
        <Link href="/">Back to workflows</Link>
      </main>
    );
  if (!draft) return <main className="centered">Loading {id}…</main>;
  return (
    <ReactFlowProvider>
      <Editor draft={draft} />
    </ReactFlowProvider>
  );
}
