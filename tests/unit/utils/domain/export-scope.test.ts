import { describe, expect, it } from 'vitest';
import { chosenScope, entriesIn, scopeFromHash, scopeToHash } from '../../../../utils/domain/export-scope';
import type { IndexEntry } from '../../../../utils/domain/history/session-index';

const entry = (id: string, coacheeId: string, createdAt: number, startedAt: number | null = null) =>
  ({ id, coacheeId, createdAt, startedAt }) as IndexEntry;

describe('the export scope', () => {
  it('stands in the first coachee or the newest session until one is chosen, and keeps a choice', () => {
    const fallback = { coacheeId: 'c1', sessionId: 's9' };
    expect(chosenScope('all', { coacheeId: 'c2', sessionId: 's1' }, fallback)).toEqual({ kind: 'all' });
    expect(chosenScope('coachee', { coacheeId: '', sessionId: '' }, fallback)).toEqual({ kind: 'coachee', coacheeId: 'c1' });
    expect(chosenScope('coachee', { coacheeId: 'c2', sessionId: '' }, fallback)).toEqual({ kind: 'coachee', coacheeId: 'c2' });
    expect(chosenScope('session', { coacheeId: '', sessionId: '' }, fallback)).toEqual({ kind: 'session', sessionId: 's9' });
    expect(chosenScope('session', { coacheeId: '', sessionId: '' }, {})).toEqual({ kind: 'session', sessionId: '' });
  });

  it("covers a coachee's sessions or one session, in the order of their time", () => {
    const entries = [entry('b', 'c1', 5), entry('a', 'c1', 9, 1), entry('x', 'c2', 3)];
    expect(entriesIn(entries, { kind: 'all' }).map((e) => e.id)).toEqual(['a', 'x', 'b']);
    expect(entriesIn(entries, { kind: 'coachee', coacheeId: 'c1' }).map((e) => e.id)).toEqual(['a', 'b']);
    expect(entriesIn(entries, { kind: 'session', sessionId: 'x' }).map((e) => e.id)).toEqual(['x']);
  });

  it('travels as a URL hash and back, any text in an id included', () => {
    for (const scope of [{ kind: 'all' }, { kind: 'coachee', coacheeId: 'c=1&#' }, { kind: 'session', sessionId: 's 2' }] as const) {
      expect(scopeFromHash(`#${scopeToHash(scope)}`)).toEqual(scope);
    }
    expect(scopeFromHash('#nonsense')).toEqual({ kind: 'all' });
  });
});
