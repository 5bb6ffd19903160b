import { describe, expect, it } from 'vitest';
import { onlyNoTime, reviewFromPlan } from '../../../../utils/domain/review';

describe('reviewFromPlan (carrying a plan into the next session)', () => {
  const plan = [
    { id: 'p1', text: 'Speak first in two meetings a week', done: true },
    { id: 'p2', text: 'Tell the lead about the pattern', done: false },
  ];

  it('makes one review item per step, done steps marked done', () => {
    expect(reviewFromPlan('s1', plan, null)).toEqual({
      fromSessionId: 's1',
      items: [
        { stepId: 'p1', text: 'Speak first in two meetings a week', status: 'done', heldBack: '', dreading: '' },
        { stepId: 'p2', text: 'Tell the lead about the pattern', status: 'not', heldBack: '', dreading: '' },
      ],
      rootCause: '',
    });
  });

  it('keeps answers already given when rebuilt, and follows edits of the step text', () => {
    const first = reviewFromPlan('s1', plan, null);
    const answered = {
      ...first,
      items: first.items.map((i) => (i.stepId === 'p2' ? { ...i, status: 'partly' as const, heldBack: 'Afraid of the reaction' } : i)),
      rootCause: 'Fear',
    };
    const rebuilt = reviewFromPlan('s1', [plan[0], { ...plan[1], text: 'Tell the lead' }] as typeof plan, answered);
    expect(rebuilt.items[1]).toEqual({
      stepId: 'p2',
      text: 'Tell the lead',
      status: 'partly',
      heldBack: 'Afraid of the reaction',
      dreading: '',
    });
    expect(rebuilt.rootCause).toBe('Fear');
  });

  it('starts fresh for a plan from another session', () => {
    const other = {
      fromSessionId: 's0',
      items: [{ stepId: 'p2', text: 'x', status: 'partly' as const, heldBack: 'y', dreading: '' }],
      rootCause: 'z',
    };
    expect(reviewFromPlan('s1', plan, other).items[1]?.heldBack).toBe('');
  });
});

/** Answers that say only "no time": the follow-up should appear. */
const NO_TIME = [
  'no time',
  'No time.',
  'too busy',
  "didn't have time",
  'I didn’t have time',
  'I did not have time!',
  'I had no time',
  "didn't have enough time",
  'not enough time',
  'I was too busy',
  'just busy',
  'ran out of time',
  "couldn't find the time",
  'work got busy',
  'keine Zeit',
  'Ich hatte keine Zeit',
  'zu wenig Zeit',
  'war zu beschäftigt',
  'Mir fehlte die Zeit',
  'Zeitmangel',
];
/** Answers with a reason in them: no follow-up. */
const REASONS = [
  'I was afraid my manager would think I was complaining',
  "No time, because I didn't know where to start",
  'I kept putting it off, it felt too big',
  'The team lead cancelled our one-on-one',
  'too busy, but honestly I was avoiding it',
  'I forgot',
  'I did it twice and it went well',
  'Time zones made the meetings impossible',
  'Ich hatte Angst vor der Reaktion',
  'keine Zeit, weil ich unsicher war',
  '',
  'I had the time but not the courage',
];

describe('onlyNoTime', () => {
  it('is right for every answer in the table (accuracy reported)', () => {
    const missed = NO_TIME.filter((a) => !onlyNoTime(a));
    const wrong = REASONS.filter((a) => onlyNoTime(a));
    console.info(
      `"no time" detection: ${NO_TIME.length - missed.length}/${NO_TIME.length} no-time answers caught, ${REASONS.length - wrong.length}/${REASONS.length} reasons left alone`,
      { missed, wrong },
    );
    expect(missed).toEqual([]);
    expect(wrong).toEqual([]);
  });
});
