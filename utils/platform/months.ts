/**
 * The coachee's months (a platform adapter): each month is its own session.
 * Starting the next one keeps last month's topic, plan, ticks and minutes
 * where they are, in the history.
 */
import { dayOfInstant } from '../domain/session-date';
import { previousSessionOf } from '../domain/session-list';
import { localZone } from './dates';
import { createSession } from './session-activation';
import { activeSessionIdStore, partStore, readChecked, sessionsStore } from './storage';

/** The day the next session is planned for, as the plan card of `sessionId` brought it, or null. */
export async function nextDayOf(sessionId: string): Promise<string | null> {
  const wrapUp = (await readChecked(partStore('wrapUp', sessionId))).value;
  if (wrapUp.next) return wrapUp.next.day;
  return wrapUp.nextSessionAt === null ? null : dayOfInstant(wrapUp.nextSessionAt, localZone()).day;
}

/** The day a session is planned for: the next date the plan of the session before it brought, or null. */
export async function plannedDayOf(sessionId: string): Promise<string | null> {
  const previous = previousSessionOf((await readChecked(sessionsStore)).value, sessionId);
  return previous ? nextDayOf(previous.id) : null;
}

/**
 * "Write the pre-work for <next date>": a new session of the same coachee after
 * `fromSessionId` (its day is the next date of that one's plan), made the active one. A newer
 * session already started for it (a second click, another page) is reused.
 */
export async function startNextSession(fromSessionId: string, now = Date.now()): Promise<string> {
  const sessions = (await readChecked(sessionsStore)).value;
  const from = sessions.find((s) => s.id === fromSessionId);
  if (!from) return fromSessionId;
  const later = sessions.find((s) => s.coacheeId === from.coacheeId && s.createdAt > from.createdAt && s.peer === undefined);
  if (later) {
    await activeSessionIdStore.item.setValue(later.id);
    return later.id;
  }
  return createSession(from.coacheeId, Math.max(now, from.createdAt + 1));
}
