/**
 * A session's life: upcoming → running (or paused) → ended, and the rule by
 * which a clock left running ends itself. Everything about a past session is
 * read from its recorded events; nothing keeps counting after the end.
 * Pure: no browser calls.
 */
import type { Phase } from './agenda';
import type { CallState } from './model';
import { instantOf, nextDay, wallClock } from './session-date';
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

/** A session's minutes, planned and taken, per phase and in all: what every page and export shows of them. */
export interface SessionMinutes {
  phases: { id: string; title: string; planned: number; taken: number }[];
  /** The phases' planned minutes added up (the hour, and every +5 min on top of it). */
  planned: number;
  /** The running time, rounded; the phases' taken minutes add up to it. */
  taken: number;
}

/**
 * Whole minutes for parts whose sum is their total rounded (largest remainders get the spare minutes,
 * the earlier part on a tie), so a table's rows always make its total line.
 */
function wholeMinutes(ms: readonly number[]): { parts: number[]; total: number } {
  const exact = ms.map((x) => Math.max(0, x) / MINUTE);
  const parts = exact.map(Math.floor);
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  let spare = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (spare <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    spare -= 1;
  }
  return { parts, total };
}

/**
 * The one source of a session's figures: each phase's minutes planned (with its extensions) and taken,
 * and the totals, in whole minutes whose rows add up to the totals. The panel's summary, the history, the
 * index (and so the charts and the progress figures), the print view and every export read them here.
 */
export function recordedMinutes(view: TimerView): SessionMinutes {
  const planned = wholeMinutes(view.phases.map((p) => p.plannedMs));
  const taken = wholeMinutes(view.phases.map((p) => p.actualMs));
  return {
    phases: view.phases.map((p, i) => ({ id: p.id, title: p.title, planned: planned.parts[i] ?? 0, taken: taken.parts[i] ?? 0 })),
    planned: planned.total,
    taken: taken.total,
  };
}

/** A session's recorded minutes from its log (a forgotten clock ended by the auto-end rule): `recordedMinutes` of `recordedView`. */
export function sessionMinutes(log: readonly TimerEvent[], agenda: readonly Phase[], now: number): SessionMinutes {
  return recordedMinutes(recordedView(log, agenda, now));
}

/** The end the coach records by hand (End the session), or null when the clock is not running or paused. */
export function endEvent(view: TimerView, now: number, by: EndedBy = 'coach'): TimerEvent | null {
  return view.status === 'running' || view.status === 'paused' ? { type: 'end', at: now, by } : null;
}

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
