import { Dialog } from '../shell/Dialog';

/** Someone saved the draft after it was loaded here: the person chooses, nothing is lost silently. */
export function ConflictDialog({ onReload, onOverwrite, onCancel }: { onReload: () => void; onOverwrite: () => void; onCancel: () => void }) {
  return (
    <Dialog title="The draft was changed by someone else" onClose={onCancel}>
      <p>
        Another editor saved this workflow after you opened it. <strong>Reload</strong> shows their version and drops your unsaved changes;{' '}
        <strong>Overwrite</strong> saves yours over theirs.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onReload}>
          Reload theirs
        </button>
        <button type="button" className="danger" onClick={onOverwrite}>
          Overwrite with mine
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
