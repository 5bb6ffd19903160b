/**
 * What taking a card in would change, decided before anything is written (the
 * page shows it as a preview), and the cards built from a session.
 * Pure: no browser calls.
 */
import type { PlanCard, PreworkCard } from './card-format';
import { sameJson } from './json';
import {
  type Assignment,
  type Coachee,
  EMPTY_WRAP_UP,
  type PlanStep,
  type Review,
  type SessionMeta,
  type Topic,
  type WrapUp,
} from './model';
import { hasProgress, mergeProgress, type ProgressChange, type ProgressMerge, progressOfPlan } from './plan-progress';
import { dayOfInstant, instantOf, type SessionDate } from './session-date';
import { newSessionId } from './session-list';

/** The coach's id for a coachee who sent cards: from the id their own browser gave them. */
export const coacheeIdFromCard = (fromId: string): string => `from-${fromId}`.slice(0, 100);
/** The id a plan card carries back to the coachee (the one their pre-work card sent), if known. */
const cardIdOfCoachee = (coacheeId: string): string | null => (coacheeId.startsWith('from-') ? coacheeId.slice(5) : null);

/** new: nothing there yet; same: already taken in, nothing changes; replaces: differs from what is there (asks first). */
export type IntakeStatus = 'new' | 'same' | 'replaces';

/** A value shown in a field change: text, a session date, or nothing. */
export type Shown = string | SessionDate | null;

/**
 * One field a card would change of what is there, shown before confirming.
 * title / difficulty / outcome: the topic; stepAdded / stepRemoved, homeworkAdded / homeworkRemoved / perWeek:
 * the plan; feedback, next: the wrap-up; stepMark, minutes, reviewStatus: what the coach had of the coachee's progress.
 */
export interface FieldChange {
  field:
    | 'title'
    | 'difficulty'
    | 'outcome'
    | 'stepAdded'
    | 'stepRemoved'
    | 'homeworkAdded'
    | 'homeworkRemoved'
    | 'perWeek'
    | 'feedback'
    | 'next'
    | ProgressChange['what'];
  /** The step's text or the assignment's title the change is about. */
  item?: string;
  /** The week (Monday's ISO date), for minutes. */
  week?: string;
  before: Shown;
  after: Shown;
}

/** Where the coachee's progress goes on the coach's side. */
export interface ProgressIntake {
  /** The coach's session whose plan and homework get the marks and minutes (null: none known, the review only). */
  planSessionId: string | null;
  merge: ProgressMerge;
}

export interface PreworkIntake {
  status: IntakeStatus;
  coachee: Coachee;
  coacheeIsNew: boolean;
  sessionId: string;
  sessionIsNew: boolean;
  /** Whether the session the card names was already run (its pre-work comes again: it fills that session, never a new one). */
  sessionRan: boolean;
  /** The coachee's id for the session (kept as the session's `peer`). */
  peer: string;
  topic: Topic;
  progress: ProgressIntake | null;
  /** What of the coach's would change, field by field (empty unless `replaces`). */
  changes: FieldChange[];
}

/** What the coach's browser knows that a pre-work card touches. */
export interface CoachState {
  coachees: readonly Coachee[];
  sessions: readonly SessionMeta[];
  /** Whether a session's clock ever started (a started session is no longer the upcoming one). */
  started: (sessionId: string) => boolean;
  topicOf: (sessionId: string) => Topic;
  /** A session's plan, homework and review (for the coachee's progress). */
  partsOf: (sessionId: string) => { plan: PlanStep[]; homework: Assignment[]; review: Review };
}

const topicFields = ['title', 'difficulty', 'outcome'] as const;

/**
 * The coach takes in a pre-work card: the coachee (created if new) and the
 * session it is for: the one that came from the same coachee session before
 * (by `peer`; run or not, so a card taken again never makes a second one),
 * else their upcoming session (the newest whose clock never started and that
 * no other card filled), else a new one. The coachee's progress on the last
 * plan goes into the coach's session of that plan (by the id the plan card
 * carried, else the one before) and into this session's review.
 */
