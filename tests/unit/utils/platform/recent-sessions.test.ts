import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followRecentSessions, keepRecentSessions } from '../../../../utils/platform/recent-sessions';

const T0 = Date.UTC(2026, 10, 1, 10);
const session = (i: number) => ({ id: `s${i}`, coacheeId: i % 2 ? 'ada' : 'me', createdAt: T0 + i * 1000 });

beforeEach(async () => {
  await fakeBrowser.storage.local.set({ sessions: Array.from({ length: 30 }, (_, i) => session(i)), activeSessionId: 's29' });
});

describe('the record of the sessions near the active one', () => {
  it('is kept for the panel and the popup, outside the user data, when the list or the active session changes', async () => {
    await followRecentSessions(['activeSessionId']);
    const { recentSessions } = await fakeBrowser.storage.session.get('recentSessions');
    // Derived: kept outside the user's data.
    expect(await fakeBrowser.storage.local.get('recentSessions')).toEqual({});
    const recent = recentSessions as { activeId: string; sessions: { id: string }[] };
    expect(recent.activeId).toBe('s29');
    expect(recent.sessions.map((s) => s.id)).toContain('s27');
    expect(recent.sessions.length).toBeLessThan(10);
  });

  it('is made again when missing (storage.session is empty after a browser start or an update), and left alone when there', async () => {
    await keepRecentSessions();
    expect((await fakeBrowser.storage.session.get('recentSessions')).recentSessions).toMatchObject({ activeId: 's29' });
    await fakeBrowser.storage.session.set({ recentSessions: { activeId: 's3', sessions: [] } });
    await keepRecentSessions();
    expect((await fakeBrowser.storage.session.get('recentSessions')).recentSessions).toEqual({ activeId: 's3', sessions: [] });
    await followRecentSessions(['notes.s3']);
    expect((await fakeBrowser.storage.session.get('recentSessions')).recentSessions).toEqual({ activeId: 's3', sessions: [] });
  });
});
