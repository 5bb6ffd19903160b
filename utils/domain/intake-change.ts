/**
 * What taking in a card or a mail reply writes, as a session change
 * (`session-change.ts`): one intake for both. The coachee's pre-work and their
 * progress on the last plan go to the same places whichever way they came:
 * the topic and the review into their next session (made when there is none),
 * the marks and minutes into the plan's session; then the next session is the
 * active one.
 * Pure: no browser calls.
 */
import type { PlanIntake, PreworkIntake } from './card-intake';
import { sameJson } from './json';
import { answersPrework, type MailAnswers, type PlanTarget, progressFromMail, topicFromMail } from './mail/intake';
import type { Assignment, PlanStep, Review, SessionMeta, Topic } from './model';
import { mergeProgress } from './plan-progress';
import { type NewSessionParts, newSession, type PartWrite, type SessionChange } from './session-change';
import { newSessionId } from './session-list';

/** Whether two topics say the same (their time of writing aside). */
export const sameTopic = (a: Topic, b: Topic): boolean => a.title === b.title && a.difficulty === b.difficulty && a.outcome === b.outcome;

/** The session an intake makes, or nothing when it fills one that is there. */
const made = (isNew: boolean, meta: SessionMeta, parts: NewSessionParts): SessionChange => (isNew ? newSession(meta, parts, false) : {});

/**
 * A pre-work card: the coachee (added or renamed), their session (made when new,
 * noted as the coachee's), the topic when it differs, the progress into the
 * review and the plan's session; then that session is the active one.
 */
export function preworkChange(
  intake: PreworkIntake,
  current: Topic | null,
  now: number,
  parts: NewSessionParts,
  on: string | null = null,
): SessionChange {
  const { sessionId, progress } = intake;
  const base = made(intake.sessionIsNew, { id: sessionId, coacheeId: intake.coachee.id, createdAt: now }, parts);
  const writes: PartWrite[] = [...(base.parts ?? [])];
  if (!current || !sameTopic(current, intake.topic)) writes.push({ name: 'topic', sessionId, value: intake.topic });
  if (progress) {
    writes.push({ name: 'review', sessionId, value: progress.merge.review });
    if (progress.planSessionId)
      writes.push(
        { name: 'plan', sessionId: progress.planSessionId, value: progress.merge.plan },
        { name: 'homework', sessionId: progress.planSessionId, value: progress.merge.homework },
      );
  }
  const days = on ? { days: { [sessionId]: on } } : {};
  return { ...base, coachee: intake.coachee, peers: { [sessionId]: intake.peer }, ...days, parts: writes, activate: sessionId };
}

/** A plan card on the coachee's side: its session (made when none holds it, and then made active), noted as the coach's, filled. */
export function planChange(intake: PlanIntake, coacheeId: string, now: number, parts: NewSessionParts): SessionChange {
  const { sessionId } = intake;
  const base = made(intake.sessionIsNew, { id: sessionId, coacheeId, createdAt: now }, parts);
  return {
    ...base,
    peers: { [sessionId]: intake.peer },
    parts: [
      ...(base.parts ?? []),
      { name: 'plan', sessionId, value: intake.plan },
      { name: 'homework', sessionId, value: intake.homework },
      { name: 'wrapUp', sessionId, value: intake.wrapUp },
    ],
    ...(intake.sessionIsNew ? { activate: sessionId } : {}),
  };
}

/** What the coach's browser holds of one coachee that a mail reply touches. */
export interface MailState {
  /** The coachee's sessions, oldest first. */
  sessions: readonly SessionMeta[];
  /** Whether a session's clock ever started (a started session is no longer the next one). */
  started: (sessionId: string) => boolean;
  partsOf: (sessionId: string) => { plan: PlanStep[]; homework: Assignment[]; review: Review; topic: Topic };
  /** The plan's session the reply's reference names, if any. */
  planSessionId: string | null;
  /** When a session's plan was made (week 1 of its homework), when known. */
  planAt?: (sessionId: string) => number | null;
}

/** A mail reply's intake: the session its words go to, and the change (empty when taken in before: `same`). */
export interface MailIntake {
  same: boolean;
  /** The next session (the pre-work's and the review's), or the plan's session when nothing goes to a next one. */
  sessionId: string | null;
  change: SessionChange;
}

/** The plan a reply answers: the one its reference names, else the newest that ran (else the newest written). */
export function mailPlanTarget(state: MailState): PlanTarget | null {
  const withPlan = state.sessions.filter((s) => {
    const p = state.partsOf(s.id);
    return p.plan.length > 0 || p.homework.length > 0;
  });
  const session =
    state.sessions.find((s) => s.id === state.planSessionId) ?? withPlan.filter((s) => state.started(s.id)).at(-1) ?? withPlan.at(-1);
  if (!session) return null;
  const { plan, homework } = state.partsOf(session.id);
  return { sessionId: session.id, plan, homework, at: state.planAt?.(session.id) ?? null };
}

/**
 * A mail reply, as a card would fill it: the topic (when the reply answers the
 * pre-work) and the coachee's words on the plan into their next session (the
 * newest that never started, after the plan's; made when there is none), the
 * marks and minutes into the plan's session; then the next session is active.
 * Taken in again, it changes nothing and says so (`same`).
 */
export function planMailIntake(answers: MailAnswers, coacheeId: string, state: MailState, now: number, parts: NewSessionParts): MailIntake {
  const target = mailPlanTarget(state);
  const planMeta = state.sessions.find((s) => s.id === target?.sessionId);
  const upcoming = state.sessions
    .filter((s) => !state.started(s.id) && s.id !== planMeta?.id && (!planMeta || s.createdAt >= planMeta.createdAt))
    .at(-1);
  const progress = progressFromMail(answers, target, now);
  const topic = answersPrework(answers) ? topicFromMail(answers, now) : null;
  if (!progress && !topic) return { same: true, sessionId: target?.sessionId ?? null, change: {} };

  const createdAt = Math.max(now, (planMeta?.createdAt ?? 0) + 1);
  const sessionId = upcoming?.id ?? newSessionId(coacheeId, createdAt);
  const current = upcoming ? state.partsOf(upcoming.id) : null;
  const writes: PartWrite[] = [];
  if (topic && !(current && sameTopic(current.topic, topic))) writes.push({ name: 'topic', sessionId, value: topic });
  if (progress) {
    const review = current?.review ?? null;
    const merged = mergeProgress(progress, {
      sessionId: target?.sessionId ?? null,
      plan: target?.plan ?? [],
      homework: target?.homework ?? [],
      review,
    });
    if (target && !(sameJson(merged.plan, target.plan) && sameJson(merged.homework, target.homework)))
      writes.push(
        { name: 'plan', sessionId: target.sessionId, value: merged.plan },
        { name: 'homework', sessionId: target.sessionId, value: merged.homework },
      );
    if (!sameJson(merged.review, review)) writes.push({ name: 'review', sessionId, value: merged.review });
  }
  if (upcoming && writes.length === 0) return { same: true, sessionId, change: {} };
  const base = made(!upcoming, { id: sessionId, coacheeId, createdAt }, parts);
  return { same: false, sessionId, change: { ...base, parts: [...(base.parts ?? []), ...writes], activate: sessionId } };
}
