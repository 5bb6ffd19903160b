/**
 * From a reply's answers to what a card carries: minutes in the weeks the
 * coachee named, counted from the plan's week (not the day of taking in, and
 * not the machine's time zone); free words offered as the topic; the same
 * reply taken in twice changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { weekKey } from '../../../../../utils/domain/homework';
import {
  byPlanWeeks,
  type MailAnswers,
  planWeeksBy,
  progressChangesNothing,
  progressFromMail,
  weekOfPlan,
} from '../../../../../utils/domain/mail/intake';
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

describe('the preview’s minutes, one field per plan week', () => {
  const shown = (a: MailAnswers) => a.minutes.map((m) => m.weeks.map((w) => `w${w.week ?? '-'} ${w.minutes ?? '_'}`).join(', '));

  it('counts the plan’s weeks begun by the day of taking in', () => {
    expect(planWeeksBy(PLAN_AT, PLAN_AT)).toBe(1);
    expect(planWeeksBy(PLAN_AT, PLAN_AT + 4 * DAY)).toBe(2);
    expect(planWeeksBy(PLAN_AT, PLAN_AT + 14 * DAY)).toBe(3);
  });

  it('offers week 1 … the current week, with what the reply named in its week', () => {
    const a = { ...answers([{ week: 2, minutes: 30 }]), planAt: PLAN_AT };
    expect(shown(byPlanWeeks(a, PLAN_AT + 14 * DAY))).toEqual(['w1 _, w2 30, w3 _']);
  });

  it('puts minutes for no named week in the current week, and a nothing-found item gets every week empty', () => {
    expect(shown(byPlanWeeks({ ...answers([{ week: null, minutes: 20 }]), planAt: PLAN_AT }, PLAN_AT + 8 * DAY))).toEqual(['w1 _, w2 20']);
    expect(shown(byPlanWeeks({ ...answers([{ week: null, minutes: null }]), planAt: PLAN_AT }, PLAN_AT + 8 * DAY))).toEqual(['w1 _, w2 _']);
  });

  it('keeps a week named beyond the current one, and leaves answers alone without the plan’s start', () => {
    expect(shown(byPlanWeeks({ ...answers([{ week: 4, minutes: 10 }]), planAt: PLAN_AT }, PLAN_AT))).toEqual(['w1 _, w4 10']);
    const none = { ...answers([{ week: null, minutes: 20 }]), planAt: null };
    expect(byPlanWeeks(none, PLAN_AT)).toBe(none);
  });

  it('files typed minutes in the plan’s weeks', () => {
    const a = byPlanWeeks({ ...answers([{ week: null, minutes: null }]), planAt: PLAN_AT }, PLAN_AT + 8 * DAY);
    const typed = {
      ...a,
      minutes: a.minutes.map((m) => ({ ...m, weeks: m.weeks.map((w) => ({ ...w, minutes: w.week === 1 ? 25 : 30 })) })),
    };
    expect(progressFromMail(typed, TARGET, PLAN_AT + 8 * DAY)?.homework[0]?.logged).toEqual({ '2026-11-02': 25, '2026-11-09': 30 });
  });
});
