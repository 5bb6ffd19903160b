import { describe, expect, it } from 'vitest';
import {
  dropText,
  loadTextIndex,
  newTextIndex,
  putText,
  rankMatches,
  scoresFor,
  sessionText,
} from '../../../../../utils/domain/history/full-text';
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

  it('finds a word by its start, without accents or case, in the one session that has it', () => {
    const index = newTextIndex();
    putText(index, { id: 'a', text: 'Résumé review and the Gehaltsgespräch' });
    putText(index, { id: 'b', text: 'Nothing of the sort' });
    expect([...scoresFor(index, 'resu').keys()]).toEqual(['a']);
    expect([...scoresFor(index, 'GEHALTS').keys()]).toEqual(['a']);
    expect([...scoresFor(index, 'gesprach').keys()]).toEqual([]);
    expect(scoresFor(index, 'zzz').size).toBe(0);
  });

  it('replaces a session that changed and drops one that is gone', () => {
    const index = newTextIndex();
    putText(index, { id: 'a', text: 'old words' });
    putText(index, { id: 'a', text: 'new words' });
    expect(scoresFor(index, 'old').size).toBe(0);
    expect([...scoresFor(index, 'new').keys()]).toEqual(['a']);
    dropText(index, 'a');
    dropText(index, 'never there');
    expect(scoresFor(index, 'new').size).toBe(0);
  });

  it('comes back from its saved form as it was, and a damaged one is refused', () => {
    const index = newTextIndex();
    putText(index, { id: 'a', text: 'delegation' });
    const back = loadTextIndex(JSON.stringify(index));
    expect(back && [...scoresFor(back, 'deleg').keys()]).toEqual(['a']);
    expect(loadTextIndex('{"not": "an index"}')).toBeNull();
    expect(loadTextIndex('not json')).toBeNull();
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
