/**
 * From a mail reply, as read and corrected in the preview, to what a card
 * carries: the pre-work topic and the coachee's progress on the last plan
 * (`plan-progress.ts`), so a reply fills exactly the same data as a card.
 * Also which coachee and sessions a reply is about, from its reference.
 * Pure: no browser calls.
 */
import { weekKey } from './homework';
import { type MailRef, refHash, stepLineText } from './mail-ask';
import type { MailReading } from './mail-reply';
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
} from './model';
import type { PlanProgress, StepMark } from './plan-progress';

/** The answers as the coach sees and edits them before taking them in ('' where nothing was found). */
export interface MailAnswers {
  title: string;
  difficulty: string;
  outcome: string;
  heldBack: string;
  steps: { n: number; text: string; mark: StepMark | null; note: string }[];
  minutes: { n: number; text: string; minutes: number | null }[];
}

/** The reading as editable answers. */
export function answersOf(reading: MailReading): MailAnswers {
  return {
    title: reading.title ?? '',
    difficulty: reading.difficulty ?? '',
    outcome: reading.outcome ?? '',
    heldBack: reading.heldBack ?? '',
    steps: reading.steps.map(({ n, text, mark, note }) => ({ n, text, mark, note })),
    minutes: reading.minutes.map(({ n, text, minutes }) => ({ n, text, minutes })),
  };
}

/** Whether a reply answers the pre-work (a topic field) rather than only the plan. */
export const answersPrework = (a: MailAnswers): boolean => Boolean(a.title.trim() || a.difficulty.trim() || a.outcome.trim());
/** Whether there is anything to take in. */
export const answersAnything = (a: MailAnswers): boolean =>
  answersPrework(a) || Boolean(a.heldBack.trim()) || a.steps.some((s) => s.mark !== null) || a.minutes.some((m) => m.minutes !== null);

/** The topic the answers give (cut to the stored limits). */
export function topicFromMail(a: MailAnswers, now: number): Topic {
  return {
    title: a.title.replace(/\s+/g, ' ').trim().slice(0, TOPIC_TITLE_MAX),
    difficulty: a.difficulty.trim().slice(0, TOPIC_TEXT_MAX),
    outcome: a.outcome.trim().slice(0, TOPIC_TEXT_MAX),
    updatedAt: now,
  };
}

/** The coach's plan a reply is about: the session it was made in, its steps and homework. */
export interface PlanTarget {
  sessionId: string;
  plan: readonly PlanStep[];
  homework: readonly Assignment[];
}

/** The coach's step a mail's `[4.n]` stands for: by its text as the mail showed it, else by its place. */
function stepFor(plan: readonly PlanStep[], n: number, text: string): PlanStep | undefined {
  return plan.find((s) => text && stepLineText(s.text) === text) ?? plan[n - 1];
}

/**
 * The coachee's progress as a card would carry it: each marked step (steps
 * left unmarked are not in it, so nothing of the coach's is touched), the
 * minutes this week (the week the reply is taken in), and what held them back.
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
  const week = weekKey(now);
  const homework = a.minutes.flatMap((m) => {
    const item = target?.homework[m.n - 1];
    if (!item || m.minutes === null || !Number.isFinite(m.minutes)) return [];
    const minutes = Math.min(10_080, Math.max(0, Math.round(m.minutes)));
    return [
      { id: item.id, title: item.title, minutesPerWeek: Math.min(item.minutesPerWeek, MINUTES_PER_WEEK_MAX), logged: { [week]: minutes } },
    ];
  });
  const rootCause = a.heldBack.trim().slice(0, TOPIC_TEXT_MAX);
  if (steps.length === 0 && homework.length === 0 && !rootCause) return null;
  return { fromSessionId: target?.sessionId ?? null, steps, homework, rootCause };
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
