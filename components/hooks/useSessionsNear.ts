import { type ReadonlySignal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { SessionMeta } from '../../utils/domain/model';
import { readSessionsNear } from '../../utils/platform/session-repo';
import { recentSessionsStore } from '../../utils/platform/storage';
import { useStored } from './useStored';

/**
 * The sessions a page needs around `sessionId` (the session, the ones just before
 * and after it for its coachee, its coachee's newest; oldest first), or null until
 * read. They come from the small record the background keeps of the sessions near
 * the active one, read again whenever it changes, so the panel and the popups never
 * read the whole list (0.6 MB at 10,000 sessions) unless the record does not hold
 * the session (one not active, or the moment after a switch). No id, nothing read.
 */
export function useSessionsNear(sessionId: string | undefined): ReadonlySignal<readonly SessionMeta[] | null> {
  const recent = useStored(recentSessionsStore);
  const sessions = useSignal<readonly SessionMeta[] | null>(null);
  const record = recent.value.value;
  useEffect(() => {
    if (!sessionId) return;
    let live = true;
    void readSessionsNear(sessionId).then((read) => {
      if (live) sessions.value = read;
    });
    return () => {
      live = false;
    };
  }, [sessionId, record]);
  return sessions;
}
