/**
 * Sessions and coachees as data: ids, order, and who came before.
 * Pure: no browser calls.
 */
import type { SessionMeta } from './model';

/** The coachee every install starts with: the user themselves. */
export const SELF_COACHEE_ID = 'me';

/** The id of a new session of `coacheeId` made at `now` (the first one of an install is `<coachee>-1`, see platform/session-activation). */
export function newSessionId(coacheeId: string, now: number): string {
  return `${coacheeId}-${now.toString(36)}`;
}

/** A fresh id for a coachee, or an item inside a session (a plan step, an assignment, a template phase). */
export function newItemId(prefix: string, now = Date.now(), random = Math.random()): string {
  return `${prefix}-${now.toString(36)}-${random.toString(36).slice(2, 7)}`;
}

/** The session of the same coachee just before `sessionId`, if any. */
export function previousSessionOf(sessions: readonly SessionMeta[], sessionId: string): SessionMeta | undefined {
  const current = sessions.find((s) => s.id === sessionId);
  if (!current) return undefined;
  return sessions
    .filter((s) => s.coacheeId === current.coacheeId && s.createdAt < current.createdAt && s.id !== current.id)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** The session of the same coachee just after `sessionId` (the next month's), if any. */
export function nextSessionOf(sessions: readonly SessionMeta[], sessionId: string): SessionMeta | undefined {
  const current = sessions.find((s) => s.id === sessionId);
  if (!current) return undefined;
  return sessions
    .filter((s) => s.coacheeId === current.coacheeId && s.createdAt > current.createdAt && s.id !== current.id)
    .sort((a, b) => a.createdAt - b.createdAt)[0];
}

/** The newest session of a coachee, if any (sessions are kept oldest first). */
export function newestSessionOf(sessions: readonly SessionMeta[], coacheeId: string): SessionMeta | undefined {
  return sessions.filter((s) => s.coacheeId === coacheeId).at(-1);
}

/** A list with `item` added, unless one with its id is there already. */
export function withItem<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? [...list] : [...list, item];
}
