/**
 * Finding the session the surfaces work on, or making the first one (a platform
 * adapter): every page needs this at start, so it stays small. Making one is
 * session-start.ts, loaded on demand: decided by the pure rules
 * (domain/session-change.ts), written by the one writer of sessions
 * (session-writer.ts, under the `active-session` lock).
 */
import { activeSessionIdStore, readChecked, recentSessionsStore, sessionsStore } from './storage';

/**
 * Return the active session's id, creating the first coachee and session if
 * there are none. The first session is created under a lock shared by every page
 * (and its id is deterministic besides), so the popup and the panel opening at once
 * on a new install create one session, not two.
 */
export async function ensureActiveSession(now = Date.now()): Promise<string> {
  const active = (await readChecked(activeSessionIdStore)).value;
  if (active) {
    // The pages open on it at once; the session list (large after years) is checked behind them,
    // and a dangling id (its session deleted elsewhere) is replaced, which every page follows.
    void verifyActive(active);
    return active;
  }
  return choose(now);
}

async function verifyActive(active: string): Promise<void> {
  // The background's small record of the sessions near the active one says it exists, without reading the whole list.
  const recent = (await readChecked(recentSessionsStore)).value;
  if (recent.activeId === active) return;
  const sessions = (await readChecked(sessionsStore)).value;
  if (!sessions.some((s) => s.id === active)) await choose(Date.now());
}

// Making a session is rare (a new install, a dangling id, a switch): its code loads then, not in every page's start-up bundle.
const start = () => import('./session-start');

/** Make the newest session active, or create the first coachee and session when there is none. */
const choose = async (now: number) => (await start()).chooseActiveSession(now);

/**
 * Make `coacheeId` the one the popup and the panel work on: their newest
 * session becomes active, or a first session is created for them.
 */
export async function switchToCoachee(coacheeId: string, now = Date.now()): Promise<string> {
  return (await start()).switchCoachee(coacheeId, now);
}
