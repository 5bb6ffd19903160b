/**
 * The Markdown export's words in the user's language (an adapter over i18n).
 */
import type { MarkdownLabels } from '../domain/export-markdown';
import { t } from './i18n';

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
    rootCause: t('mdRootCause'),
    feedback: t('mdFeedback'),
    nextSession: t('mdNextSession'),
    checkIn: t('mdCheckIn'),
    none: t('mdNone'),
    loggedWeek: (week, n) => t('mdLoggedWeek', week, n),
    coacheeMark: (mark) => t('mdCoacheeMark', mark),
  };
}
