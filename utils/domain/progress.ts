/**
 * The figures of a coachee's progress over the months, from the session index:
 * homework minutes per week against the budget, plan steps done per session,
 * each session's phases planned against actual, sessions held per month (the
 * ones not held yet apart). Session minutes are whole, from the index, which
 * takes them from `recordedMinutes` (session-figures.ts), the one source the
 * panel's summary and every export read too.
 * Pure: no browser calls.
 */

import { type IndexEntry, sessionTime } from './history/session-index';
import { WEEKLY_BUDGET_MINUTES } from './homework';
import type { Review } from './model';
import { isoDate } from './text';

/** Minutes logged per week (Monday's date), the last `weeks` weeks up to `now`, against the hour-a-week budget. */
export function homeworkByWeek(
  entries: readonly IndexEntry[],
  now: number,
  weeks = 8,
): { week: string; minutes: number; budget: number }[] {
  const totals = new Map<string, number>();
  for (const e of entries)
    for (const [week, minutes] of Object.entries(e.homework.logged)) totals.set(week, (totals.get(week) ?? 0) + minutes);
  const today = new Date(now);
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  const out: { week: string; minutes: number; budget: number }[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const week = isoDate(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7 * i));
    out.push({ week, minutes: totals.get(week) ?? 0, budget: WEEKLY_BUDGET_MINUTES });
  }
  return out;
}

/** Plan steps done and not done, per session with a plan, oldest first. */
export function planDonePerSession(entries: readonly IndexEntry[]): { id: string; at: number; done: number; notDone: number }[] {
  return [...entries]
    .filter((e) => e.plan.total > 0)
    .sort((a, b) => sessionTime(a) - sessionTime(b))
    .map((e) => ({ id: e.id, at: sessionTime(e), done: e.plan.done, notDone: e.plan.total - e.plan.done }));
}

/**
 * Each started session's phases, planned against actual minutes, and its totals (the phases added up, as
 * the session's summary and exports total them), oldest first, with the phase that ran over most.
 */
export function phasesPerSession(entries: readonly IndexEntry[]): {
  id: string;
  at: number;
  phases: { title: string; planned: number; actual: number }[];
  planned: number;
  taken: number;
  overBy: number;
  mostOver: string | null;
}[] {
  return [...entries]
    .filter((e) => e.startedAt !== null)
    .sort((a, b) => sessionTime(a) - sessionTime(b))
    .map((e) => {
      const planned = e.phases.reduce((sum, p) => sum + p.planned, 0);
      const actual = e.phases.reduce((sum, p) => sum + p.actual, 0);
      const worst = [...e.phases].sort((a, b) => b.actual - b.planned - (a.actual - a.planned))[0];
      return {
        id: e.id,
        at: sessionTime(e),
        phases: e.phases,
        planned,
        taken: actual,
        overBy: Math.max(0, Math.round((actual - planned) * 10) / 10),
        mostOver: worst && worst.actual > worst.planned ? worst.title : null,
      };
    });
}

/**
 * Sessions per calendar month (YYYY-MM, the coach's own calendar), oldest first, with the empty months
 * between: `held` counts the sessions whose clock ran (in the month it first started), `upcoming` apart
 * those not held yet (in the month they were made), so a session planned is never counted as one held.
 */
export function sessionsPerMonth(entries: readonly IndexEntry[]): { month: string; held: number; upcoming: number }[] {
  if (entries.length === 0) return [];
  const key = (ms: number) => isoDate(ms).slice(0, 7);
  const counts = new Map<string, { held: number; upcoming: number }>();
  for (const e of entries) {
    const month = key(sessionTime(e));
    const count = counts.get(month) ?? { held: 0, upcoming: 0 };
    if (e.startedAt === null) count.upcoming += 1;
    else count.held += 1;
    counts.set(month, count);
  }
  const months = [...counts.keys()].sort();
  const out: { month: string; held: number; upcoming: number }[] = [];
  let [y, m] = (months[0] ?? '').split('-').map(Number) as [number, number];
  const last = months.at(-1) ?? '';
  for (let guard = 0; guard < 600; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, held: counts.get(month)?.held ?? 0, upcoming: counts.get(month)?.upcoming ?? 0 });
    if (month === last) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * How many weeks the homework chart shows: from the week of the coachee's
 * first session to the week of `now`, both counted, at most `max` (the newest).
 * None when there is no session.
 */
