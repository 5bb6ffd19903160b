/**
 * From a mail reply, as read and corrected in the preview, to what a card
 * carries: the pre-work topic and the coachee's progress on the last plan
 * (`plan-progress.ts`), so one intake applies a reply exactly as a card. The
 * weeks the coachee named ("week 2: 30") become the weeks of the plan, counted
 * from the plan's first week, not from the day the reply is taken in. Also
 * which coachee and sessions a reply is about, from its reference.
 * Pure: no browser calls.
 */
import { weekKey } from '../homework';
import {
  type Assignment,
  type Coachee,
  MINUTES_PER_WEEK_MAX,
  PLAN_STEP_MAX,
  type PlanStep,
  type SessionMeta,
  TOPIC_TEXT_MAX,
  TOPIC_TITLE_MAX,
  type Topic,
} from '../model';
import { type CoachPlan, mergeProgress, type PlanProgress, type StepMark } from '../plan-progress';
import { stepLineText } from './compose';
import type { MailReading } from './reader';
import { type MailRef, refHash } from './ref';

/** Minutes in one week as the coach confirms them: `week` counts from the plan's first week (1), null: the week of taking in. */
export interface WeekAnswer {
  week: number | null;
  minutes: number | null;
}

/** The answers as the coach sees and edits them before taking them in ('' where nothing was found). */
export interface MailAnswers {
  title: string;
  difficulty: string;
  outcome: string;
  heldBack: string;
  steps: { n: number; text: string; mark: StepMark | null; note: string }[];
  minutes: { n: number; text: string; weeks: WeekAnswer[] }[];
  /**
   * When the plan the reply answers was made, when the preview knew it (its
   * reference named the plan): week 1 of the minutes is that week. A target's
   * own `at` comes first; with neither, week 1 is the week of taking in.
   */
  planAt?: number | null;
}

/**
 * The reading as editable answers. A reply to the pre-work mail whose topic
 * was not found offers the coachee's first words that answer nothing as the
 * topic (they stay listed as unplaced too).
 */
export function answersOf(
  reading: MailReading,
  kind: 'ask' | 'plan' = reading.ref?.kind ?? 'ask',
  planAt: number | null = null,
): MailAnswers {
  const offered = reading.title === null && kind === 'ask' ? (reading.unplaced[0] ?? '') : '';
  return {
    title: reading.title ?? offered.replace(/\s+/g, ' ').trim().slice(0, TOPIC_TITLE_MAX),
    difficulty: reading.difficulty ?? '',
    outcome: reading.outcome ?? '',
    heldBack: reading.heldBack ?? '',
    steps: reading.steps.map(({ n, text, mark, note }) => ({ n, text, mark, note })),
    minutes: reading.minutes.map(({ n, text, weeks }) => ({
      n,
      text,
      weeks: weeks.length > 0 ? weeks.map((w) => ({ ...w })) : [{ week: null, minutes: null }],
    })),
    planAt,
  };
}

/** Most plan weeks the preview offers a field for (older weeks are rarely answered in one reply). */
const PLAN_WEEKS_SHOWN = 12;

/** How many weeks of a plan made at `planAt` have begun by `now` (its first week is 1). */
export function planWeeksBy(planAt: number, now: number): number {
  const [a, b] = [weekKey(planAt), weekKey(now)].map((k) => Date.parse(`${k}T00:00:00Z`));
  return Math.max(1, Math.round(((b ?? 0) - (a ?? 0)) / (7 * 86_400_000)) + 1);
}

/**
 * The minutes of each homework item laid out one field per plan week (week
 * 1 … the current week, counted from the plan), so typed minutes land in the
 * plan's weeks: what the reply gave for a week stays in it, minutes for no
 * named week are the current week's (as `weekOfPlan` takes them). Without
 * the plan's start the answers are kept as they are.
 */
export function byPlanWeeks(a: MailAnswers, now: number): MailAnswers {
  if (a.planAt === null || a.planAt === undefined) return a;
  const count = Math.min(PLAN_WEEKS_SHOWN, planWeeksBy(a.planAt, now));
  const minutes = a.minutes.map((m) => {
    const given = new Map<number, number | null>();
    for (const w of m.weeks) {
      const week = w.week ?? count;
      if (w.minutes === null && given.has(week)) continue;
      given.set(week, w.minutes === null ? null : (given.get(week) ?? 0) + w.minutes);
    }
    const weeks: WeekAnswer[] = Array.from({ length: count }, (_, i) => ({ week: i + 1, minutes: given.get(i + 1) ?? null }));
    // A week the coachee named beyond the current one stays shown, never dropped.
    for (const [week, minutes] of given) if (week > count) weeks.push({ week, minutes });
    return { ...m, weeks };
  });
  return { ...a, minutes };
}

