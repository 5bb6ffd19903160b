/**
 * The coachee's months (a platform adapter): each month is its own session,
 * planned for the day the month before's plan set. Starting the next one
 * (session-start.ts) keeps last month's topic, plan, ticks and minutes where
 * they are, in the history.
 */
import { dayOfInstant } from '../domain/session-date';
import { previousSessionOf } from '../domain/session-list';
import { localZone } from './dates';
import { partStore, readChecked, sessionsStore } from './storage';

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
