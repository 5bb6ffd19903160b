/**
 * The month's homework: weekly minutes against the hour-a-week budget, and
 * minutes logged per week. Pure: no browser calls.
 */
import type { Assignment } from './model';
import { isoDate } from './text';

/** About an hour a week, at most, so homework never crowds out the plan. */
export const WEEKLY_BUDGET_MINUTES = 60;

/** Planned minutes a week across all assignments. */
export function weeklyMinutes(assignments: readonly Assignment[]): number {
  return assignments.reduce((sum, a) => sum + a.minutesPerWeek, 0);
}

/** Whether the plan asks for more than the weekly budget. */
export function overBudget(assignments: readonly Assignment[]): boolean {
  return weeklyMinutes(assignments) > WEEKLY_BUDGET_MINUTES;
}

/** The key of the week containing `at`: the local date (YYYY-MM-DD) of its Monday. */
export function weekKey(at: number): string {
  const d = new Date(at);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return isoDate(monday);
}

/** Minutes logged across all assignments in the week containing `at`. */
export function loggedThisWeek(assignments: readonly Assignment[], at: number): number {
  const key = weekKey(at);
  return assignments.reduce((sum, a) => sum + (a.logged[key] ?? 0), 0);
}

/** Add minutes spent on one assignment in the week containing `at` (never below zero, never above a week). */
export function logMinutes(assignment: Assignment, minutes: number, at: number): Assignment {
  const key = weekKey(at);
  const next = Math.min(10_080, Math.max(0, (assignment.logged[key] ?? 0) + Math.round(minutes)));
  return { ...assignment, logged: { ...assignment.logged, [key]: next } };
}

/** Minutes logged on one assignment in the week containing `at`. */
export function itemThisWeek(assignment: Assignment, at: number): number {
  return assignment.logged[weekKey(at)] ?? 0;
}

/** Correct the minutes of one assignment in the week containing `at` to `minutes` in all (0 removes the week). */
export function setWeekMinutes(assignment: Assignment, minutes: number, at: number): Assignment {
  const key = weekKey(at);
  const value = Math.min(10_080, Math.max(0, Math.round(minutes)));
  const { [key]: _old, ...rest } = assignment.logged;
  return { ...assignment, logged: value === 0 ? rest : { ...rest, [key]: value } };
}
