import { describe, expect, it } from 'vitest';
import { newestSessionOf, newItemId, newSessionId, previousSessionOf, withItem } from '../../../../utils/domain/session-list';

describe('previousSessionOf', () => {
  const sessions = [
    { id: 'a1', coacheeId: 'ada', createdAt: 1 },
    { id: 'm1', coacheeId: 'me', createdAt: 2 },
    { id: 'a2', coacheeId: 'ada', createdAt: 3 },
    { id: 'a3', coacheeId: 'ada', createdAt: 4 },
  ];
  it('finds the same coachee\u2019s session just before', () => {
    expect(previousSessionOf(sessions, 'a3')?.id).toBe('a2');
    expect(previousSessionOf(sessions, 'a2')?.id).toBe('a1');
  });
  it('finds none for a first session or an unknown id', () => {
    expect(previousSessionOf(sessions, 'a1')).toBeUndefined();
    expect(previousSessionOf(sessions, 'm1')).toBeUndefined();
    expect(previousSessionOf(sessions, 'zz')).toBeUndefined();
  });
});

describe('ids and lists', () => {
  it('makes session ids from the coachee and the time, and item ids that differ by chance', () => {
    expect(newSessionId('ada', 36)).toBe('ada-10');
    expect(newItemId('p', 36, 0.5)).toBe('p-10-i');
    expect(newItemId('p', 36, 0.25)).not.toBe(newItemId('p', 36, 0.5));
  });

  it('adds an item once, by id', () => {
    const list = [{ id: 'a' }];
    expect(withItem(list, { id: 'b' })).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(withItem(list, { id: 'a' })).toEqual([{ id: 'a' }]);
  });

  it('finds the newest session of a coachee', () => {
    const sessions = [
      { id: 'a1', coacheeId: 'ada', createdAt: 1 },
      { id: 'a2', coacheeId: 'ada', createdAt: 3 },
      { id: 'm1', coacheeId: 'me', createdAt: 4 },
    ];
    expect(newestSessionOf(sessions, 'ada')?.id).toBe('a2');
    expect(newestSessionOf(sessions, 'zz')).toBeUndefined();
  });
});
