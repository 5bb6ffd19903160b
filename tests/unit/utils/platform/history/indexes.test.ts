import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHistoryKeeper } from '../../../../../utils/platform/history/keeper';
import { idbGet, idbReset, idbSet } from '../../../../../utils/platform/idb';

const T0 = Date.UTC(2026, 10, 1, 10);
const WORDS = ['delegation', 'meetings', 'promotion', 'balance', 'xylophone'];

async function seed(count: number) {
  const data: Record<string, unknown> = {
    sessions: Array.from({ length: count }, (_, i) => ({ id: `s${i}`, coacheeId: 'me', createdAt: T0 + i * 1000 })),
    coachees: [{ id: 'me', name: '', createdAt: T0 }],
    activeSessionId: `s${count - 1}`,
  };
  for (let i = 0; i < count; i++) {
    data[`topic.s${i}`] = { title: `Topic ${i}`, difficulty: '', outcome: '', updatedAt: 1 };
    data[`notes.s${i}`] = `Talked about ${WORDS[i % WORDS.length]} today`;
  }
  await fakeBrowser.storage.local.set(data);
}

let keeper = createHistoryKeeper();
const ask = (query: string) => keeper.queryHistory({ query, coacheeId: null, offset: 0, limit: 50 });

beforeEach(() => {
  keeper.reset();
  keeper = createHistoryKeeper();
  idbReset();
  globalThis.indexedDB = new IDBFactory();
});

