/**
 * The coach's correction of a session's recorded end: a time of day, read on the day it belongs to.
 * Kept apart from session-life.ts so only the summary of an ended session loads it.
 * Pure: no browser calls (the `Intl` built-in reads wall time in a zone).
 */
import { instantOf, nextDay, wallClock } from './session-date';
import type { TimerView } from './timer';
import type { TimerEvent } from './timer-schema';

const MINUTE = 60_000;

/** Why a corrected end time is refused, or null when it can be recorded. */
export type EndCorrectionProblem = 'noTime' | 'beforeStart' | 'inFuture' | 'notEnded';

/**
 * How long after the start a time typed as the next morning may make a session: a clock begun at 23:10
 * may end at 00:40 the next day, but "22:40" for it is a slip (a time before the start), not a session of
 * 23 and a half hours.
 */
export const NEXT_DAY_MAX_MS = 12 * 60 * MINUTE;

const TIME_OF_DAY = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * A time of day the coach typed (HH:MM) for a session begun at `startedAt`, as an instant: on the day the
 * session began (in `zone`, the coach's), or on the next day when it is earlier than the start's time of
 * day (a session begun at 23:10 ends at 23:59 that evening, or at 00:40 the next morning). The wall time is
 * read in the zone, so a daylight-saving change in the night moves the instant, not the time typed.
 * Null when the text is not a time of day.
 */
export function endOnDay(startedAt: number, time: string, zone: string): { at: number; nextDay: boolean } | null {
  const match = TIME_OF_DAY.exec(time.trim());
  if (!match) return null;
  const typed = `${match[1]?.padStart(2, '0')}:${match[2]}`;
  const start = wallClock(startedAt, zone);
  const next = typed < start.time;
  return { at: instantOf({ day: next ? nextDay(start.day) : start.day, time: typed, zone }, zone), nextDay: next };
}

/**
 * The coach's correction of the recorded end to a time of day (HH:MM, read by `endOnDay` in `zone`), or
 * why it cannot be: only an ended session, not before its clock started (nor a next-day reading more than
 * `NEXT_DAY_MAX_MS` after it: that is a time before the start), not later than now.
 */
export function correctEnd(
  view: TimerView,
  time: string,
  zone: string,
  now: number,
): { event: TimerEvent; nextDay: boolean } | { problem: EndCorrectionProblem } {
  if (view.status !== 'ended' || view.startedAt === null) return { problem: 'notEnded' };
  const end = endOnDay(view.startedAt, time, zone);
  if (!end) return { problem: 'noTime' };
  if (end.at < view.startedAt || (end.nextDay && end.at - view.startedAt > NEXT_DAY_MAX_MS)) return { problem: 'beforeStart' };
  if (end.at > now) return { problem: 'inFuture' };
  return { event: { type: 'end', at: end.at, by: 'coach', correctedAt: now }, nextDay: end.nextDay };
}
