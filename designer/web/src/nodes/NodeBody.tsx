import { Handle, Position } from '@xyflow/react';
import { useContext } from 'react';
import { useOverlay } from '../canvas/overlays';
import type { ActivityNodeData } from '../model/graph';
import { DescriptorContext } from './DescriptorContext';

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
    <div className={classes} data-testid={`node-${id}`} data-status={status ?? ''} style={{ minHeight: Math.max(56, 24 + outcomes.length * 20) }}>
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
      <div className="node-outcomes">
        {outcomes.map((outcome, i) => (
          <div key={outcome.name} className="outcome" style={{ top: 22 + i * 20 }}>
            {outcomes.length > 1 && <span className="outcome-label">{outcome.displayName}</span>}
            <Handle
              type="source"
              id={outcome.name}
              position={Position.Right}
              className="handle-out"
              style={{ top: 30 + i * 20 }}
              title={`${outcome.displayName} outcome of ${id}`}
              data-testid={`handle-${id}-${outcome.name}`}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
