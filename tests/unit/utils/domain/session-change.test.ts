import { describe, expect, it } from 'vitest';
import type { SessionMeta } from '../../../../utils/domain/model';
import {
  changedLists,
  chooseActive,
  newSession,
  nextMonth,
  removeSessions,
  type SessionState,
  switchTo,
} from '../../../../utils/domain/session-change';

const meta = (id: string, coacheeId: string, createdAt: number, peer?: string): SessionMeta => ({
  id,
  coacheeId,
  createdAt,
  ...(peer ? { peer } : {}),
});
const agenda = [{ id: 'a', title: 'All of it', minutes: 30, prompt: '' }];
const empty: SessionState = { active: null, sessions: [], coachees: [] };

describe('the pure changes of sessions', () => {
  it('a new install: the user as first coachee, a first session with a deterministic id, then active', () => {
    const change = chooseActive(empty, 1000, { agenda });
    expect(change).toEqual({
      add: [meta('me-1', 'me', 1000)],
      parts: [{ name: 'agenda', sessionId: 'me-1', value: agenda }],
      activate: 'me-1',
      coachee: { id: 'me', name: '', createdAt: 1000 },
    });
    const lists = changedLists(empty, change);
    expect(lists.sessions).toEqual([meta('me-1', 'me', 1000)]);
    expect(lists.coachees).toHaveLength(1);
  });

  it('an active session that exists stays; a dangling one gives way to the newest', () => {
    const sessions = [meta('a', 'me', 1), meta('b', 'me', 2)];
    expect(chooseActive({ active: 'a', sessions, coachees: [] }, 5, {})).toEqual({});
    expect(chooseActive({ active: 'gone', sessions, coachees: [] }, 5, {})).toEqual({ activate: 'b' });
  });

  it('a switch opens the coachee’s newest session, or makes their first', () => {
    const state: SessionState = { active: 'a', sessions: [meta('a', 'me', 1), meta('ada-1', 'ada', 2)], coachees: [] };
    expect(switchTo(state, 'ada', 9, {})).toEqual({ activate: 'ada-1' });
    expect(switchTo(state, 'bo', 9, {})).toMatchObject({
      add: [{ coacheeId: 'bo', createdAt: 9 }],
      activate: expect.stringMatching(/^bo-/),
    });
  });

  it('the next month reuses a later session no card filled, else makes one after the month it follows', () => {
    const state: SessionState = { active: 'm1', sessions: [meta('m1', 'ada', 100)], coachees: [] };
    const first = nextMonth(state, 'm1', 50, { topic: { title: 'T', difficulty: '', outcome: '', updatedAt: 50 } });
    expect(first.add?.[0]).toMatchObject({ coacheeId: 'ada', createdAt: 101 });
    expect(first.parts).toEqual([{ name: 'topic', sessionId: first.activate, value: expect.objectContaining({ title: 'T' }) }]);
    const later: SessionState = { ...state, sessions: [...state.sessions, meta('m2', 'ada', 200)] };
    expect(nextMonth(later, 'm1', 300, {})).toEqual({ activate: 'm2' });
    const filledByCard: SessionState = { ...state, sessions: [...state.sessions, meta('m2', 'ada', 200, 'peer')] };
    expect(nextMonth(filledByCard, 'm1', 300, {}).add).toHaveLength(1);
    expect(nextMonth(state, 'unknown', 300, {})).toEqual({});
  });

  it('deleting the active session activates the newest left, or none', () => {
    const state: SessionState = { active: 'b', sessions: [meta('a', 'me', 1), meta('b', 'me', 2)], coachees: [] };
    expect(removeSessions(state, ['b'])).toEqual({ remove: ['b'], activate: 'a' });
    expect(removeSessions(state, ['a', 'b'])).toEqual({ remove: ['a', 'b'], activate: null });
    expect(removeSessions(state, ['a'])).toEqual({ remove: ['a'] });
    expect(changedLists(state, { remove: ['a'] }).sessions).toEqual([meta('b', 'me', 2)]);
  });

  it('the lists: a listed session is never added twice, a peer is noted, a coachee put in place; nothing changed keeps the same arrays', () => {
    const state: SessionState = { active: null, sessions: [meta('a', 'me', 1)], coachees: [{ id: 'me', name: '', createdAt: 0 }] };
    expect(changedLists(state, newSession(meta('a', 'me', 5))).sessions).toBe(state.sessions);
    expect(changedLists(state, { peers: { a: 'theirs' } }).sessions).toEqual([meta('a', 'me', 1, 'theirs')]);
    expect(changedLists(state, { coachee: { id: 'me', name: 'Me', createdAt: 0 } }).coachees).toEqual([
      { id: 'me', name: 'Me', createdAt: 0 },
    ]);
    const same = changedLists(state, { parts: [], activate: 'a' });
    expect(same.sessions).toBe(state.sessions);
    expect(same.coachees).toBe(state.coachees);
  });
});
