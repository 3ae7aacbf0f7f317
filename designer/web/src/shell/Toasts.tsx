export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

export function Toasts({ toasts }: { toasts: Toast[] }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`} role={t.tone === 'error' ? 'alert' : undefined}>
          {t.message}
        </div>
      ))}
    </div>
  );
}
