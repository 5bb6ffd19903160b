/**
 * Marks and minutes a coachee writes in free words above the quote, with no
 * numbers or markers (a phone reply in a hurry): read in the steps' order, the
 * minutes in the plan's weeks when the plan has one homework item, and what
 * they place nowhere kept.
 */
import { describe, expect, it } from 'vitest';
import { planMail, stepLineText } from '../../../../../utils/domain/mail/compose';
import { answersAnything, answersOf } from '../../../../../utils/domain/mail/intake';
import { freeMarksOf } from '../../../../../utils/domain/mail/marks';
import { freeMinutesOf } from '../../../../../utils/domain/mail/minutes';
import { type MailReading, readMailReply, withAskedSteps } from '../../../../../utils/domain/mail/reader';

const STEPS = [{ text: 'Talk to Sam about the release date' }, { text: 'Block two mornings a week for deep work' }];
const mail = (language: 'en' | 'de', homework: { kind: 'exercise'; title: string; minutesPerWeek: number }[]) =>
  planMail({
    language,
    coacheeName: 'Jonas Becker',
    coachName: 'Maria Coach',
    sessionId: 's-1',
    date: '2 November 2026',
    weekOne: 'Monday, 2 November',
    plan: { steps: STEPS, homework },
    next: null,
    feedback: '',
  }).body;
const ONE = [{ kind: 'exercise' as const, title: 'Journaling', minutesPerWeek: 30 }];
const TWO = [...ONE, { kind: 'exercise' as const, title: 'Walks', minutesPerWeek: 60 }];
const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
const GMAIL = 'On Mon, 30 Nov 2026, 10:12 Maria Coach, <maria@coach.example> wrote:';
const ASKED = { steps: STEPS.map((s) => stepLineText(s.text)) };

function read(text: string): MailReading {
  const r = readMailReply(text, ASKED);
  if (!r.ok) throw new Error(r.problem.kind);
  return r.reading;
}
const marks = (r: MailReading) => r.steps.map((s) => `${s.mark ?? '?'}${s.note ? `: ${s.note}` : ''}`);
const weeks = (r: MailReading) => r.minutes.map((m) => m.weeks.map((w) => `w${w.week ?? '-'} ${w.minutes}`).join(', '));

describe('step marks in free words', () => {
  it.each([
    ['Done the first one. Second not yet, Sam was away', ['done', 'not: Sam was away']],
    ['both done', ['done', 'done']],
    ['All done!', ['done', 'done']],
    ['The first one is done, the second only partly', ['done', 'partly']],
    ['step 1 done, step 2 half', ['done', 'partly']],
    ['first: done. the other: not yet', ['done', 'not']],
    ['das erste erledigt, das zweite noch nicht', ['done', 'not']],
    ['Beide erledigt.', ['done', 'done']],
    ['Der erste Schritt ist erledigt. Den zweiten habe ich angefangen', ['done', 'partly']],
  ])('%s', (text, want) => {
    const got = freeMarksOf(text, 2);
    expect(got.marks.map((m) => `${m.mark}${m.note ? `: ${m.note}` : ''}`)).toEqual(want);
    expect(got.rest).toBe('');
  });

  it('minutes lines and words that name no step are left as they are', () => {
    expect(freeMarksOf('25 min the first week, 30 the second', 2)).toEqual({ marks: [], rest: '25 min the first week, 30 the second' });
    expect(freeMarksOf('Thanks for the session!', 2)).toEqual({ marks: [], rest: 'Thanks for the session!' });
    // A step the plan does not have is no mark.
    expect(freeMarksOf('the third one done', 2).marks).toEqual([]);
  });
});

describe('minutes in free words', () => {
  it.each([
    ['25 min the first week, 30 the second', 'w1 25, w2 30'],
    ['erste Woche 25 Min., zweite Woche 30', 'w1 25, w2 30'],
    ['20 min', 'w- 20'],
  ])('%s', (text, want) => {
    const got = freeMinutesOf(text);
    expect(got.weeks.map((w) => `w${w.week ?? '-'} ${w.minutes}`).join(', ')).toBe(want);
    expect(got.rest).toBe('');
  });

  it('a line that is not about time is handed back', () => {
    expect(freeMinutesOf('Sam was away 2 days\n30 min')).toEqual({ weeks: [{ week: null, minutes: 30 }], rest: 'Sam was away 2 days' });
  });
});

describe('a phone reply above the quoted plan mail, no markers', () => {
  const phone = 'Done the first one. Second not yet, Sam was away\n25 min the first week, 30 the second';

  it('reads the marks in step order and the minutes into the one homework item', () => {
    const r = read(`${phone}\n\n${GMAIL}\n\n${quote(mail('en', ONE))}`);
    expect(marks(r)).toEqual(['done', 'not: Sam was away']);
    expect(weeks(r)).toEqual(['w1 25, w2 30']);
    expect(r.unplaced).toEqual([]);
    expect(answersAnything(answersOf(r, 'plan'))).toBe(true);
  });

  it('German: "das erste erledigt, das zweite noch nicht" and "erste Woche 25 Min., zweite Woche 30"', () => {
    const r = read(
      `Das erste erledigt, das zweite noch nicht.\nerste Woche 25 Min., zweite Woche 30\n\nLG Jonas\n\n${quote(mail('de', ONE))}`,
    );
    expect(marks(r)).toEqual(['done', 'not']);
    expect(weeks(r)).toEqual(['w1 25, w2 30']);
    expect(r.unplaced).toEqual(['LG Jonas']);
  });

  it('with two homework items the minutes are not placed: the words stay shown', () => {
    const r = read(`${phone}\n\n${GMAIL}\n\n${quote(mail('en', TWO))}`);
    expect(marks(r)).toEqual(['done', 'not: Sam was away']);
    expect(weeks(r)).toEqual(['', '']);
    expect(r.unplaced).toEqual(['25 min the first week, 30 the second']);
  });

  it('marks written under the steps win over free words', () => {
    const body = quote(mail('en', ONE)).replace(/(> \[1\.1\][^\n]*\n)/, '$1\npartly\n\n');
    const r = read(`both done\n\n${GMAIL}\n\n${body}`);
    expect(marks(r)[0]).toBe('partly');
    expect(r.unplaced).toContain('both done');
  });
});

describe('free marks when the asked steps are known only later (the preview places the steps again)', () => {
  it('keeps the marks', () => {
    const r = readMailReply(`Done the first one. Second not yet, Sam was away\n\n${GMAIL}\n\n${quote(mail('en', ONE))}`);
    if (!r.ok) throw new Error(r.problem.kind);
    expect(marks(withAskedSteps(r.reading, ASKED))).toEqual(['done', 'not: Sam was away']);
  });
});
