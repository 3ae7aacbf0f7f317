import { useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import { parkedAny, parkedReasons, type JournalEntry } from '../model/journal';
import { useApp } from '../shell/AppContext';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * Why each activity of a run dead-lettered its message. The journal keeps only the parked message;
 * the reason lives in the dead-letter list, which is asked only when the run parked something.
 */
export function useParkedReasons(workflowId: string | undefined, instanceId: string | undefined, journal: readonly JournalEntry[] | null | undefined): ReadonlyMap<string, string> {
  const { api, notify } = useApp();
  const [reasons, setReasons] = useState<{ instanceId: string; byActivity: ReadonlyMap<string, string> } | null>(null);
  const parked = !!journal && parkedAny(journal);
  useEffect(() => {
    if (!workflowId || !instanceId || !parked) return;
    let current = true;
    api.listDeadLetters('', workflowId).then(
      (page) => current && setReasons({ instanceId, byActivity: parkedReasons(page.items, instanceId) }),
      (e: unknown) => current && notify(`The reasons of the dead-lettered messages could not be loaded: ${describeError(e)}`, 'error'),
    );
    return () => {
      current = false;
    };
  }, [api, notify, workflowId, instanceId, parked]);
  // Reasons of an earlier run never show against a newer one.
  return reasons && reasons.instanceId === instanceId && parked ? reasons.byActivity : NONE;
}
