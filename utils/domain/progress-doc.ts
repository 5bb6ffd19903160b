/**
 * A coachee's progress figures as a document (the same blocks the Markdown
 * export and the print view lay out): homework minutes per week against the
 * budget, plan steps done per session, minutes planned and taken per session,
 * sessions held per month (and those not held yet). Pure: labels and formatting come from the caller.
 */
import type { DocBlock } from './export-markdown';
import type { IndexEntry } from './history/session-index';
import { homeworkByWeek, phasesPerSession, planDonePerSession, sessionsPerMonth, weeksSinceFirstSession } from './progress';

/** The words of the progress figures, in the user's language. */
export interface ProgressLabels {
  heading: (coachee: string) => string;
  homework: string;
  plan: string;
  phases: string;
  months: string;
  week: string;
  minutes: string;
  budget: string;
  session: string;
  done: string;
  notDone: string;
  planned: string;
  taken: string;
  mostOver: string;
  month: string;
  count: string;
  upcoming: string;
}

/** The figures of one coachee's sessions as headed tables; empty without sessions. */
export function progressDocument(
  entries: readonly IndexEntry[],
  coachee: string,
  labels: ProgressLabels,
  format: { day: (epochMs: number) => string; week: (mondayIso: string) => string; month: (yyyyMm: string) => string },
  now: number,
): DocBlock[] {
  if (entries.length === 0) return [];
  const l = labels;
  const weeks = homeworkByWeek(entries, now, weeksSinceFirstSession(entries, now));
  return [
    { kind: 'heading', level: 1, text: l.heading(coachee) },
    { kind: 'heading', level: 2, text: l.homework },
    {
      kind: 'table',
      head: [l.week, l.minutes, l.budget],
      rows: weeks.map((w) => [format.week(w.week), String(w.minutes), String(w.budget)]),
    },
    { kind: 'heading', level: 2, text: l.plan },
    {
      kind: 'table',
      head: [l.session, l.done, l.notDone],
      rows: planDonePerSession(entries).map((p) => [format.day(p.at), String(p.done), String(p.notDone)]),
    },
    { kind: 'heading', level: 2, text: l.phases },
    {
      kind: 'table',
      head: [l.session, l.planned, l.taken, l.mostOver],
      rows: phasesPerSession(entries).map((p) => [format.day(p.at), String(p.planned), String(p.taken), p.mostOver ?? '']),
    },
    { kind: 'heading', level: 2, text: l.months },
    {
      kind: 'table',
      head: [l.month, l.count, l.upcoming],
      rows: sessionsPerMonth(entries).map((m) => [format.month(m.month), String(m.held), String(m.upcoming)]),
    },
  ];
}