/** Whether a reply answers the pre-work (a topic field) rather than only the plan. */
export const answersPrework = (a: MailAnswers): boolean => Boolean(a.title.trim() || a.difficulty.trim() || a.outcome.trim());
/** Whether the answers carry any minutes. */
const anyMinutes = (a: MailAnswers): boolean => a.minutes.some((m) => m.weeks.some((w) => w.minutes !== null));
/** Whether the answers carry anything for the plan (a mark, minutes, what held them back). */
export const answersPlan = (a: MailAnswers): boolean => Boolean(a.heldBack.trim()) || a.steps.some((s) => s.mark !== null) || anyMinutes(a);
/** Whether there is anything to take in. */
export const answersAnything = (a: MailAnswers): boolean => answersPrework(a) || answersPlan(a);

/** The topic the answers give (cut to the stored limits). */
export function topicFromMail(a: MailAnswers, now: number): Topic {
  return {
    title: a.title.replace(/\s+/g, ' ').trim().slice(0, TOPIC_TITLE_MAX),
    difficulty: a.difficulty.trim().slice(0, TOPIC_TEXT_MAX),
    outcome: a.outcome.trim().slice(0, TOPIC_TEXT_MAX),
    updatedAt: now,
  };
}

/** The coach's plan a reply is about: the session it was made in, its steps and homework, and when it was made. */
export interface PlanTarget {
  sessionId: string;
  plan: readonly PlanStep[];
  homework: readonly Assignment[];
  /** When the plan was made (its session's start, else its creation): week 1 of the homework is that week. Unknown: the week of taking in. */
  at?: number | null;
}

/** The ISO date `days` after an ISO date (calendar arithmetic, no clock or time zone involved). */
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/**
 * The week (its Monday's ISO date, as the homework log keys it) of a week the
 * coachee named, counted from the plan's first week; a week not named is the
 * week of taking in, never before the plan's first week.
 */
export function weekOfPlan(week: number | null, planAt: number | null | undefined, now: number): string {
  const first = weekKey(planAt ?? now);
  if (week !== null) return addDays(first, 7 * (week - 1));
  const current = weekKey(now);
  // ISO dates compare as text.
  return current.localeCompare(first) < 0 ? first : current;
}

/** The coach's step a mail's step number stands for: by its text as the mail showed it, else by its place. */
function stepFor(plan: readonly PlanStep[], n: number, text: string): PlanStep | undefined {
  return plan.find((s) => text && stepLineText(s.text) === text) ?? plan[n - 1];
}

/**
 * The coachee's progress as a card would carry it: each marked step (steps
 * left unmarked are not in it, so nothing of the coach's is touched), the
 * minutes in the weeks they named, and what held them back.
 */
export function progressFromMail(a: MailAnswers, target: PlanTarget | null, now: number): PlanProgress | null {
  const steps = a.steps.flatMap((s) => {
    if (s.mark === null) return [];
    const step = target ? stepFor(target.plan, s.n, s.text) : undefined;
    if (!step && !s.text) return [];
    return [
      {
        id: step?.id ?? null,
        text: (step?.text ?? s.text).slice(0, PLAN_STEP_MAX),
        mark: s.mark,
        heldBack: s.note.trim().slice(0, TOPIC_TEXT_MAX),
        dreading: '',
      },
    ];
  });
  const homework = a.minutes.flatMap((m) => {
    const item = target?.homework[m.n - 1];
    if (!item) return [];
    const logged: Record<string, number> = {};
    for (const w of m.weeks) {
      if (w.minutes === null || !Number.isFinite(w.minutes)) continue;
      const key = weekOfPlan(w.week, target?.at ?? a.planAt, now);
      logged[key] = Math.min(10_080, (logged[key] ?? 0) + Math.max(0, Math.round(w.minutes)));
    }
    if (Object.keys(logged).length === 0) return [];
    return [{ id: item.id, title: item.title, minutesPerWeek: Math.min(item.minutesPerWeek, MINUTES_PER_WEEK_MAX), logged }];
  });
  const rootCause = a.heldBack.trim().slice(0, TOPIC_TEXT_MAX);
  if (steps.length === 0 && homework.length === 0 && !rootCause) return null;
  return { fromSessionId: target?.sessionId ?? null, steps, homework, rootCause };
}

/**
 * Whether taking progress in would change nothing the coach holds (the same
 * reply taken in again): its plan, homework log and review come out as they are.
 */
export function progressChangesNothing(progress: PlanProgress, coach: CoachPlan): boolean {
  const merged = mergeProgress(progress, coach);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return same(merged.plan, coach.plan) && same(merged.homework, coach.homework) && same(merged.review, coach.review);
}

/** Who and which sessions a reply's reference names, among what the coach's browser holds. */
export function resolveRef(
  ref: MailRef | null,
  coachees: readonly Coachee[],
  sessions: readonly SessionMeta[],
): { coacheeId: string | null; planSessionId: string | null } {
  if (!ref) return { coacheeId: null, planSessionId: null };
  if (ref.kind === 'plan') {
    const session = sessions.find((s) => refHash(s.id) === ref.target);
    return { coacheeId: session?.coacheeId ?? null, planSessionId: session?.id ?? null };
  }
  const coachee = coachees.find((c) => refHash(c.id) === ref.target);
  const plan = ref.planSession ? sessions.find((s) => refHash(s.id) === ref.planSession) : undefined;
  return { coacheeId: coachee?.id ?? null, planSessionId: plan && plan.coacheeId === coachee?.id ? plan.id : null };
}
