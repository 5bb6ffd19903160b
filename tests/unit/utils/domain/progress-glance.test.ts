import { describe, expect, it } from 'vitest';
import { coacheeGlance, homeworkByWeek, niceTicks, weeksSinceFirstSession } from '../../../../utils/domain/progress';
import { DAY, entry, NOW } from '../../sample-data';

describe('weeks of the homework chart', () => {
  it('start with the week of the coachee’s first session, not weeks before it', () => {
    // First session on Wednesday 2026-11-04: the weeks of 11-02, 11-09, 11-16 and 11-23.
    const entries = [entry({ id: 'a', startedAt: new Date(2026, 10, 4, 10).getTime() }), entry({ id: 'b', startedAt: NOW - DAY })];
    const n = weeksSinceFirstSession(entries, NOW);
    expect(n).toBe(4);
    expect(homeworkByWeek(entries, NOW, n)[0]?.week).toBe('2026-11-02');
  });

  it('is one week for a first session this week, none without sessions, at most the newest `max`', () => {
    expect(weeksSinceFirstSession([entry({ startedAt: NOW - DAY })], NOW)).toBe(1);
    expect(weeksSinceFirstSession([entry({ startedAt: NOW + 3 * DAY })], NOW)).toBe(1);
    expect(weeksSinceFirstSession([], NOW)).toBe(0);
    expect(weeksSinceFirstSession([entry({ startedAt: NOW - 400 * DAY })], NOW, 26)).toBe(26);
  });
});

describe('a coachee at a glance', () => {
  it('gives the current plan, last full week’s homework against the budget, the last and the next session', () => {
    const glance = coacheeGlance(
      [
        entry({ id: 'old', startedAt: NOW - 40 * DAY, plan: { total: 4, done: 4 }, nextSessionAt: NOW - 10 * DAY }),
        entry({
          id: 'new',
          startedAt: NOW - 10 * DAY,
          plan: { total: 3, done: 1 },
          homework: { perWeek: 30, logged: { '2026-11-16': 45, '2026-11-23': 10 } },
          nextSessionAt: NOW + 20 * DAY,
        }),
        entry({ id: 'upcoming', startedAt: null, createdAt: NOW - DAY, nextSessionAt: null }),
      ],
      NOW,
    );
    expect(glance).toEqual({
      plan: { total: 3, done: 1 },
      lastWeek: { minutes: 45, budget: 60 },
      lastAt: NOW - 10 * DAY,
      nextAt: NOW + 20 * DAY,
      sessions: 3,
    });
  });

  it('has no plan, no dates and zero minutes for a coachee without sessions', () => {
    expect(coacheeGlance([], NOW)).toEqual({ plan: null, lastWeek: { minutes: 0, budget: 60 }, lastAt: null, nextAt: null, sessions: 0 });
  });
});

describe('value axis ticks', () => {
  it.each([
    [60, [0, 20, 40, 60]],
    [45, [0, 20, 40, 60]],
    [70, [0, 20, 40, 60, 80]],
    [3, [0, 1, 2, 3]],
    [1, [0, 1]],
    [0, [0, 1]],
    [130, [0, 50, 100, 150]],
  ])('for a largest value of %i are %j: round, from 0, reaching the top', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });
});