describe('the full-text index in IndexedDB', () => {
  it('after the worker restarts, a search reads the head and the one shard its word needs, nothing more', async () => {
    await seed(40);
    await keeper.ensureIndexes();
    keeper.reset();
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const page = await ask('xylo');
    expect(page.rows).toHaveLength(8);
    const read = get.mock.calls.map(([key]) => String(key));
    expect(read.filter((k) => k.startsWith('fullText.'))).toEqual(['fullText.x']);
    // A second word of the same shard reads nothing again; another shard is read once.
    get.mockClear();
    await ask('xylophone');
    await ask('deleg');
    expect(get.mock.calls.map(([key]) => String(key))).toEqual(['fullText.d']);
    get.mockRestore();
  });

  it('keeps what was added since the load when saving: old and new sessions are found after the next restart', async () => {
    await seed(20);
    await keeper.ensureIndexes();
    keeper.reset();
    await fakeBrowser.storage.local.set({ 'notes.s3': 'now about an okapi and a xylophone' });
    await keeper.applyChanges(['notes.s3']);
    // Sessions added at once (a restore): a build of more than a few freezes its words at its end.
    await seed(45);
    await keeper.ensureIndexes();
    // Nothing indexed since the save: no list is kept at all.
    expect(await idbGet('fullTextUnsaved')).toBeUndefined();
    keeper.reset();
    expect((await ask('okapi')).rows.map((r) => r.id)).toEqual(['s3']);
    expect((await ask('xylophone')).rows.map((r) => r.id).sort()).toEqual([
      's14',
      's19',
      's24',
      's29',
      's3',
      's34',
      's39',
      's4',
      's44',
      's9',
    ]);
    expect((await ask('delegation')).rows.map((r) => r.id).sort()).toEqual(['s0', 's10', 's15', 's20', 's25', 's30', 's35', 's40', 's5']);
  });

  it('after an edit of a few sessions, saves only the list of those (indexed again at the next start), not the shards', async () => {
    await seed(20);
    await keeper.ensureIndexes();
    const shardBefore = await idbGet('fullText.w');
    await fakeBrowser.storage.local.set({ 'notes.s3': 'a walrus' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await keeper.applyChanges(['notes.s3']);
      // The keeper's delayed save comes and goes.
      await vi.advanceTimersByTimeAsync(40_000);
    } finally {
      vi.useRealTimers();
    }
    expect(await idbGet('fullTextUnsaved')).toEqual(['s3']);
    expect(await idbGet('fullText.w')).toEqual(shardBefore);
    keeper.reset();
    expect((await ask('walrus')).rows.map((r) => r.id)).toEqual(['s3']);
    expect((await ask('xylophone')).rows.map((r) => r.id).sort()).toEqual(['s14', 's19', 's4', 's9']);
  });

  it('builds the whole index again when a shard is damaged', async () => {
    await seed(10);
    await keeper.ensureIndexes();
    await idbSet('fullText.p', { terms: ['promotion'], starts: [0, 1], docs: [2], counts: [1] });
    keeper.reset();
    // The first search finds the shard damaged; the check begun by it indexes every session again.
    await ask('promotion');
    await keeper.ensureIndexes();
    expect((await ask('promotion')).rows.map((r) => r.id).sort()).toEqual(['s2', 's7']);
    const head = await idbGet<{ ids: (string | null)[] }>('fullText');
    expect(head?.ids.filter(Boolean)).toHaveLength(10);
  });

  it('a head of another format is not used: the index is built again (an update that changed it)', async () => {
    await seed(10);
    await idbSet('fullText', { version: 1, json: '{}', ids: ['s0'] });
    await keeper.ensureIndexes();
    keeper.reset();
    expect((await ask('balance')).rows.map((r) => r.id).sort()).toEqual(['s3', 's8']);
  });

  it('after the worker restarts, answers from its copy of the session index, without reading it from extension storage', async () => {
    await seed(30);
    await keeper.ensureIndexes();
    keeper.reset();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const page = await ask('balance');
    expect(page.rows.map((r) => r.id)).toEqual(['s28', 's23', 's18', 's13', 's8', 's3']);
    expect(page.rows[0]?.title).toBe('Topic 28');
    const keysRead = get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys])).map(String);
    expect(keysRead).not.toContain('sessionIndex');
    get.mockRestore();
  });

  it('a copy older than the stored session index (a page rebuilt it) is replaced before anything is written from it', async () => {
    await seed(30);
    await keeper.ensureIndexes();
    keeper.reset();
    // A page's own rebuild: another title for s5, and no stamp of the keeper's.
    const { sessionIndex } = (await fakeBrowser.storage.local.get('sessionIndex')) as {
      sessionIndex: { version: number; agendas: unknown[]; rows: unknown[][]; stamp?: string };
    };
    const rows = sessionIndex.rows.map((row) =>
      row[0] === 's5' ? [row[0], row[1], row[2], row[3], 'Renamed by a page', ...row.slice(5)] : row,
    );
    await fakeBrowser.storage.local.set({ sessionIndex: { version: sessionIndex.version, agendas: sessionIndex.agendas, rows } });
    // An edit of another session: the keeper writes the index, from the stored one, not from its older copy.
    await fakeBrowser.storage.local.set({ 'topic.s7': { title: 'A new title', difficulty: '', outcome: '', updatedAt: 2 } });
    await keeper.applyChanges(['topic.s7']);
    const stored = (await fakeBrowser.storage.local.get('sessionIndex')) as { sessionIndex: { rows: unknown[][]; stamp?: string } };
    expect(stored.sessionIndex.rows.find((row) => row[0] === 's5')?.[4]).toBe('Renamed by a page');
    expect(stored.sessionIndex.rows.find((row) => row[0] === 's7')?.[4]).toBe('A new title');
    expect(stored.sessionIndex.stamp).toEqual(expect.any(String));
    expect((await ask('renamed')).rows.map((r) => r.id)).toEqual(['s5']);
  });

  it("answers a worker's first questions from its quick start, and reads the whole session index once they pause", async () => {
    await seed(30);
    await keeper.ensureIndexes();
    keeper.reset();
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const page = await ask('balance');
      expect(page.rows.map((r) => [r.id, r.title])).toEqual([
        ['s28', 'Topic 28'],
        ['s23', 'Topic 23'],
        ['s18', 'Topic 18'],
        ['s13', 'Topic 13'],
        ['s8', 'Topic 8'],
        ['s3', 'Topic 3'],
      ]);
      expect((await ask('topic 2')).matched).toBe(12);
      expect(get.mock.calls.map(([key]) => String(key))).not.toContain('sessionIndex');
      await vi.advanceTimersByTimeAsync(2_000);
    } finally {
      vi.useRealTimers();
    }
    expect(get.mock.calls.map(([key]) => String(key))).toContain('sessionIndex');
    get.mockRestore();
    // The same answers from the whole session index.
    expect((await ask('balance')).rows.map((r) => r.id)).toEqual(['s28', 's23', 's18', 's13', 's8', 's3']);
    expect((await ask('topic 2')).matched).toBe(12);
  });

  it('finds a coachee by name, accents and case aside, from the quick start too', async () => {
    await seed(10);
    const { coachees } = (await fakeBrowser.storage.local.get('coachees')) as { coachees: unknown[] };
    const { sessions } = (await fakeBrowser.storage.local.get('sessions')) as { sessions: { id: string; coacheeId: string }[] };
    await fakeBrowser.storage.local.set({
      coachees: [...coachees, { id: 'zoe', name: 'Zoë Åberg', createdAt: T0 }],
      sessions: sessions.map((m) => (m.id === 's4' ? { ...m, coacheeId: 'zoe' } : m)),
      'topic.s6': { title: 'Über Gehälter', difficulty: '', outcome: '', updatedAt: 1 },
    });
    await keeper.ensureIndexes();
    keeper.reset();
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    expect((await ask('zoe')).rows.map((r) => r.id)).toEqual(['s4']);
    expect((await ask('ABERG')).rows.map((r) => r.id)).toEqual(['s4']);
    expect((await ask('uber geh')).rows.map((r) => r.id)).toEqual(['s6']);
    // Answered before the whole session index was read.
    expect(get.mock.calls.map(([key]) => String(key))).not.toContain('sessionIndex');
    get.mockRestore();
  });
});
