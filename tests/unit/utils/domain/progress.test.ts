import { describe, expect, it } from 'vitest';
import { heldBackAnswers, homeworkByWeek, phasesPerSession, planDonePerSession, sessionsPerMonth } from '../../../../utils/domain/progress';
import { DAY, entry, NOW } from '../../sample-data';

describe('progress figures', () => {
  it('sums homework minutes per week across sessions, every week shown, against the hour-a-week budget', () => {
    const weeks = homeworkByWeek(
      [
        entry({ id: 'a', homework: { perWeek: 45, logged: { '2026-11-23': 20, '2026-11-09': 70 } } }),
        entry({ id: 'b', homework: { perWeek: 15, logged: { '2026-11-23': 15 } } }),
      ],
      NOW,
      4,
    );
    expect(weeks).toEqual([
      { week: '2026-11-02', minutes: 0, budget: 60 },
      { week: '2026-11-09', minutes: 70, budget: 60 },
      { week: '2026-11-16', minutes: 0, budget: 60 },
      { week: '2026-11-23', minutes: 35, budget: 60 },
    ]);
  });

  it('counts plan steps done and not done per session with a plan, oldest first', () => {
    const rows = planDonePerSession([
      entry({ id: 'new', startedAt: NOW, plan: { total: 3, done: 1 } }),
      entry({ id: 'old', startedAt: NOW - 30 * DAY, plan: { total: 2, done: 2 } }),
      entry({ id: 'none', startedAt: NOW - 10 * DAY }),
    ]);
    expect(rows.map((r) => [r.id, r.done, r.notDone])).toEqual([
      ['old', 2, 0],
      ['new', 1, 2],
    ]);
  });

  it('says by how much a session went over and in which phase', () => {
    const [row] = phasesPerSession([
      entry({
        phases: [
          { title: 'Understand', planned: 25, actual: 31 },
          { title: 'Plan', planned: 25, actual: 22 },
          { title: 'Wrap up', planned: 10, actual: 10 },
        ],
      }),
      entry({ id: 'never', startedAt: null }),
    ]);
    expect(row).toMatchObject({ planned: 60, taken: 63, overBy: 3, mostOver: 'Understand' });
    expect(phasesPerSession([entry({ startedAt: null })])).toEqual([]);
  });

  it('counts sessions held per month, with the empty months between', () => {
    const at = (y: number, m: number) => entry({ startedAt: new Date(y, m - 1, 15).getTime() });
    expect(sessionsPerMonth([at(2026, 11), at(2026, 8), at(2026, 8), at(2027, 1)])).toEqual([
      { month: '2026-08', held: 2, upcoming: 0 },
      { month: '2026-09', held: 0, upcoming: 0 },
      { month: '2026-10', held: 0, upcoming: 0 },
      { month: '2026-11', held: 1, upcoming: 0 },
      { month: '2026-12', held: 0, upcoming: 0 },
      { month: '2027-01', held: 1, upcoming: 0 },
    ]);
  });

  it('never counts a session not held yet as held: it stands apart, in the month it was made', () => {
    const held = entry({ id: 'held', startedAt: new Date(2026, 10, 3, 10).getTime() });
    const next = entry({ id: 'next', createdAt: new Date(2026, 10, 3, 11).getTime(), startedAt: null });
    const later = entry({ id: 'later', createdAt: new Date(2026, 11, 20, 9).getTime(), startedAt: null });
    expect(sessionsPerMonth([held, next, later])).toEqual([
      { month: '2026-11', held: 1, upcoming: 1 },
      { month: '2026-12', held: 0, upcoming: 1 },
    ]);
    // Once it is held, it counts in the month its clock started.
    expect(sessionsPerMonth([held, { ...next, startedAt: new Date(2026, 11, 1, 10).getTime() }])).toEqual([
      { month: '2026-11', held: 1, upcoming: 0 },
      { month: '2026-12', held: 1, upcoming: 0 },
    ]);
  });

  it('a month is the coach’s calendar month: a session at 00:30 on the 1st is in that month in every zone', () => {
    const first = entry({ startedAt: new Date(2026, 11, 1, 0, 30).getTime() });
    const last = entry({ id: 'b', startedAt: new Date(2026, 10, 30, 23, 30).getTime() });
    expect(sessionsPerMonth([first, last])).toEqual([
      { month: '2026-11', held: 1, upcoming: 0 },
      { month: '2026-12', held: 1, upcoming: 0 },
    ]);
  });

  it('lists what held them back in the coachee’s words (a card’s or a mail’s) and the coach’s notes when they say more', () => {
    const item = (stepId: string, heldBack: string, theirs?: string) => ({
      stepId,
      text: `Step ${stepId}`,
      status: 'partly' as const,
      heldBack,
      dreading: '',
      ...(theirs === undefined ? {} : { coachee: { mark: 'partly' as const, heldBack: theirs, dreading: '' } }),
    });
    const review = (items: ReturnType<typeof item>[]) => ({ fromSessionId: 'old', items, rootCause: '' });
    expect(
      heldBackAnswers([
        // Only the coachee answered (the card or the reply by mail): the coach's field is empty.
        {
          at: 2,
          review: { ...review([item('a', '', 'I was afraid of the review'), item('b', '', '  ')]), coacheeRootCause: 'I say yes too fast' },
        },
        // Both, the same words once; the coach's different note beside theirs; the coach's alone.
        { at: 1, review: review([item('c', 'no time', 'no time'), item('d', 'Fear of Sam', 'Too busy'), item('e', 'Holiday')]) },
      ]),
    ).toEqual([
      { at: 2, stepId: 'a', text: 'I was afraid of the review', by: 'coachee' },
      // Their word on what lay under it all (a card's or a mail's "What held you back?").
      { at: 2, stepId: 'root', text: 'I say yes too fast', by: 'coachee' },
      { at: 1, stepId: 'c', text: 'no time', by: 'coachee' },
      { at: 1, stepId: 'd', text: 'Too busy', by: 'coachee' },
      { at: 1, stepId: 'd', text: 'Fear of Sam', by: 'coach' },
      { at: 1, stepId: 'e', text: 'Holiday', by: 'coach' },
    ]);
  });
});
