// Editor shortcuts. They never fire while a person types in a field or a code editor.

export type ShortcutAction = 'undo' | 'redo' | 'copy' | 'paste' | 'cut' | 'selectAll' | 'save' | 'layout' | 'fit' | 'help';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function shortcutFor(event: KeyLike): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'x') return 'cut';
    if (key === 'a') return 'selectAll';
    if (key === 's') return 'save';
    if (key === 'l' && event.shiftKey) return 'layout';
    return null;
  }
  if (!mod && !event.altKey) {
    if (key === 'f' && event.shiftKey) return 'fit';
    if (event.key === '?') return 'help';
  }
  return null;
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('.cm-editor');
}

export const SHORTCUTS: [string, string][] = [
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
  ['Ctrl+C, Ctrl+X, Ctrl+V', 'Copy, cut, paste activities'],
  ['Ctrl+A', 'Select every activity'],
  ['Delete', 'Delete the selection'],
  ['Shift+click, Shift+drag', 'Add to the selection, select by box'],
  ['Ctrl+S', 'Save the draft'],
  ['Ctrl+Shift+L', 'Auto-layout'],
  ['Shift+F', 'Zoom to fit'],
  ['Tab, Enter, arrow keys', 'Move between activities, select, move the selected one'],
  ['?', 'Show these shortcuts'],
];
