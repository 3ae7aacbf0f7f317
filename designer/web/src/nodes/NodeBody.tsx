import { Handle, Position } from '@xyflow/react';
import { useContext } from 'react';
import { useOverlay } from '../canvas/overlays';
import type { ActivityNodeData } from '../model/graph';
import { DescriptorContext } from './DescriptorContext';

const OUTCOME_TOP = 24;
const OUTCOME_STEP = 20;

const STATUS_LABEL: Record<string, string> = {
  completed: 'Completed',
  faulted: 'Faulted',
  retrying: 'Retrying',
  suspended: 'Waiting',
  deadLettered: 'Dead-lettered',
  pinned: 'Pinned output',
};

/** What activity and trigger nodes share: title, type, badges and one source handle per outcome. */
export function NodeBody({ id, data, selected, trigger }: { id: string; data: ActivityNodeData; selected: boolean; trigger: boolean }) {
  const descriptors = useContext(DescriptorContext);
  const overlay = useOverlay(id);
  const { activity } = data;
  const descriptor = descriptors.get(activity.type);
  const outcomes = descriptor?.outcomes.length ? descriptor.outcomes : [{ name: 'done', displayName: 'Done' }];
  const title = activity.displayName || descriptor?.displayName || activity.type;
  const problems = overlay?.problems;
  const run = overlay?.run;
  const status = overlay?.pinned && !run ? 'pinned' : run?.status;
  const classes = ['node', trigger ? 'node-trigger' : '', selected ? 'selected' : '', problems?.errors ? 'has-errors' : '', status ? `run-${status}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-testid={`node-${id}`} data-status={status ?? ''} style={{ minHeight: Math.max(56, OUTCOME_TOP + outcomes.length * OUTCOME_STEP) }}>
      {!trigger && <Handle type="target" position={Position.Left} className="handle-in" title={`Into ${id}`} data-testid={`handle-in-${id}`} />}
      <div className="node-head">
        <span className="node-category">{trigger ? 'Trigger' : descriptor?.category ?? 'Unknown type'}</span>
        {problems && (problems.errors > 0 || problems.warnings > 0) && (
          <span className={`badge ${problems.errors ? 'badge-error' : 'badge-warning'}`} title={Object.values(problems.byInput).flat().join('\n')}>
            {problems.errors ? `${problems.errors} error${problems.errors > 1 ? 's' : ''}` : `${problems.warnings} warning${problems.warnings > 1 ? 's' : ''}`}
          </span>
        )}
      </div>
      <div className="node-title">{title}</div>
      <div className="node-id">
        {id} · {activity.type}
      </div>
      {status && (
        <div className={`node-status status-${status}`} data-testid={`status-${id}`}>
          {STATUS_LABEL[status] ?? status}
          {overlay?.pinned && run ? ' (pinned)' : ''}
        </div>
      )}
      {outcomes.length > 1 &&
        outcomes.map((outcome, i) => (
          <span key={`label-${outcome.name}`} className="outcome-label" style={{ top: OUTCOME_TOP + i * OUTCOME_STEP - 7 }}>
            {outcome.displayName}
          </span>
        ))}
      {outcomes.map((outcome, i) => (
        <Handle
          key={outcome.name}
          type="source"
          id={outcome.name}
          position={Position.Right}
          className="handle-out"
          style={{ top: outcomes.length > 1 ? OUTCOME_TOP + i * OUTCOME_STEP : '50%' }}
          title={`${outcome.displayName} outcome of ${id}`}
          data-testid={`handle-${id}-${outcome.name}`}
        />
      ))}
    </div>
  );
}
