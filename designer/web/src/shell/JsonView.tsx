import type { Json } from '../model/definition';

/** Read-only JSON, pretty-printed; large values are cut so the page stays responsive. */
export function JsonView({ value, label }: { value: Json | undefined; label: string }) {
  let text = value === undefined ? '(nothing)' : JSON.stringify(value, null, 2);
  if (text.length > 200_000) text = `${text.slice(0, 200_000)}\n… (cut: ${Math.round(text.length / 1024)} KB in all)`;
  return (
    <pre className="json" aria-label={label} tabIndex={0}>
      {text}
    </pre>
  );
}
