/**
 * The mid-month check-in and the end-of-session plan reminder, as rules.
 * Pure: no browser calls.
 */
import type { CallState, PlanStep, SessionMeta } from './model';
import type { TimerEvent } from './timer-schema';

const DAY = 24 * 60 * 60_000;
/** About two weeks after the session. */
export const CHECK_IN_AFTER_MS = 14 * DAY;

/** The pre-work reminder comes this long before the next session. */
const PREWORK_REMINDER_BEFORE_MS = 2 * DAY;

/** When to remind the coachee to write the pre-work for a session on `nextSessionAt`. */
export function preworkReminderAt(nextSessionAt: number): number {
  return nextSessionAt - PREWORK_REMINDER_BEFORE_MS;
}

/** When a session's check-in is due: two weeks after its clock first started (or it was created). */
export function checkInAt(session: SessionMeta, firstStart: number | null): number {
  return (firstStart ?? session.createdAt) + CHECK_IN_AFTER_MS;
}

/** Whether the session's clock has run (and was not reset since) while no plan is written: the one rule for "no plan yet". */
export function ranWithoutPlan(log: readonly TimerEvent[], plan: readonly PlanStep[]): boolean {
  const started = log.some((e) => e.type === 'start') && log.at(-1)?.type !== 'reset';
  return started && plan.length === 0;
}

/** Whether the call ended after the clock started, with no plan written: the panel's reminder. */
export function callEndedWithoutPlan(
  call: CallState,
  log: readonly TimerEvent[],
  plan: readonly PlanStep[],
  startedAt: number | null,
): boolean {
  return (
    call !== null && !call.inCall && call.endedAt !== null && startedAt !== null && call.endedAt > startedAt && ranWithoutPlan(log, plan)
  );
}
