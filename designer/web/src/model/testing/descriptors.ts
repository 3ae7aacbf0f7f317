import type { ActivityDescriptor } from '../descriptors';
import { indexDescriptors } from '../descriptors';

const base = { version: 1, description: '', role: 'Task', inputs: [] };

/** A small registry in the shape the server sends: a trigger, a one-outcome task and a two-outcome branch. */
export const sampleDescriptors: ActivityDescriptor[] = [
  { ...base, type: 'core.webhook', category: 'Triggers', displayName: 'Webhook', isTrigger: true, outcomes: [{ name: 'done', displayName: 'Done' }], inputs: [{ name: 'path', type: 'string', editor: 'text', displayName: 'Path', description: '', required: true, expressionCapable: false }] },
  { ...base, type: 'core.set', category: 'Transform', displayName: 'Set', isTrigger: false, outcomes: [{ name: 'done', displayName: 'Done' }] },
  { ...base, type: 'core.branch', category: 'Control', displayName: 'Branch', isTrigger: false, outcomes: [{ name: 'true', displayName: 'True' }, { name: 'false', displayName: 'False' }] },
  { ...base, type: 'http.request', category: 'Connectors', displayName: 'HTTP request', description: 'Sends an HTTP request', isTrigger: false, outcomes: [{ name: 'done', displayName: 'Done' }] },
  { ...base, type: 'design.pinned', category: 'Designer', displayName: 'Pinned output', isTrigger: false, outcomes: [{ name: 'done', displayName: 'Done' }] },
];

export const descriptorIndex = indexDescriptors(sampleDescriptors);
