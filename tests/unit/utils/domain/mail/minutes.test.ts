/**
 * Minutes as coachees write them in a mail, week by week, in English and
 * German: each shape to the weeks it names (counted from the plan's first
 * week), what cannot be placed handed back, never dropped.
 */
import { describe, expect, it } from 'vitest';
import { minutesOf, weekMinutesOf } from '../../../../../utils/domain/mail/minutes';

/** The weeks read, compactly: "1:25 2:30", "-:20" for a figure with no week named. */
const weeks = (text: string) =>
  weekMinutesOf(text)
    .weeks.map((w) => `${w.week ?? '-'}:${w.minutes}`)
    .join(' ');

describe('minutes by the week', () => {
  it.each([
    ['25 min the first week, 30 the second', '1:25 2:30'],
    ['25 min the first week, 30 min the second week', '1:25 2:30'],
    ['week 1: 25 / week 2: 30', '1:25 2:30'],
    ['Week 1: 25\nWeek 2: 30\nWeek 3: 15', '1:25 2:30 3:15'],
    ['1st week 25 min', '1:25'],
    ['1st week 25 min, 2nd week 40 min', '1:25 2:40'],
    ['first week 20, second week half an hour… no: 30', '1:20 2:30'],
    ['week one 10 and week two 15', '1:10 2:15'],
    ['w1 20, w2 25', '1:20 2:25'],
    ['week 1 25 week 2 30', '1:25 2:30'],
    ['week 2: 1,5 h', '2:90'],
    ['week 1: none, week 2: 20 min', '1:0 2:20'],
    ['erste Woche 25 Min., zweite Woche 30', '1:25 2:30'],
    ['Woche 1: 25', '1:25'],
    ['Woche 1: 25 Minuten\nWoche 2: 35 Minuten', '1:25 2:35'],
    ['in der ersten Woche 20 Minuten, in der zweiten 30', '1:20 2:30'],
    ['1. Woche 15 Min, 2. Woche 20 Min', '1:15 2:20'],
    ['Woche zwei: 1 Std', '2:60'],
    ['KW egal, Woche 3 – 45 Min.', '3:45'],
    ['20 min', '-:20'],
    ['1,5 Std', '-:90'],
    ['keine', '-:0'],
  ])('%j → %s', (text, expected) => {
    expect(weeks(text)).toBe(expected);
  });

  it('hands back what it cannot place, never dropping it', () => {
    expect(weekMinutesOf('20 min, then 30 min')).toEqual({ weeks: [], unplaced: ['20 min', 'then 30 min'] });
    expect(weekMinutesOf('week 1: 20, it was hard to start')).toEqual({
      weeks: [{ week: 1, minutes: 20 }],
      unplaced: ['it was hard to start'],
    });
    expect(weekMinutesOf('week 14: 20').unplaced).toEqual(['week 14: 20']);
    expect(weekMinutesOf('Woche 2: weiß nicht mehr')).toEqual({ weeks: [], unplaced: ['Woche 2: weiß nicht mehr'] });
  });

  it('takes an ordinal for a week only where the answer speaks of weeks', () => {
    expect(weeks('first I did 20 min')).toBe('-:20');
    expect(weeks('I did 20.')).toBe('-:20');
  });

  it('reads one figure as before', () => {
    expect(minutesOf('about 45 minutes')).toBe(45);
    expect(minutesOf('nothing')).toBe(0);
    expect(minutesOf('no idea')).toBeNull();
  });
});
