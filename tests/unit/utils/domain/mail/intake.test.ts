/**
 * From a reply's answers to what a card carries: minutes in the weeks the
 * coachee named, counted from the plan's week (not the day of taking in, and
 * not the machine's time zone); free words offered as the topic; the same
 * reply taken in twice changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { weekKey } from '../../../../../utils/domain/homework';
import { type MailAnswers, progressChangesNothing, progressFromMail, weekOfPlan } from '../../../../../utils/domain/mail/intake';
import { mergeProgress } from '../../../../../utils/domain/plan-progress';

/** Thursday, 5 November 2026, noon UTC: far from any date line, so its week is the same in every zone. */
const PLAN_AT = Date.UTC(2026, 10, 5, 12);
const DAY = 86_400_000;
const TARGET = {
  sessionId: 's-1',
  plan: [{ id: 'p1', text: 'Talk to Sam', done: false }],
  homework: [{ id: 'h1', kind: 'exercise' as const, title: 'Journaling', minutesPerWeek: 30, logged: {} }],
  at: PLAN_AT,
};
const answers = (weeks: MailAnswers['minutes'][number]['weeks']): MailAnswers => ({
  title: '',
  difficulty: '',
  outcome: '',
  heldBack: '',
  steps: [{ n: 1, text: 'Talk to Sam', mark: 'done', note: '' }],
  minutes: [{ n: 1, text: 'Exercise: Journaling (30 min a week)', weeks }],
});

describe('minutes into the plan’s weeks', () => {
  it('counts week 1 from the plan’s week, whenever the reply is taken in', () => {
    expect(weekOfPlan(1, PLAN_AT, PLAN_AT + 40 * DAY)).toBe(weekKey(PLAN_AT));
    expect(weekOfPlan(1, PLAN_AT, PLAN_AT)).toBe('2026-11-02');
    expect(weekOfPlan(2, PLAN_AT, PLAN_AT)).toBe('2026-11-09');
    expect(weekOfPlan(5, PLAN_AT, PLAN_AT)).toBe('2026-11-30');
    // Across the end of a month and of a year, by the calendar.
    expect(weekOfPlan(9, Date.UTC(2026, 11, 3, 12), 0)).toBe('2027-01-25');
  });

  it('files a figure with no week named in the week of taking in, never before the plan', () => {
    expect(weekOfPlan(null, PLAN_AT, PLAN_AT + 14 * DAY)).toBe('2026-11-16');
    expect(weekOfPlan(null, PLAN_AT, PLAN_AT - 30 * DAY)).toBe('2026-11-02');
  });

  it('makes the progress a card carries: 25 and 30 in weeks 1 and 2, taken in a month later', () => {
    const progress = progressFromMail(
      answers([
        { week: 1, minutes: 25 },
        { week: 2, minutes: 30 },
      ]),
      TARGET,
      PLAN_AT + 31 * DAY,
    );
    expect(progress?.homework).toEqual([
      { id: 'h1', title: 'Journaling', minutesPerWeek: 30, logged: { '2026-11-02': 25, '2026-11-09': 30 } },
    ]);
  });

  it('counts from the plan the preview named when the target carries no date of its own', () => {
    const { at: _at, ...undated } = TARGET;
    const progress = progressFromMail({ ...answers([{ week: 2, minutes: 30 }]), planAt: PLAN_AT }, undated, PLAN_AT + 31 * DAY);
    expect(progress?.homework[0]?.logged).toEqual({ '2026-11-09': 30 });
  });

  it('takes the same reply twice as changing nothing the second time', () => {
    const progress = progressFromMail(answers([{ week: 1, minutes: 25 }]), TARGET, PLAN_AT + DAY);
    if (!progress) throw new Error('no progress');
    const coach = { sessionId: 's-1', plan: TARGET.plan, homework: TARGET.homework, review: null };
    expect(progressChangesNothing(progress, coach)).toBe(false);
    const once = mergeProgress(progress, coach);
    expect(progressChangesNothing(progress, { ...coach, plan: once.plan, homework: once.homework, review: once.review })).toBe(true);
  });
});
