import { memo, useMemo, useState, type DragEvent } from 'react';
import { paletteGroups, type ActivityDescriptor, type DescriptorIndex } from '../model/descriptors';

export const DRAG_MIME = 'application/x-servicessync-activity';

/**
 * Every registered activity type, grouped by category and searchable. Drag an item onto the
 * canvas, or focus it and press Enter to add it in the middle of the view.
 */
export const Palette = memo(function Palette({
  descriptors,
  hidden,
  onAdd,
}: {
  descriptors: DescriptorIndex;
  hidden: ReadonlySet<string>;
  onAdd: (descriptor: ActivityDescriptor) => void;
}) {
  const [search, setSearch] = useState('');
  const groups = useMemo(() => paletteGroups(descriptors, search, hidden), [descriptors, search, hidden]);
  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(DRAG_MIME, type);
    event.dataTransfer.setData('text/plain', type);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <aside className="palette" aria-label="Activities">
      <label htmlFor="palette-search" className="visually-hidden">
        Search activities
      </label>
      <input id="palette-search" type="search" placeholder="Search activities…" value={search} onChange={(e) => setSearch(e.target.value)} />
      {groups.length === 0 && <p className="hint">No activity matches “{search}”.</p>}
      {groups.map((group) => (
        <section key={group.category} aria-label={group.category}>
          <h3>{group.category}</h3>
          <ul>
            {group.items.map((d) => (
              <li key={d.type}>
                <button
                  type="button"
                  className="palette-item"
                  draggable
                  onDragStart={(e) => onDragStart(e, d.type)}
                  onClick={() => onAdd(d)}
                  title={`${d.description}\n(${d.type}) — drag onto the canvas or press Enter`}
                  data-type={d.type}
                >
                  <span className="palette-name">{d.displayName}</span>
                  <span className="palette-type">{d.type}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
});
