import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INDEX_VERSION, packIndex, unpackIndex } from '../../../../utils/domain/session-index';
import { deleteSessions } from '../../../../utils/platform/data-store';
import {
  affectsIndex,
  ensureIndex,
  readIndex,
  rebuildIndex,
  type SearchMatch,
  searchSessions,
  updateIndex,
} from '../../../../utils/platform/session-index';

const T0 = Date.UTC(2026, 10, 1, 10);
const session = (i: number) => ({ id: `s${i}`, coacheeId: i % 2 ? 'ada' : 'me', createdAt: T0 + i * 1000 });

async function seed(count: number) {
  const data: Record<string, unknown> = { sessions: Array.from({ length: count }, (_, i) => session(i)) };
  for (let i = 0; i < count; i++) {
    data[`topic.s${i}`] = { title: `Topic ${i}`, difficulty: '', outcome: '', updatedAt: 1 };
    data[`notes.s${i}`] = `Notes of session ${i}`;
    data[`plan.s${i}`] = [{ id: 'p', text: 'Step', done: i % 3 === 0 }];
  }
  data['timer.s1'] = [{ type: 'start', at: T0 }];
  await fakeBrowser.storage.local.set(data);
}

describe('the session index', () => {
  it('is built a batch at a time from every session, without the notes', async () => {
    await seed(900);
    const index = await rebuildIndex(T0 + 60_000);
    expect(index.version).toBe(INDEX_VERSION);
    expect(Object.keys(index.entries)).toHaveLength(900);
    expect(index.entries.s3).toMatchObject({ title: 'Topic 3', coacheeId: 'ada', plan: { total: 1, done: 1 }, startedAt: null });
    expect(index.entries.s1?.startedAt).toBe(T0);
    expect(JSON.stringify(index)).not.toContain('Notes of session');
  });

  it('is rebuilt on open only when missing, of another version, or listing other sessions', async () => {
    await seed(3);
    const first = await ensureIndex();
    await fakeBrowser.storage.local.set({ 'topic.s0': { title: 'Changed behind its back', difficulty: '', outcome: '', updatedAt: 2 } });
    expect((await ensureIndex()).entries.s0?.title).toBe(first.entries.s0?.title);
    await fakeBrowser.storage.local.set({ sessionIndex: packIndex({ ...first, version: INDEX_VERSION + 1 }) });
    expect((await ensureIndex()).entries.s0?.title).toBe('Changed behind its back');
  });

  it('updates only the sessions a change touches, adds new ones and drops deleted ones', async () => {
    await seed(5);
    await rebuildIndex();
    await fakeBrowser.storage.local.set({ 'topic.s2': { title: 'New title', difficulty: '', outcome: '', updatedAt: 3 } });
    await updateIndex(['topic.s2']);
    expect((await readIndex()).entries.s2?.title).toBe('New title');
    await deleteSessions(['s4']);
    await fakeBrowser.storage.local.set({
      sessions: [...Array.from({ length: 4 }, (_, i) => session(i)), session(9)],
      'topic.s9': { title: 'Nine', difficulty: '', outcome: '', updatedAt: 1 },
    });
    await updateIndex(['sessions']);
    const entries = (await readIndex()).entries;
    expect(Object.keys(entries).sort()).toEqual(['s0', 's1', 's2', 's3', 's9']);
    expect(entries.s9?.title).toBe('Nine');
  });

  it('is not touched by typing notes', () => {
    expect(affectsIndex('notes.s1')).toBe(false);
    expect(affectsIndex('topic.s1')).toBe(true);
    expect(affectsIndex('wrapup.s1')).toBe(true);
    expect(affectsIndex('sessions')).toBe(true);
    expect(affectsIndex('settings')).toBe(false);
  });

  it('keeps a part of the wrong shape aside in the quarantine, never dropping it', async () => {
    await seed(2);
    await fakeBrowser.storage.local.set({ 'plan.s1': 'not a list' });
    await rebuildIndex();
    const { quarantine } = await fakeBrowser.storage.local.get('quarantine');
    expect((quarantine as { key: string }[]).map((q) => q.key)).toContain('local:plan.s1');
    expect((await fakeBrowser.storage.local.get('plan.s1'))['plan.s1']).toBe('not a list');
  });
});

describe('the stored (packed) index', () => {
  it('comes back as it went, a third of the size of the objects', async () => {
    await seed(200);
    const index = await rebuildIndex(T0 + 60_000);
    const packed = packIndex(index);
    expect(unpackIndex(JSON.parse(JSON.stringify(packed)))).toEqual(index);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(index).length / 2);
  });

  it('does not fit when damaged, and is then rebuilt from the sessions', async () => {
    await seed(3);
    const index = await rebuildIndex();
    const packed = packIndex(index);
    expect(unpackIndex({ ...packed, rows: [['s0', 'me']] })).toBeNull();
    expect(unpackIndex('garbage')).toBeNull();
    await fakeBrowser.storage.local.set({ sessionIndex: { ...packed, rows: [[1, 2, 3]] } });
    expect(Object.keys((await ensureIndex()).entries).sort()).toEqual(['s0', 's1', 's2']);
  });

  it('searches the notes in batches and gives each match its words in context', async () => {
    await seed(400);
    await fakeBrowser.storage.local.set({ 'notes.s321': 'Long notes.\nThe coachee spoke up in the standup twice this week.' });
    const ids = Array.from({ length: 400 }, (_, i) => `s${i}`);
    const found: SearchMatch[] = [];
    const progress: number[] = [];
    await searchSessions(
      ids,
      ['standup'],
      () => '',
      (m, done) => {
        found.push(...m);
        progress.push(done);
      },
      () => false,
      150,
    );
    expect(progress).toEqual([150, 300, 400]);
    expect(found.map((m) => m.id)).toEqual(['s321']);
    expect(found[0]?.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['standup']);
    expect(found[0]?.snippet.map((p) => p.text).join('')).toContain('spoke up in the standup twice');
  });

  it('stops when cancelled', async () => {
    await seed(400);
    const progress: number[] = [];
    await searchSessions(
      Array.from({ length: 400 }, (_, i) => `s${i}`),
      ['notes'],
      () => '',
      (_m, done) => progress.push(done),
      () => progress.length > 0,
      150,
    );
    expect(progress).toEqual([150]);
  });
});
