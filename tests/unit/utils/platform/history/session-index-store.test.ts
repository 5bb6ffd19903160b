import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INDEX_VERSION, packIndex, unpackIndex } from '../../../../../utils/domain/history/session-index';
import { ensureIndex, rebuildIndex } from '../../../../../utils/platform/history/session-index-store';

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

  it('is written on a new install that has no session yet (an empty index, stored)', async () => {
    expect(await fakeBrowser.storage.local.get('sessionIndex')).toEqual({});
    expect((await ensureIndex()).entries).toEqual({});
    expect(unpackIndex((await fakeBrowser.storage.local.get('sessionIndex')).sessionIndex)?.entries).toEqual({});
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await ensureIndex();
    expect(set).not.toHaveBeenCalled();
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
});
