import type { NodeTypes } from '@xyflow/react';
import { ActivityNode } from './ActivityNode';
import { TriggerNode } from './TriggerNode';

// At module scope: a new object per render would make React Flow re-create every node.
export const nodeTypes: NodeTypes = { activity: ActivityNode, trigger: TriggerNode };