export function planPreworkIntake(card: PreworkCard, state: CoachState, now: number): PreworkIntake {
  const coacheeId = coacheeIdFromCard(card.from.id);
  const known = state.coachees.find((c) => c.id === coacheeId);
  const coachee: Coachee = known
    ? { ...known, name: card.from.name || known.name }
    : { id: coacheeId, name: card.from.name, createdAt: now };
  const theirs = state.sessions.filter((s) => s.coacheeId === coacheeId);
  const same = theirs.find((s) => s.peer === card.sessionId);
  const upcoming = same ?? theirs.filter((s) => !state.started(s.id) && s.peer === undefined).at(-1);
  const sessionId = upcoming?.id ?? newSessionId(coacheeId, now);
  const topic: Topic = { ...card.topic, updatedAt: now };

  const changes: FieldChange[] = [];
  const existing = upcoming ? state.topicOf(upcoming.id) : null;
  for (const field of topicFields)
    if (existing?.[field] && existing[field] !== topic[field]) changes.push({ field, before: existing[field], after: topic[field] });
  let unchanged = existing !== null && topicFields.every((f) => existing[f] === topic[f]);

  let progress: ProgressIntake | null = null;
  if (hasProgress(card.progress)) {
    const named = theirs.find((s) => s.id === card.progress?.fromSessionId && s.id !== sessionId);
    const before = upcoming ? theirs.filter((s) => s.createdAt < upcoming.createdAt) : theirs;
    const planSession = named ?? before.filter((s) => s.id !== sessionId).at(-1) ?? null;
    const coachPlan = planSession ? state.partsOf(planSession.id) : { plan: [], homework: [] };
    const review = upcoming ? state.partsOf(upcoming.id).review : null;
    const merge = mergeProgress(card.progress, {
      sessionId: planSession?.id ?? null,
      plan: coachPlan.plan,
      homework: coachPlan.homework,
      review,
    });
    progress = { planSessionId: planSession?.id ?? null, merge };
    changes.push(...merge.changes.map(({ what, ...rest }) => ({ field: what, ...rest })));
    unchanged =
      unchanged && sameJson(merge.plan, coachPlan.plan) && sameJson(merge.homework, coachPlan.homework) && sameJson(merge.review, review);
  }
  const status: IntakeStatus = unchanged ? 'same' : changes.length > 0 ? 'replaces' : 'new';
  return {
    status,
    coachee,
    coacheeIsNew: !known,
    sessionId,
    sessionIsNew: !upcoming,
    sessionRan: upcoming !== undefined && state.started(upcoming.id),
    peer: card.sessionId,
    topic,
    progress,
    changes: status === 'same' ? [] : changes,
  };
}

export interface PlanIntake {
  status: IntakeStatus;
  sessionId: string;
  /** No session of the coachee's holds this plan or asked for it: a new one is made for it. */
  sessionIsNew: boolean;
  /** The coach's id for the session (kept as the session's `peer`). */
  peer: string;
  plan: PlanStep[];
  homework: Assignment[];
  wrapUp: WrapUp;
  changes: FieldChange[];
}

/** What the coachee's browser knows that a plan card touches. */
export interface CoacheeState {
  /** The coachee's own sessions, oldest first. */
  sessions: readonly SessionMeta[];
  activeId: string | null;
  partsOf: (sessionId: string) => { plan: PlanStep[]; homework: Assignment[]; wrapUp: WrapUp };
  /** The zone the coachee's browser is in (a date with a time names an instant from the coach's zone). */
  localZone: string;
}

/**
 * The coachee takes in a plan card. It fills the session it belongs to: the
 * one that holds this coach session's plan already (by `peer`), else the one
 * it answers (the pre-work card's session), else the active one when no plan
 * is there yet, else a new session: never one that holds another month's plan.
 * Steps and assignments keep what the coachee already ticked or logged under
 * the same id.
 */
