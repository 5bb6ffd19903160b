import { describe, expect, it } from 'vitest';
import {
  itemThisWeek,
  loggedThisWeek,
  logMinutes,
  overBudget,
  setWeekMinutes,
  WEEKLY_BUDGET_MINUTES,
  weekKey,
  weeklyMinutes,
} from '../../../../utils/domain/homework';
import type { Assignment } from '../../../../utils/domain/model';

const a = (id: string, minutesPerWeek: number, logged: Record<string, number> = {}): Assignment => ({
  id,
  kind: 'exercise',
  title: id,
  minutesPerWeek,
  logged,
});
const wed = new Date(2026, 10, 25, 15, 0).getTime(); // a Wednesday

describe('homework budget', () => {
  it('adds the weekly minutes and warns only past an hour', () => {
    expect(weeklyMinutes([a('x', 30), a('y', 30)])).toBe(60);
    expect(overBudget([a('x', 30), a('y', 30)])).toBe(false);
    expect(overBudget([a('x', 30), a('y', 31)])).toBe(true);
    expect(weeklyMinutes([])).toBe(0);
    expect(WEEKLY_BUDGET_MINUTES).toBe(60);
  });
});

describe('logging minutes', () => {
  it('keys weeks by their Monday, so Monday to Sunday is one week', () => {
    expect(weekKey(wed)).toBe('2026-11-23');
    expect(weekKey(new Date(2026, 10, 23, 0, 1).getTime())).toBe('2026-11-23');
    expect(weekKey(new Date(2026, 10, 29, 23, 59).getTime())).toBe('2026-11-23');
    expect(weekKey(new Date(2026, 10, 30, 0, 1).getTime())).toBe('2026-11-30');
  });

  it('adds minutes to this week and totals the week across assignments', () => {
    const logged = logMinutes(logMinutes(a('x', 30), 20, wed), 15, wed);
    expect(logged.logged).toEqual({ '2026-11-23': 35 });
    expect(loggedThisWeek([logged, a('y', 10, { '2026-11-23': 5, '2026-11-16': 50 })], wed)).toBe(40);
  });

  it('never goes below zero when a mistake is taken back', () => {
    expect(logMinutes(a('x', 30, { '2026-11-23': 10 }), -25, wed).logged['2026-11-23']).toBe(0);
  });
});

describe('correcting logged time', () => {
  it("shows one item's minutes this week and sets them to a corrected total", () => {
    const logged = logMinutes(logMinutes(a('x', 30), 30, wed), 15, wed);
    expect(itemThisWeek(logged, wed)).toBe(45);
    const fixed = setWeekMinutes(logged, 40, wed);
    expect(itemThisWeek(fixed, wed)).toBe(40);
    expect(setWeekMinutes(fixed, 0, wed).logged).toEqual({});
    expect(itemThisWeek(setWeekMinutes(fixed, -5, wed), wed)).toBe(0);
  });
});
