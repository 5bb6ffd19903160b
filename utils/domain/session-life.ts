/**
 * A session's life: upcoming → running (or paused) → ended, and the rule by
 * which a clock left running ends itself. Everything about a past session is
 * read from its recorded events; nothing keeps counting after the end.
 * Pure: no browser calls.
 */
import type { Phase } from './agenda';
import type { CallState } from './model';
import { type TimerView, timerView } from './timer';
import type { EndedBy, TimerEvent } from './timer-schema';

const MINUTE = 60_000;

/**
 * How long after the end of the hour a clock nobody touches ends itself: 30
 * minutes past the hour's end as it stood at the clock's last event (the
 * booked end, moved by pauses and never earlier than the last button pressed).
 * Why 30: a real overrun of a coaching hour is 5–20 minutes, and any button
 * pressed in overtime moves the edge on, so a coach who is still there is
 * never cut off; yet a forgotten clock records at most the hour and half an
 * hour more (which the coach can correct), and the panel, the badge and the
 * alerts stop talking about it the same morning, not a month later.
 */
export const AUTO_END_MARGIN_MS = 30 * MINUTE;

/**
 * How long after the call ended the clock may still run before Sidecoach
 * ends it at the call's end: the coach gets time to finish the wrap-up, end
 * it, or rejoin; any press of the clock after the call ended means the coach
 * is there, and the hour's rule applies instead.
 */
export const CALL_END_GRACE_MS = 15 * MINUTE;

/** Where a session is in its life. */
export type SessionStatus = 'upcoming' | 'running' | 'paused' | 'ended';

/** The session's status, from its clock's view. */
export function sessionStatus(view: Pick<TimerView, 'status'>): SessionStatus {
  return view.status === 'idle' ? 'upcoming' : view.status;
}

/** When Sidecoach would end a clock left running or paused, and the end it would record. */
export interface AutoEnd {
  /** From when on the session counts as ended (epoch ms). */
  due: number;
  /** The end to record. */
  event: Extract<TimerEvent, { type: 'end' }>;
}

/**
 * The auto-end rule. A running or paused clock ends itself:
 * - at the call's end, if the call-state says the call ended after the clock
 *   started and nobody touched the clock since (due `CALL_END_GRACE_MS` later,
 *   or at the hour's edge below if that comes first);
 * - otherwise at the hour's end plus `AUTO_END_MARGIN_MS`, recorded at that
 *   moment ("ended by Sidecoach at 11:30, the clock was still running").
 * Null when the clock is not running or paused (upcoming, or already ended).
 */
export function autoEnd(log: readonly TimerEvent[], agenda: readonly Phase[], call: CallState | null = null): AutoEnd | null {
  if (log.length === 0) return null;
  const lastAt = log.reduce((latest, e) => Math.max(latest, e.at), 0);
  const atLast = timerView(log, agenda, lastAt);
  if (atLast.status !== 'running' && atLast.status !== 'paused') return null;
  const hourDue = lastAt + Math.max(0, atLast.sessionRemainingMs) + AUTO_END_MARGIN_MS;
  const callEnded = call && !call.inCall ? call.endedAt : null;
  if (callEnded !== null && atLast.startedAt !== null && callEnded > atLast.startedAt && callEnded >= lastAt && callEnded <= hourDue) {
    return { due: Math.min(callEnded + CALL_END_GRACE_MS, hourDue), event: { type: 'end', at: callEnded, by: 'call' } };
  }
  return { due: hourDue, event: { type: 'end', at: hourDue, by: 'auto' } };
}

/** The log with Sidecoach's end added once it is due (the background records it; every page shows it before that). */
export function withAutoEnd(
  log: readonly TimerEvent[],
  agenda: readonly Phase[],
  now: number,
  call: CallState | null = null,
): TimerEvent[] {
  const due = autoEnd(log, agenda, call);
  return due && now >= due.due ? [...log, due.event] : [...log];
}

/**
 * The clock as recorded: the view at `now`, with a forgotten clock ended by
 * the rule above. An ended session reads the same forever; what exports,
 * charts and the panel show of a past session comes from here.
 */
export function recordedView(log: readonly TimerEvent[], agenda: readonly Phase[], now: number, call: CallState | null = null): TimerView {
  return timerView(withAutoEnd(log, agenda, now, call), agenda, now);
}

/** The end the coach records by hand (End the session), or null when the clock is not running or paused. */
export function endEvent(view: TimerView, now: number, by: EndedBy = 'coach'): TimerEvent | null {
  return view.status === 'running' || view.status === 'paused' ? { type: 'end', at: now, by } : null;
}