export function weeksSinceFirstSession(entries: readonly IndexEntry[], now: number, max = 26): number {
  if (entries.length === 0) return 0;
  const first = Math.min(...entries.map(sessionTime));
  const monday = (at: number) => {
    const d = new Date(at);
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  };
  const weeks = Math.round((monday(now) - monday(first)) / (7 * 86_400_000)) + 1;
  return Math.max(1, Math.min(max, weeks));
}

/** One answer to "what held you back?": whose words, on which step, from the review of which session. */
export interface HeldBackAnswer {
  /** When the session whose review holds it took place. */
  at: number;
  stepId: string;
  text: string;
  /** The coachee's own words (from their card or their mail reply), or the coach's note in the review. */
  by: 'coachee' | 'coach';
}

/**
 * What held the coachee back, from the reviews in the order given: for each step, the coachee's own
 * words as their card or mail brought them, then the coach's note when it says something else. Cards
 * and mails fill the same review (`coachee` on each item), so both are listed alike.
 */
export function heldBackAnswers(reviews: readonly { at: number; review: NonNullable<Review> }[]): HeldBackAnswer[] {
  return reviews.flatMap(({ at, review }) => [
    ...review.items.flatMap((item) => {
      const theirs = item.coachee?.heldBack.trim() ?? '';
      const mine = item.heldBack.trim();
      return [
        ...(theirs ? [{ at, stepId: item.stepId, text: theirs, by: 'coachee' as const }] : []),
        ...(mine && mine !== theirs ? [{ at, stepId: item.stepId, text: mine, by: 'coach' as const }] : []),
      ];
    }),
    // Their word on what held them back overall (a card's or a mail's "What held you back?").
    ...(review.coacheeRootCause?.trim() ? [{ at, stepId: 'root', text: review.coacheeRootCause.trim(), by: 'coachee' as const }] : []),
  ]);
}

/** One coachee at a glance, for the list of coachees. */
export interface CoacheeGlance {
  /** The current plan (of the newest session with one): steps done and in all; null without a plan. */
  plan: { done: number; total: number } | null;
  /** Homework minutes logged in the last full week (the one before `now`'s), and the weekly budget. */
  lastWeek: { minutes: number; budget: number };
  /** When the newest session that was held began, or null. */
  lastAt: number | null;
  /** The soonest next session still ahead of `now`, or null. */
  nextAt: number | null;
  sessions: number;
}

/** The four figures of one coachee's list row: the plan, last week's homework, the last and the next session. */
export function coacheeGlance(entries: readonly IndexEntry[], now: number): CoacheeGlance {
  const newest = [...entries].sort((a, b) => sessionTime(b) - sessionTime(a));
  const withPlan = newest.find((e) => e.plan.total > 0);
  const [lastWeek] = homeworkByWeek(entries, now, 2);
  const held = newest.find((e) => e.startedAt !== null && e.startedAt <= now);
  const ahead = entries.map((e) => e.nextSessionAt).filter((at): at is number => at !== null && at > now);
  return {
    plan: withPlan ? { done: withPlan.plan.done, total: withPlan.plan.total } : null,
    lastWeek: { minutes: lastWeek?.minutes ?? 0, budget: lastWeek?.budget ?? WEEKLY_BUDGET_MINUTES },
    lastAt: held?.startedAt ?? null,
    nextAt: ahead.length > 0 ? Math.min(...ahead) : null,
    sessions: entries.length,
  };
}

/**
 * Round steps for a value axis from 0 to at least `max`: about `count` ticks
 * at 1, 2 or 5 times a power of ten (whole numbers only: minutes, steps and
 * sessions are counted).
 */
export function niceTicks(max: number, count = 4): number[] {
  const top = Math.max(1, max);
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) {
    ticks.push(v);
    if (v >= top) break;
  }
  return ticks;
}
