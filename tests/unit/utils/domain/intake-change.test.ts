import { describe, expect, it } from 'vitest';
import type { PlanIntake, PreworkIntake } from '../../../../utils/domain/card-intake';
import { type MailState, planChange, planMailIntake, preworkChange } from '../../../../utils/domain/intake-change';
import type { MailAnswers } from '../../../../utils/domain/mail/intake';
import {
  type Assignment,
  EMPTY_TOPIC,
  EMPTY_WRAP_UP,
  type PlanStep,
  type Review,
  type SessionMeta,
  type Topic,
} from '../../../../utils/domain/model';
import { changedLists } from '../../../../utils/domain/session-change';

const T0 = 1_764_000_000_000;
const plan: PlanStep[] = [
  { id: 'p1', text: 'Talk to Sam', done: false },
  { id: 'p2', text: 'Block two mornings', done: false },
];
const homework: Assignment[] = [{ id: 'h1', kind: 'exercise', title: 'Journaling', minutesPerWeek: 30, logged: {} }];
const planReply: MailAnswers = {
  title: '',
  difficulty: '',
  outcome: '',
  heldBack: 'Saying yes too fast',
  steps: [
    { n: 1, text: 'Talk to Sam', mark: 'done', note: '' },
    { n: 2, text: 'Block two mornings', mark: 'not', note: 'the client kept calling' },
  ],
  minutes: [],
};

/** Anna's sessions in the coach's browser, with their parts. */
function state(
  sessions: SessionMeta[],
  parts: Record<string, { plan?: PlanStep[]; review?: Review; topic?: Topic; started?: boolean }>,
): MailState {
  return {
    sessions,
    started: (id) => parts[id]?.started ?? false,
    partsOf: (id) => ({
      plan: parts[id]?.plan ?? [],
      homework: parts[id]?.plan ? homework : [],
      review: parts[id]?.review ?? null,
      topic: parts[id]?.topic ?? EMPTY_TOPIC,
    }),
    planSessionId: 'm1',
  };
}

describe('one intake for cards and mail', () => {
  const m1: SessionMeta = { id: 'm1', coacheeId: 'anna', createdAt: T0 };

  it('a plan-mail reply with no next session makes one and fills it with every word, then activates it', () => {
    const intake = planMailIntake(planReply, 'anna', state([m1], { m1: { plan, started: true } }), T0 + 30 * 86_400_000, {});
    expect(intake.same).toBe(false);
    const next = intake.sessionId as string;
    expect(intake.change.add).toEqual([{ id: next, coacheeId: 'anna', createdAt: T0 + 30 * 86_400_000 }]);
    expect(intake.change.activate).toBe(next);
    const review = intake.change.parts?.find((p) => p.name === 'review' && p.sessionId === next)?.value as NonNullable<Review>;
    expect(review.items.map((i) => i.coachee?.heldBack)).toEqual(['', 'the client kept calling']);
    expect(review.coacheeRootCause).toBe('Saying yes too fast');
    expect(intake.change.parts?.find((p) => p.name === 'plan')).toMatchObject({ sessionId: 'm1' });
  });

  it('the same reply taken in again, once the next session holds it, changes nothing', () => {
    const at = T0 + 30 * 86_400_000;
    const first = planMailIntake(planReply, 'anna', state([m1], { m1: { plan, started: true } }), at, {});
    const next = first.sessionId as string;
    const written = Object.fromEntries((first.change.parts ?? []).map((p) => [`${p.name}.${p.sessionId}`, p.value]));
    const after = state(changedLists({ active: null, sessions: [m1], coachees: [] }, first.change).sessions, {
      m1: { plan: written['plan.m1'] as PlanStep[], started: true },
      [next]: { review: written[`review.${next}`] as Review },
    });
    expect(planMailIntake(planReply, 'anna', after, at + 60_000, {})).toEqual({ same: true, sessionId: next, change: {} });
  });

  it('a pre-work reply fills the upcoming session that is there (never a second one)', () => {
    const m2: SessionMeta = { id: 'm2', coacheeId: 'anna', createdAt: T0 + 10 };
    const answers = { ...planReply, title: 'Release', difficulty: 'Saying no', outcome: '' };
    const intake = planMailIntake(answers, 'anna', state([m1, m2], { m1: { plan, started: true } }), T0 + 20, {});
    expect(intake.sessionId).toBe('m2');
    expect(intake.change.add).toBeUndefined();
    expect(intake.change.parts?.find((p) => p.name === 'topic')).toMatchObject({ sessionId: 'm2', value: { title: 'Release' } });
  });

  it('a card: a pre-work card fills and links its session, then activates; a plan card activates only a session it made', () => {
    const topic = { title: 'T', difficulty: '', outcome: '', updatedAt: 5 };
    const prework = {
      status: 'new',
      coachee: { id: 'from-x', name: 'Ann', createdAt: 1 },
      coacheeIsNew: true,
      sessionId: 's1',
      sessionIsNew: true,
      sessionRan: false,
      peer: 'theirs',
      topic,
      progress: null,
      changes: [],
    } satisfies PreworkIntake;
    const change = preworkChange(prework, null, 5, {});
    expect(change).toMatchObject({
      add: [{ id: 's1', coacheeId: 'from-x' }],
      peers: { s1: 'theirs' },
      activate: 's1',
      coachee: prework.coachee,
    });
    expect(preworkChange({ ...prework, sessionIsNew: false }, topic, 5, {}).parts).toEqual([]);
    const planned = {
      status: 'new',
      sessionId: 'c1',
      sessionIsNew: false,
      peer: 'coach',
      plan,
      homework,
      wrapUp: EMPTY_WRAP_UP,
      changes: [],
    } satisfies PlanIntake;
    expect(planChange(planned, 'me', 5, {}).activate).toBeUndefined();
    expect(planChange({ ...planned, sessionIsNew: true }, 'me', 5, {}).activate).toBe('c1');
  });
});
