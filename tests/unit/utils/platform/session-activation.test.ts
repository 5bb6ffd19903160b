import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SELF_COACHEE_ID } from '../../../../utils/domain/session-list';
import { addCoachee } from '../../../../utils/platform/coachee-repo';
import { updateStored } from '../../../../utils/platform/list-writes';
import { ensureActiveSession, switchToCoachee } from '../../../../utils/platform/session-activation';
import { startNewSession } from '../../../../utils/platform/session-start';
import { activeSessionIdStore, coacheesStore, partStore, readChecked, sessionsStore } from '../../../../utils/platform/storage';

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

  it('two panels opening at once on a new install create the first session once: one list write, one active id', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const ids = await Promise.all([ensureActiveSession(1000), ensureActiveSession(1001), ensureActiveSession(1002)]);
    expect(new Set(ids).size).toBe(1);
    expect((await readChecked(sessionsStore)).value).toEqual([{ id: ids[0], coacheeId: SELF_COACHEE_ID, createdAt: 1000 }]);
    const writesOf = (key: string) => set.mock.calls.filter(([items]) => key in (items as object)).length;
    expect(writesOf('sessions')).toBe(1);
    expect(writesOf('activeSessionId')).toBe(1);
  });

  it('a coachee added while a panel creates the first session ends with one session of theirs, active', async () => {
    const [, dana] = await Promise.all([ensureActiveSession(1000), addCoachee('Dana', 1000)]);
    const sessions = (await readChecked(sessionsStore)).value;
    expect(sessions.filter((s) => s.coacheeId === dana)).toHaveLength(1);
    const active = (await readChecked(activeSessionIdStore)).value;
    expect(sessions.find((s) => s.id === active)?.coacheeId).toBe(dana);
  });

  it('a panel that opens while another switches coachee does not switch back', async () => {
    const first = await ensureActiveSession(1000);
    const ada = await addCoachee('Ada', 2000);
    await switchToCoachee(SELF_COACHEE_ID, 3000);
    await fakeBrowser.storage.local.remove('activeSessionId');
    const [, adaSession] = await Promise.all([ensureActiveSession(4000), switchToCoachee(ada, 4000)]);
    expect(adaSession).not.toBe(first);
    expect((await readChecked(activeSessionIdStore)).value).toBe(adaSession);
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
    // Pages open at once on the stored id; the list is checked behind them and the id replaced.
    await ensureActiveSession();
    await expect.poll(async () => (await readChecked(activeSessionIdStore)).value).toBe('new');
    expect(await ensureActiveSession()).toBe('new');
  });
});

describe('coachees', () => {
  it('adds a coachee with their own first session and makes it active', async () => {
    await ensureActiveSession(1000);
    const id = await addCoachee('  Ada  ', 2000);
    const coachees = (await readChecked(coacheesStore)).value;
    expect(coachees.map((c) => c.name)).toEqual(['', 'Ada']);
    const active = (await readChecked(activeSessionIdStore)).value;
    const sessions = (await readChecked(sessionsStore)).value;
    expect(sessions.find((s) => s.id === active)?.coacheeId).toBe(id);
  });

  it('switching back returns to that coachee\u2019s newest session, creating none', async () => {
    const first = await ensureActiveSession(1000);
    await addCoachee('Ada', 2000);
    expect(await switchToCoachee(SELF_COACHEE_ID, 3000)).toBe(first);
    expect((await readChecked(sessionsStore)).value).toHaveLength(2);
  });
});

describe('startNewSession', () => {
  it('keeps the previous session intact and starts with an empty topic by default', async () => {
    const first = await ensureActiveSession(1000);
    await partStore('topic', first).item.setValue({ title: 'Speaking up', difficulty: 'x', outcome: '', updatedAt: 1 });
    const next = await startNewSession({ carryTopic: false }, 5000);
    expect(next).not.toBe(first);
    expect((await readChecked(activeSessionIdStore)).value).toBe(next);
    expect((await readChecked(partStore('topic', next))).value.title).toBe('');
    expect((await readChecked(partStore('topic', first))).value.title).toBe('Speaking up');
    expect((await readChecked(sessionsStore)).value.map((s) => s.id)).toEqual([first, next]);
  });

  it('carries the topic forward when the coachee asks', async () => {
    const first = await ensureActiveSession(1000);
    await partStore('topic', first).item.setValue({ title: 'Speaking up', difficulty: 'x', outcome: 'y', updatedAt: 1 });
    const next = await startNewSession({ carryTopic: true }, 5000);
    expect((await readChecked(partStore('topic', next))).value).toEqual({
      title: 'Speaking up',
      difficulty: 'x',
      outcome: 'y',
      updatedAt: 5000,
    });
  });

  it('stays with the same coachee', async () => {
    await ensureActiveSession(1000);
    const ada = await addCoachee('Ada', 2000);
    const next = await startNewSession({ carryTopic: false }, 5000);
    expect((await readChecked(sessionsStore)).value.find((s) => s.id === next)?.coacheeId).toBe(ada);
  });
});

describe('default template', () => {
  it('gives a new session the agenda of the template chosen in the settings', async () => {
    await ensureActiveSession(1000);
    const phases = [{ id: 'a', title: 'All of it', minutes: 30, prompt: '' }];
    await fakeBrowser.storage.local.set({
      templates: [{ id: 'half', name: 'Half hour', phases }],
      settings: { alerts: { sound: true, notification: true, badge: true }, theme: 'system', defaultTemplateId: 'half' },
    });
    const next = await startNewSession({ carryTopic: false }, 5000);
    expect((await readChecked(partStore('agenda', next))).value).toEqual(phases);
  });
});

describe('lists written by two pages at once', () => {
  it('keeps both coachees when two are added in the same moment', async () => {
    await ensureActiveSession(1000);
    await Promise.all([addCoachee('Ada', 2000), addCoachee('Grace', 2000)]);
    const names = (await readChecked(coacheesStore)).value.map((c) => c.name);
    expect(names.sort()).toEqual(['', 'Ada', 'Grace']);
  });

  it('applies twenty concurrent appends to the sessions list, dropping none', async () => {
    const added = Array.from({ length: 20 }, (_, i) => ({ id: `s-${i}`, coacheeId: 'me', createdAt: 10 + i }));
    await Promise.all(added.map((session) => updateStored(sessionsStore, (list) => [...list, session])));
    expect((await readChecked(sessionsStore)).value.map((s) => s.id).sort()).toEqual(added.map((s) => s.id).sort());
  });
});
