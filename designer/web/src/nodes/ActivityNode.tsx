import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ActivityFlowNode } from '../model/graph';
import { NodeBody } from './NodeBody';

/** A step of the workflow: one input on the left, one handle per outcome on the right. */
export const ActivityNode = memo(function ActivityNode({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  return <NodeBody id={id} data={data} selected={!!selected} trigger={false} />;
});
