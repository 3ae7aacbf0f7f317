import { describe, expect, it } from 'vitest';
import { shortcutFor } from './keyboard';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcutFor', () => {
  it.each([
    [key('z', { ctrlKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { metaKey: true }), 'redo'],
    [key('c', { ctrlKey: true }), 'copy'],
    [key('v', { ctrlKey: true }), 'paste'],
    [key('s', { ctrlKey: true }), 'save'],
    [key('L', { ctrlKey: true, shiftKey: true }), 'layout'],
    [key('F', { shiftKey: true }), 'fit'],
    [key('?', { shiftKey: true }), 'help'],
    [key('a'), null],
    [key('z', { ctrlKey: true, altKey: true }), null],
  ])('maps %o to %s', (event, action) => {
    expect(shortcutFor(event)).toBe(action);
  });
});
