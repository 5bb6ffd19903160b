/**
 * The sessions around one session, read without the whole list when the
 * background's small record holds them (a platform adapter).
 */

import type { SessionMeta } from '../domain/model';
import { readChecked, recentSessionsStore, sessionsStore } from './storage';

/**
 * The session `sessionId`, the ones just before and after it for its coachee, and
 * its coachee's newest sessions (oldest first), from the background's record; the
 * whole list (0.6 MB at 10,000 sessions) only when the record does not hold it (a
 * session that is not the active one, or just after a switch).
 */
export async function readSessionsNear(sessionId: string): Promise<readonly SessionMeta[]> {
  const recent = (await readChecked(recentSessionsStore)).value;
  const held = recent.activeId === sessionId && recent.sessions.some((s) => s.id === sessionId);
  return held ? recent.sessions : (await readChecked(sessionsStore)).value;
}
