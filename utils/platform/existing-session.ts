/**
 * Finding the active session without creating one (a platform adapter; the
 * coach's popup uses it: a coach starts with no session until there is a
 * coachee or a call). Apart from session-activation.ts, which the panel and the
 * coachee's popup load at start, so their start-up bundles do not carry it.
 */
import { ensureActiveSession } from './session-activation';
import { activeSessionIdStore, readChecked, sessionsStore } from './storage';

/**
 * The active session's id if there is a session at all (made active if none was);
 * null, creating nothing, when there is none (the coach's popup: a coach starts
 * with no session until there is a coachee or a call).
 */
export async function existingActiveSession(now = Date.now()): Promise<string | null> {
  const active = (await readChecked(activeSessionIdStore)).value;
  if (active) return ensureActiveSession(now);
  return (await readChecked(sessionsStore)).value.length > 0 ? ensureActiveSession(now) : null;
}
