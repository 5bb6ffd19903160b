/**
 * The sessions near the active one (it, the ones just before and after it, its coachee's newest),
 * a small record the background keeps so the panel and the popup never read the
 * whole session list.
 * Pure: no browser calls.
 */
import * as v from 'valibot';
import { NullableIdSchema, SessionListSchema, type SessionMeta } from './model';
import { nextSessionOf, previousSessionOf } from './session-list';

/** How many of the active coachee's newest sessions the recent record keeps. */
export const RECENT_PER_COACHEE = 6;
export const RecentSessionsSchema = v.object({
  /** The active session these were chosen for. */
  activeId: NullableIdSchema,
  /** The active session, the ones just before and after it, and its coachee's newest sessions; oldest first. */
  sessions: SessionListSchema,
});
export type RecentSessions = v.InferOutput<typeof RecentSessionsSchema>;
export const EMPTY_RECENT: RecentSessions = { activeId: null, sessions: [] };

/** The recent record for `activeId` from the whole list (kept oldest first). */
export function recentSessions(sessions: readonly SessionMeta[], activeId: string | null): RecentSessions {
  const active = sessions.find((s) => s.id === activeId);
  const picked = new Map<string, SessionMeta>();
  if (active) {
    for (const s of sessions.filter((x) => x.coacheeId === active.coacheeId).slice(-RECENT_PER_COACHEE)) picked.set(s.id, s);
    picked.set(active.id, active);
    for (const near of [previousSessionOf(sessions, active.id), nextSessionOf(sessions, active.id)]) if (near) picked.set(near.id, near);
  }
  return {
    activeId: active ? active.id : null,
    sessions: [...picked.values()].sort((a, b) => a.createdAt - b.createdAt),
  };
}
