import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureActiveSession, SELF_COACHEE_ID } from '../../../utils/sessions';
import { activeSessionIdStore, coacheesStore, readChecked, sessionsStore } from '../../../utils/storage';

describe('ensureActiveSession', () => {
  it('creates the user as the first coachee and a first session on a new install', async () => {
    const id = await ensureActiveSession(1000);
    expect((await readChecked(coacheesStore)).value).toEqual([{ id: SELF_COACHEE_ID, name: '', createdAt: 1000 }]);
    expect((await readChecked(sessionsStore)).value).toEqual([{ id, coacheeId: SELF_COACHEE_ID, createdAt: 1000 }]);
    expect((await readChecked(activeSessionIdStore)).value).toBe(id);
  });

  it('creates one session, not two, when the popup and the panel start together', async () => {
    const [a, b] = await Promise.all([ensureActiveSession(1000), ensureActiveSession(1001)]);
    expect(a).toBe(b);
    expect((await readChecked(sessionsStore)).value).toHaveLength(1);
  });

  it('returns the existing active session unchanged', async () => {
    const first = await ensureActiveSession(1000);
    expect(await ensureActiveSession(5000)).toBe(first);
    expect((await readChecked(sessionsStore)).value).toHaveLength(1);
  });

  it('falls back to the newest session when the active id points nowhere', async () => {
    await fakeBrowser.storage.local.set({
      sessions: [
        { id: 'old', coacheeId: 'me', createdAt: 1 },
        { id: 'new', coacheeId: 'me', createdAt: 2 },
      ],
      activeSessionId: 'deleted',
    });
    expect(await ensureActiveSession()).toBe('new');
  });
});
