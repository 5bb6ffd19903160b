/**
 * The Markdown export's words in the user's language (an adapter over i18n).
 */
import type { MarkdownLabels } from '../domain/export-markdown';
import type { ProgressLabels } from '../domain/progress-doc';
import { t } from './i18n';

/** The Markdown export's and the print view's words. */
export function markdownLabels(): MarkdownLabels {
  return {
    title: (date, coachee) => t('mdTitle', date, coachee),
    prework: t('mdPrework'),
    topic: t('summaryTopic'),
    difficulty: t('summaryDifficulty'),
    outcome: t('summaryOutcome'),
    agenda: t('mdAgenda'),
    phase: t('mdPhase'),
    planned: t('mdPlanned'),
    actual: t('mdActual'),
    total: t('mdTotal'),
    minutes: (n) => t('mdMinutes', n),
    notes: t('notesHeading'),
    plan: t('mdPlan'),
    homework: (n) => t('mdHomework', n),
    exercise: t('mdExercise'),
    reading: t('mdReading'),
    perWeek: (n) => t('mdPerWeek', n),
    review: t('mdReview'),
    status: { done: t('mdDone'), partly: t('mdPartly'), not: t('mdNot') },
    heldBack: t('mdHeldBack'),
    dreading: t('mdDreading'),
    coachHeldBack: t('mdCoachHeldBack'),
    coachDreading: t('mdCoachDreading'),
    coacheeHeldBack: t('mdCoacheeHeldBack'),
    coacheeDreading: t('mdCoacheeDreading'),
    rootCause: t('mdRootCause'),
    feedback: t('mdFeedback'),
    nextSession: t('mdNextSession'),
    checkIn: t('mdCheckIn'),
    none: t('mdNone'),
    loggedWeek: (week, n) => t('mdLoggedWeek', week, n),
    coacheeMark: (mark) => t('mdCoacheeMark', mark),
  };
}

/** The progress figures' words (the same as the coachee's page); `own`: the person's own ("My progress"). */
export function progressLabels(own = false): ProgressLabels {
  return {
    heading: (coachee) => (own ? t('myProgressHeading') : t('coacheePageHeading', coachee)),
    homework: t('chartHomework'),
    plan: t('chartPlan'),
    phases: t('chartPhases'),
    months: t('chartMonths'),
    week: t('chartWeek'),
    minutes: t('chartMinutes'),
    budget: t('chartBudget'),
    session: t('chartSession'),
    done: t('chartDone'),
    notDone: t('chartNotDone'),
    planned: t('chartPlanned'),
    taken: t('chartTaken'),
    mostOver: t('chartMostOver'),
    month: t('chartMonth'),
    count: t('chartCount'),
    upcoming: t('chartUpcoming'),
  };
}

/** How the progress figures write a day, a week (its Monday) and a month, in the user's language. */
export function progressFormats(language: string): {
  day: (ms: number) => string;
  week: (iso: string) => string;
  month: (yyyyMm: string) => string;
} {
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const month = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' });
  return {
    day: (ms) => day.format(ms),
    week: (iso) => day.format(new Date(`${iso}T12:00`)),
    month: (yyyyMm) => month.format(new Date(`${yyyyMm}-01T12:00`)),
  };
}
