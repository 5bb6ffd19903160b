import { describe, expect, it } from 'vitest';
import type { Assignment, PlanStep, Review } from '../../../../utils/domain/model';
import { markOf, mergeProgress, type PlanProgress, progressOfPlan, withMark } from '../../../../utils/domain/plan-progress';

const steps: PlanStep[] = [
  { id: 's1', text: 'Ask Sam for the numbers', done: false },
  { id: 's2', text: 'Say no to one meeting', done: false },
  { id: 's3', text: 'Write the proposal', done: false },
];
const homework: Assignment[] = [{ id: 'h1', kind: 'exercise', title: 'Journal', minutesPerWeek: 30, logged: {} }];

/** The coachee's month: 2 of 3 ticked, one partly, 45 and 40 minutes in two weeks, one answer. */
function coacheeProgress(): PlanProgress {
  const plan = [withMark(steps[0] as PlanStep, 'done'), withMark(steps[1] as PlanStep, 'done'), withMark(steps[2] as PlanStep, 'partly')];
  const logged = [{ ...(homework[0] as Assignment), logged: { '2026-01-05': 45, '2026-01-12': 40 } }];
  const answers: Review = {
    fromSessionId: 'c1',
    items: [{ stepId: 's3', text: 'Write the proposal', status: 'partly', heldBack: 'I was afraid of the review', dreading: 'Sam' }],
    rootCause: 'Fear of judgement',
  };
  return progressOfPlan('coach-s1', plan, logged, answers);
}

describe('the coachee marks the plan', () => {
  it('keeps one mark at a time per step', () => {
    const partly = withMark({ id: 'x', text: 'x', done: true }, 'partly');
    expect(partly).toEqual({ id: 'x', text: 'x', done: false, partly: true });
    expect(markOf(withMark(partly, 'done'))).toBe('done');
    expect(withMark(partly, 'not')).toEqual({ id: 'x', text: 'x', done: false });
  });

  it('carries each mark, the minutes per week and their answers by step id', () => {
    const p = coacheeProgress();
    expect(p.steps.map((s) => s.mark)).toEqual(['done', 'done', 'partly']);
    expect(p.steps[2]).toMatchObject({ id: 's3', heldBack: 'I was afraid of the review', dreading: 'Sam' });
    expect(p.homework[0]?.logged).toEqual({ '2026-01-05': 45, '2026-01-12': 40 });
    expect(p.rootCause).toBe('Fear of judgement');
  });
});

describe("merging the coachee's progress into the coach's records", () => {
  it("opens the coach's review with the coachee's marks, kept as theirs, and fills plan and minutes", () => {
    const m = mergeProgress(coacheeProgress(), { sessionId: 'coach-s1', plan: steps, homework, review: null });
    expect(m.changes).toEqual([]);
    expect(m.plan.filter((s) => s.done)).toHaveLength(2);
    expect(markOf(m.plan[2] as PlanStep)).toBe('partly');
    expect(m.homework[0]?.logged).toEqual({ '2026-01-05': 45, '2026-01-12': 40 });
    expect(m.review.fromSessionId).toBe('coach-s1');
    expect(m.review.items.map((i) => i.status)).toEqual(['done', 'done', 'partly']);
    expect(m.review.items[2]?.coachee).toEqual({ mark: 'partly', heldBack: 'I was afraid of the review', dreading: 'Sam' });
    // The coach's own answers stay theirs (empty), the coachee's sit beside them.
    expect(m.review.items[2]?.heldBack).toBe('');
    expect(m.review.coacheeRootCause).toBe('Fear of judgement');
    expect(m.review.rootCause).toBe('');
  });

  it('keeps what the coach wrote in the review and lists a status they set that would change', () => {
    const first = mergeProgress(coacheeProgress(), { sessionId: 'coach-s1', plan: steps, homework, review: null });
    const written: NonNullable<Review> = {
      ...first.review,
      rootCause: 'Perfectionism',
      items: first.review.items.map((i) => (i.stepId === 's1' ? { ...i, status: 'partly', heldBack: 'Only half the numbers' } : i)),
    };
    const again = mergeProgress(coacheeProgress(), { sessionId: 'coach-s1', plan: first.plan, homework: first.homework, review: written });
    expect(again.review.rootCause).toBe('Perfectionism');
    expect(again.review.items[0]?.heldBack).toBe('Only half the numbers');
    expect(again.changes).toEqual([{ what: 'reviewStatus', item: 'Ask Sam for the numbers', before: 'partly', after: 'done' }]);
  });

  it('the same progress taken twice changes nothing of the coach', () => {
    const first = mergeProgress(coacheeProgress(), { sessionId: 'coach-s1', plan: steps, homework, review: null });
    const again = mergeProgress(coacheeProgress(), {
      sessionId: 'coach-s1',
      plan: first.plan,
      homework: first.homework,
      review: first.review,
    });
    expect(again.changes).toEqual([]);
    expect(again.plan).toEqual(first.plan);
    expect(again.homework).toEqual(first.homework);
    expect(again.review).toEqual(first.review);
  });

  it("lists minutes and marks of the coach's that differ", () => {
    const coachHad = { ...(homework[0] as Assignment), logged: { '2026-01-05': 30 } };
    const plan = [{ ...(steps[0] as PlanStep), done: false, partly: true }, steps[1] as PlanStep, steps[2] as PlanStep];
    const m = mergeProgress(coacheeProgress(), { sessionId: 'coach-s1', plan, homework: [coachHad], review: null });
    expect(m.changes).toEqual([
      { what: 'stepMark', item: 'Ask Sam for the numbers', before: 'partly', after: 'done' },
      { what: 'minutes', item: 'Journal', week: '2026-01-05', before: '30', after: '45' },
    ]);
  });

  it('matches steps by text when an older card carries no ids, and adds unknown steps to the review only', () => {
    const p = coacheeProgress();
    const old: PlanProgress = {
      ...p,
      fromSessionId: null,
      steps: [...p.steps.map((s) => ({ ...s, id: null })), { id: null, text: 'Something else', mark: 'not', heldBack: '', dreading: '' }],
    };
    const m = mergeProgress(old, { sessionId: 'coach-s1', plan: steps, homework, review: null });
    expect(m.plan.filter((s) => s.done)).toHaveLength(2);
    expect(m.plan).toHaveLength(3);
    expect(m.review.items.map((i) => i.text)).toEqual([...steps.map((s) => s.text), 'Something else']);
  });
});
