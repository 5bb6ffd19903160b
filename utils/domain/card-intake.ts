/**
 * What taking a card in would change, decided before anything is written (the
 * page shows it as a preview), and the cards built from a session.
 * Pure: no browser calls.
 */
import type { PlanCard, PreworkCard } from './card';
import { sameJson } from './json';
import type { Assignment, Coachee, PlanStep, Review, SessionMeta, Topic, WrapUp } from './model';
import { newSessionId } from './sessions';

/** The coach's id for a coachee who sent cards: from the id their own browser gave them. */
export const coacheeIdFromCard = (fromId: string): string => `from-${fromId}`.slice(0, 100);
/** The id a plan card carries back to the coachee (the one their pre-work card sent), if known. */
export const cardIdOfCoachee = (coacheeId: string): string | null => (coacheeId.startsWith('from-') ? coacheeId.slice(5) : null);

/** new: nothing there yet; same: already taken in, nothing changes; replaces: differs from what is there (asks first). */
export type IntakeStatus = 'new' | 'same' | 'replaces';

export interface PreworkIntake {
  status: IntakeStatus;
  coachee: Coachee;
  coacheeIsNew: boolean;
  sessionId: string;
  sessionIsNew: boolean;
  topic: Topic;
  review: Review;
}

/** What the coach's browser knows that a pre-work card touches. */
export interface CoachState {
  coachees: readonly Coachee[];
  sessions: readonly SessionMeta[];
  /** Whether a session's clock ever started (a started session is no longer the upcoming one). */
  started: (sessionId: string) => boolean;
  topicOf: (sessionId: string) => Topic;
}

/**
 * The coach takes in a pre-work card: the coachee (created if new), their
 * upcoming session (the newest whose clock never started, else a new one), and
 * the topic and review it would get.
 */
export function planPreworkIntake(card: PreworkCard, state: CoachState, now: number): PreworkIntake {
  const coacheeId = coacheeIdFromCard(card.from.id);
  const known = state.coachees.find((c) => c.id === coacheeId);
  const coachee: Coachee = known
    ? { ...known, name: card.from.name || known.name }
    : { id: coacheeId, name: card.from.name, createdAt: now };
  const upcoming = state.sessions.filter((s) => s.coacheeId === coacheeId && !state.started(s.id)).at(-1);
  const topic: Topic = { ...card.topic, updatedAt: now };
  const review: Review = card.review
    ? {
        fromSessionId: card.id.slice(0, 100),
        items: card.review.items.map((item, i) => ({ ...item, stepId: `card-${i + 1}` })),
        rootCause: card.review.rootCause,
      }
    : null;
  const existing = upcoming ? state.topicOf(upcoming.id) : null;
  const incoming = { title: topic.title, difficulty: topic.difficulty, outcome: topic.outcome };
  const current = existing ? { title: existing.title, difficulty: existing.difficulty, outcome: existing.outcome } : null;
  const empty = !current || (!current.title && !current.difficulty && !current.outcome);
  const status: IntakeStatus = current && sameJson(current, incoming) ? 'same' : empty ? 'new' : 'replaces';
  return {
    status,
    coachee,
    coacheeIsNew: !known,
    sessionId: upcoming?.id ?? newSessionId(coacheeId, now),
    sessionIsNew: !upcoming,
    topic,
    review,
  };
}

export interface PlanIntake {
  status: IntakeStatus;
  sessionId: string;
  plan: PlanStep[];
  homework: Assignment[];
  wrapUp: WrapUp;
}

/**
 * The coachee takes in a plan card, into the session they prepared (their
 * active one). Steps and assignments keep what the coachee already ticked or
 * logged under the same id.
 */
export function planPlanIntake(
  card: PlanCard,
  target: { sessionId: string; plan: readonly PlanStep[]; homework: readonly Assignment[]; wrapUp: WrapUp },
): PlanIntake {
  const done = new Map(target.plan.map((s) => [s.id, s.done]));
  const logged = new Map(target.homework.map((a) => [a.id, a.logged]));
  const plan = card.plan.map((s) => ({ id: s.id, text: s.text, done: done.get(s.id) ?? false }));
  const homework = card.homework.map((a) => ({ ...a, logged: logged.get(a.id) ?? {} }));
  const wrapUp: WrapUp = { ...target.wrapUp, feedback: card.feedback, nextSessionAt: card.nextSessionAt };
  const shape = (p: readonly PlanStep[], h: readonly Assignment[], w: WrapUp) => ({
    plan: p.map((s) => [s.id, s.text]),
    homework: h.map((a) => [a.id, a.kind, a.title, a.minutesPerWeek]),
    feedback: w.feedback,
    next: w.nextSessionAt,
  });
  const before = shape(target.plan, target.homework, target.wrapUp);
  const after = shape(plan, homework, wrapUp);
  const empty = target.plan.length === 0 && target.homework.length === 0 && !target.wrapUp.feedback;
  const status: IntakeStatus = sameJson(before, after) ? 'same' : empty ? 'new' : 'replaces';
  return { status, sessionId: target.sessionId, plan, homework, wrapUp };
}

/** A plan card from the coach's session. */
export function buildPlanCard(
  id: string,
  now: number,
  coachee: Coachee,
  parts: { plan: readonly PlanStep[]; homework: readonly Assignment[]; wrapUp: WrapUp },
): PlanCard {
  return {
    kind: 'plan',
    id,
    createdAt: now,
    to: { id: cardIdOfCoachee(coachee.id), name: coachee.name },
    plan: parts.plan.map((s) => ({ id: s.id, text: s.text })),
    homework: parts.homework.map((a) => ({ id: a.id, kind: a.kind, title: a.title, minutesPerWeek: a.minutesPerWeek })),
    nextSessionAt: parts.wrapUp.nextSessionAt,
    feedback: parts.wrapUp.feedback,
  };
}

/**
 * A pre-work card from the coachee's session. The review of the last plan is
 * the coachee's own review where they wrote one, else how each step was ticked.
 */
export function buildPreworkCard(
  id: string,
  now: number,
  from: { id: string; name: string },
  sessionOn: string | null,
  topic: Topic,
  previous: { plan: readonly PlanStep[]; review: Review } | null,
): PreworkCard {
  let review: PreworkCard['review'] = null;
  if (previous?.review && previous.review.items.length > 0) {
    review = {
      items: previous.review.items.map(({ text, status, heldBack, dreading }) => ({ text, status, heldBack, dreading })),
      rootCause: previous.review.rootCause,
    };
  } else if (previous && previous.plan.length > 0) {
    review = {
      items: previous.plan.map((s) => ({ text: s.text, status: s.done ? 'done' : 'not', heldBack: '', dreading: '' })),
      rootCause: '',
    };
  }
  return {
    kind: 'prework',
    id,
    createdAt: now,
    from,
    sessionOn,
    topic: { title: topic.title, difficulty: topic.difficulty, outcome: topic.outcome },
    review,
  };
}
