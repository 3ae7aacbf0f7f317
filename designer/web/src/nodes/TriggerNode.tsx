import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ActivityFlowNode } from '../model/graph';
import { NodeBody } from './NodeBody';

/** A trigger starts runs, so nothing connects into it. */
export const TriggerNode = memo(function TriggerNode({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  return <NodeBody id={id} data={data} selected={!!selected} trigger />;
});