export function planPlanIntake(card: PlanCard, state: CoacheeState, newId: string): PlanIntake {
  const empty = (id: string) => {
    const p = state.partsOf(id);
    return p.plan.length === 0 && p.homework.length === 0 && !p.wrapUp.feedback;
  };
  const target =
    state.sessions.find((s) => s.peer === card.sessionId) ??
    state.sessions.find((s) => s.id === card.forSessionId && s.peer === undefined) ??
    state.sessions.find((s) => s.id === state.activeId && s.peer === undefined && empty(s.id));
  const sessionId = target?.id ?? newId;
  const current = target ? state.partsOf(target.id) : { plan: [], homework: [], wrapUp: EMPTY_WRAP_UP };
  const marks = new Map(current.plan.map((s) => [s.id, s]));
  const logged = new Map(current.homework.map((a) => [a.id, a.logged]));
  const plan = card.plan.map((s) => {
    const had = marks.get(s.id);
    return { id: s.id, text: s.text, done: had?.done ?? false, ...(had?.partly ? { partly: true } : {}) };
  });
  const homework = card.homework.map((a) => ({ ...a, logged: logged.get(a.id) ?? {} }));
  const wrapUp: WrapUp = {
    ...current.wrapUp,
    feedback: card.feedback,
    next: card.next,
    nextSessionAt: card.next ? instantOf(card.next, state.localZone) : null,
  };

  const changes: FieldChange[] = [];
  const cardSteps = new Set(card.plan.map((s) => s.text));
  const hadSteps = new Set(current.plan.map((s) => s.text));
  for (const s of current.plan)
    if (!cardSteps.has(s.text)) changes.push({ field: 'stepRemoved', item: s.text, before: s.text, after: null });
  for (const s of card.plan) if (!hadSteps.has(s.text)) changes.push({ field: 'stepAdded', item: s.text, before: null, after: s.text });
  const cardWork = new Map(card.homework.map((a) => [a.title, a]));
  const hadWork = new Map(current.homework.map((a) => [a.title, a]));
  for (const a of current.homework) {
    const incoming = cardWork.get(a.title);
    if (!incoming) changes.push({ field: 'homeworkRemoved', item: a.title, before: a.title, after: null });
    else if (incoming.minutesPerWeek !== a.minutesPerWeek)
      changes.push({ field: 'perWeek', item: a.title, before: String(a.minutesPerWeek), after: String(incoming.minutesPerWeek) });
  }
  for (const a of card.homework)
    if (!hadWork.has(a.title)) changes.push({ field: 'homeworkAdded', item: a.title, before: null, after: a.title });
  if (current.wrapUp.feedback !== card.feedback) changes.push({ field: 'feedback', before: current.wrapUp.feedback, after: card.feedback });
  const hadNext = current.wrapUp.next ?? null;
  if (!sameJson(hadNext, card.next) && (hadNext !== null || current.wrapUp.nextSessionAt === null))
    changes.push({ field: 'next', before: hadNext, after: card.next });

  const shape = (p: readonly PlanStep[], h: readonly Assignment[], w: WrapUp) => ({
    plan: p.map((s) => [s.id, s.text]),
    homework: h.map((a) => [a.id, a.kind, a.title, a.minutesPerWeek]),
    feedback: w.feedback,
    next: w.next ?? null,
  });
  const same = target !== undefined && sameJson(shape(current.plan, current.homework, current.wrapUp), shape(plan, homework, wrapUp));
  const isEmpty = !target || empty(target.id);
  const status: IntakeStatus = same ? 'same' : isEmpty ? 'new' : 'replaces';
  return {
    status,
    sessionId,
    sessionIsNew: !target,
    peer: card.sessionId,
    plan,
    homework,
    wrapUp,
    changes: status === 'replaces' ? changes : [],
  };
}

/** A plan card from the coach's session. */
export function buildPlanCard(
  id: string,
  now: number,
  from: { name: string },
  coachee: Coachee,
  session: Pick<SessionMeta, 'id' | 'peer'>,
  parts: { plan: readonly PlanStep[]; homework: readonly Assignment[]; wrapUp: WrapUp },
  localZone: string,
): PlanCard {
  const { wrapUp } = parts;
  return {
    kind: 'plan',
    id,
    createdAt: now,
    from: { name: from.name },
    to: { id: cardIdOfCoachee(coachee.id), name: coachee.name },
    sessionId: session.id,
    forSessionId: session.peer ?? null,
    plan: parts.plan.map((s) => ({ id: s.id, text: s.text })),
    homework: parts.homework.map((a) => ({ id: a.id, kind: a.kind, title: a.title, minutesPerWeek: a.minutesPerWeek })),
    next: wrapUp.next ?? (wrapUp.nextSessionAt === null ? null : dayOfInstant(wrapUp.nextSessionAt, localZone)),
    feedback: wrapUp.feedback,
  };
}

/**
 * A pre-work card from one of the coachee's sessions, with their progress on
 * the plan of the session before it (marks, minutes, and the answers they
 * wrote in this session's review).
 */
export function buildPreworkCard(
  id: string,
  now: number,
  from: { id: string; name: string },
  sessionId: string,
  sessionOn: string | null,
  topic: Topic,
  previous: { meta: SessionMeta; plan: readonly PlanStep[]; homework: readonly Assignment[]; answers: Review } | null,
): PreworkCard {
  const progress = previous ? progressOfPlan(previous.meta.peer ?? null, previous.plan, previous.homework, previous.answers) : null;
  return {
    kind: 'prework',
    id,
    createdAt: now,
    from,
    sessionId,
    sessionOn,
    topic: { title: topic.title, difficulty: topic.difficulty, outcome: topic.outcome },
    progress: hasProgress(progress) ? progress : null,
  };
}
