import { describe, expect, it } from 'vitest';
import { RECENT_PER_COACHEE, recentSessions } from '../../../../utils/domain/recent-sessions';

const s = (id: string, coacheeId: string, createdAt: number) => ({ id, coacheeId, createdAt });

describe('the sessions near the active one', () => {
  const list = [
    ...Array.from({ length: 20 }, (_, i) => s(`ada-${i}`, 'ada', i * 10)),
    ...Array.from({ length: 20 }, (_, i) => s(`bo-${i}`, 'bo', i * 10 + 5)),
  ];

  it('holds the active session, the ones before and after it and its coachee newest, and no one else', () => {
    const recent = recentSessions(list, 'ada-3');
    expect(recent.activeId).toBe('ada-3');
    const ids = recent.sessions.map((x) => x.id);
    expect(ids).toContain('ada-3');
    expect(ids).toContain('ada-2');
    expect(ids).toContain('ada-4');
    expect(ids).toContain('ada-19');
    expect(ids.every((id) => id.startsWith('ada-'))).toBe(true);
    expect(ids.length).toBeLessThanOrEqual(RECENT_PER_COACHEE + 3);
    expect(recent.sessions.map((x) => x.createdAt)).toEqual([...recent.sessions.map((x) => x.createdAt)].sort((a, b) => a - b));
  });

  it('names no active session when the id is not in the list', () => {
    expect(recentSessions(list, 'gone')).toEqual({ activeId: null, sessions: [] });
    expect(recentSessions(list, null)).toEqual({ activeId: null, sessions: [] });
  });
});
