import { describe, expect, it } from 'vitest';
import { rankMatches, sessionText } from '../../../../../utils/domain/history/full-text';
import { newTextIndex, putText, scoresFor } from '../../../../../utils/domain/history/text-index';
import { EMPTY_WRAP_UP } from '../../../../../utils/domain/model';

describe('the full-text index', () => {
  it('reads every part a person writes: topic, notes, plan, homework, review, feedback', () => {
    const text = sessionText({
      topic: { title: 'Speaking up', difficulty: 'Meetings run over', outcome: 'One step', updatedAt: 0 },
      notes: 'Talked about the manager',
      plan: [{ id: 'p', text: 'Ask early', done: false }],
      homework: [{ id: 'h', kind: 'reading', title: 'Quiet, a chapter', minutesPerWeek: 30, logged: {} }],
      review: {
        fromSessionId: 'x',
        items: [{ stepId: 'p', text: 'Ask', status: 'not', heldBack: 'fear', dreading: 'silence' }],
        rootCause: 'habit',
      },
      wrapUp: { ...EMPTY_WRAP_UP, feedback: 'Good hour' },
    });
    for (const word of ['Speaking', 'Meetings', 'One step', 'manager', 'Ask early', 'Quiet', 'fear', 'silence', 'habit', 'Good hour']) {
      expect(text).toContain(word);
    }
  });

  it('keeps the sessions that have every word (in the text or at once in a title or name), best first, then newest', () => {
    const index = newTextIndex();
    putText(index, { id: 'old', text: 'promotion promotion promotion manager' });
    putText(index, { id: 'mid', text: 'promotion manager' });
    putText(index, { id: 'new', text: 'promotion' });
    const order = ['new', 'mid', 'old'];
    const quick = (w: string) => (w === 'dana' ? ['new'] : []);
    expect(rankMatches(['promotion'], (w) => scoresFor(index, w), quick, order)[0]).toBe('old');
    expect(rankMatches(['promotion', 'manager'], (w) => scoresFor(index, w), quick, order).sort()).toEqual(['mid', 'old']);
    expect(rankMatches(['promotion', 'dana'], (w) => scoresFor(index, w), quick, order)).toEqual(['new']);
    expect(rankMatches([], (w) => scoresFor(index, w), quick, order)).toEqual(order);
    expect(rankMatches(['zzz'], (w) => scoresFor(index, w), quick, order)).toEqual([]);
  });
});
