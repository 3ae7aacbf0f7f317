// Activity-type descriptors from GET /api/v1/activity-types. The palette and the property panel
// are generated from these: nothing about a particular activity type is written in the app.

import type { Json } from './definition';

export interface InputDescriptor {
  name: string;
  type: string;
  editor: string;
  displayName: string;
  description: string;
  required: boolean;
  default?: Json;
  expressionCapable: boolean;
  options?: string[] | null;
}

export interface OutcomeDescriptor {
  name: string;
  displayName: string;
  description?: string;
}

export interface ActivityDescriptor {
  type: string;
  version: number;
  category: string;
  displayName: string;
  description: string;
  isTrigger: boolean;
  role: string;
  inputs: InputDescriptor[];
  outcomes: OutcomeDescriptor[];
}

/** Newest version of each type, by type id. */
export type DescriptorIndex = ReadonlyMap<string, ActivityDescriptor>;

export function indexDescriptors(all: readonly ActivityDescriptor[]): Map<string, ActivityDescriptor> {
  const index = new Map<string, ActivityDescriptor>();
  for (const descriptor of all) {
    const current = index.get(descriptor.type);
    if (!current || current.version < descriptor.version) index.set(descriptor.type, descriptor);
  }
  return index;
}

export function defaultOutcome(descriptor: ActivityDescriptor | undefined): string {
  return descriptor?.outcomes[0]?.name ?? 'done';
}

export interface PaletteGroup {
  category: string;
  items: ActivityDescriptor[];
}

/**
 * Groups the descriptors for the palette: triggers first, then categories alphabetically; within a
 * group by display name. A search matches display name, type id, category and description.
 */
export function paletteGroups(index: DescriptorIndex, search: string, hidden: ReadonlySet<string>): PaletteGroup[] {
  const terms = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, ActivityDescriptor[]>();
  for (const descriptor of index.values()) {
    if (hidden.has(descriptor.type)) continue;
    const haystack = `${descriptor.displayName} ${descriptor.type} ${descriptor.category} ${descriptor.description}`.toLowerCase();
    if (!terms.every((t) => haystack.includes(t))) continue;
    const list = groups.get(descriptor.category) ?? [];
    list.push(descriptor);
    groups.set(descriptor.category, list);
  }
  const rank = (items: ActivityDescriptor[]) => (items.some((d) => d.isTrigger) ? 0 : 1);
  return [...groups.entries()]
    .map(([category, items]) => ({ category, items: items.sort((a, b) => a.displayName.localeCompare(b.displayName)) }))
    .sort((a, b) => rank(a.items) - rank(b.items) || a.category.localeCompare(b.category));
}
