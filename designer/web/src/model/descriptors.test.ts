import { describe, expect, it } from 'vitest';
import { defaultOutcome, indexDescriptors, paletteGroups } from './descriptors';
import { descriptorIndex, sampleDescriptors } from './testing/descriptors';

describe('paletteGroups', () => {
  it('groups by category with triggers first, hiding hidden types', () => {
    const groups = paletteGroups(descriptorIndex, '', new Set(['design.pinned']));
    expect(groups.map((g) => g.category)).toEqual(['Triggers', 'Connectors', 'Control', 'Transform']);
  });

  it('searches display name, type, category and description, every word', () => {
    expect(paletteGroups(descriptorIndex, 'http', new Set()).flatMap((g) => g.items.map((d) => d.type))).toEqual(['http.request']);
    expect(paletteGroups(descriptorIndex, 'sends request', new Set()).flatMap((g) => g.items.map((d) => d.type))).toEqual(['http.request']);
    expect(paletteGroups(descriptorIndex, 'nothing-like-this', new Set())).toEqual([]);
  });
});

describe('indexDescriptors', () => {
  it('keeps the newest version of each type', () => {
    const v2 = { ...sampleDescriptors[1]!, version: 2, displayName: 'Set v2' };
    expect(indexDescriptors([v2, ...sampleDescriptors]).get('core.set')?.displayName).toBe('Set v2');
  });

  it('takes the first outcome as the default', () => {
    expect(defaultOutcome(descriptorIndex.get('core.branch'))).toBe('true');
    expect(defaultOutcome(undefined)).toBe('done');
  });
});
