import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INDEX_VERSION } from '../../../../../utils/domain/history/session-index';
import { createHistoryKeeper } from '../../../../../utils/platform/history/keeper';
import { readIndex } from '../../../../../utils/platform/history/session-index-store';
import { idbGet, idbReset } from '../../../../../utils/platform/idb';

const T0 = Date.UTC(2026, 10, 1, 10);
const session = (i: number) => ({ id: `s${i}`, coacheeId: i % 2 ? 'ada' : 'me', createdAt: T0 + i * 1000 });
const ask = (query: string, coacheeId: string | null = null, limit = 50) => queryHistory({ query, coacheeId, offset: 0, limit });

async function seed(count: number, notes = (i: number) => `Notes of session ${i} about delegation`) {
  const data: Record<string, unknown> = {
    sessions: Array.from({ length: count }, (_, i) => session(i)),
    coachees: [
      { id: 'me', name: '', createdAt: T0 },
      { id: 'ada', name: 'Ada Lovelace', createdAt: T0 },
    ],
    activeSessionId: `s${count - 1}`,
  };
  for (let i = 0; i < count; i++) {
    data[`topic.s${i}`] = { title: `Topic ${i}`, difficulty: '', outcome: '', updatedAt: 1 };
    data[`notes.s${i}`] = notes(i);
  }
  await fakeBrowser.storage.local.set(data);
}

let keeper = createHistoryKeeper();
const ensureIndexes = () => keeper.ensureIndexes();
const applyChanges = (keys: string[]) => keeper.applyChanges(keys);
const queryHistory = (q: Parameters<typeof keeper.queryHistory>[0]) => keeper.queryHistory(q);
/** The worker stopped and started again: the keeper's memory is gone. */
const resetIndexKeeper = () => keeper.reset();

beforeEach(() => {
  keeper.reset();
  keeper = createHistoryKeeper();
  idbReset();
  globalThis.indexedDB = new IDBFactory();
});

describe('the index keeper', () => {
  it('builds both indexes newest first, in chunks, saying how far it got', async () => {
    await seed(450);
    const heads: Array<{ prepared: number; total: number; newest: string | undefined }> = [];
    fakeBrowser.storage.session.onChanged.addListener((changes) => {
      const head = changes.historyHead?.newValue as { prepared: number; total: number; rows: { id: string }[] } | undefined;
      if (head) heads.push({ prepared: head.prepared, total: head.total, newest: head.rows[0]?.id });
    });
    await ensureIndexes();
    // The first chunk at once (the newest rows), then at most every half second, and the end.
    expect(heads[0]?.prepared).toBe(200);
    expect(heads.at(-1)?.prepared).toBe(450);
    expect(heads.map((h) => h.prepared)).toEqual([...heads.map((h) => h.prepared)].sort((a, b) => a - b));
    expect(heads.every((h) => h.total === 450)).toBe(true);
    // Newest first: from the first chunk on, the newest session is on top.
    expect(heads.every((h) => h.newest === 's449')).toBe(true);
    expect(Object.keys((await readIndex()).entries)).toHaveLength(450);
  });

  it('finds a word that is only in one session notes, with the words around it', async () => {
    await seed(300, (i) => (i === 123 ? 'We spoke of her xylophone lessons at length.' : `Notes ${i}`));
    await ensureIndexes();
    const page = await ask('xylo');
    expect(page.matched).toBe(1);
    expect(page.rows.map((r) => r.id)).toEqual(['s123']);
    expect(page.snippets.s123?.filter((p) => p.mark).map((p) => p.text)).toEqual(['xylophone']);
    expect(page.snippets.s123?.map((p) => p.text).join('')).toContain('her xylophone lessons');
  });

  it('shows the notes in context first, then the other fields searched; nothing for a word only in the title shown on the row', async () => {
    await seed(5, (i) => (i === 2 ? 'The notes mention the harbour once.' : `Notes ${i}`));
    await fakeBrowser.storage.local.set({ 'plan.s3': [{ id: 'p1', text: 'Walk to the harbour every morning', done: false }] });
    await ensureIndexes();
    const page = await ask('harbour');
    expect(page.rows.map((r) => r.id).sort()).toEqual(['s2', 's3']);
    const shown = (id: string) => page.snippets[id]?.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
    expect(shown('s2')).toBe('The notes mention the [harbour] once.');
    expect(shown('s3')).toBe('Walk to the [harbour] every morning');
    const title = await ask('topic');
    expect(title.matched).toBe(5);
    expect(title.snippets).toEqual({});
  });

  it('pages newest first, filters by coachee, and needs every word (a name counts)', async () => {
    await seed(120);
    await ensureIndexes();
    const all = await ask('');
    expect(all.total).toBe(120);
    expect(all.rows).toHaveLength(50);
    expect(all.rows[0]?.id).toBe('s119');
    expect((await queryHistory({ query: '', coacheeId: null, offset: 100, limit: 50 })).rows).toHaveLength(20);
    const ada = await ask('', 'ada');
    expect(ada.total).toBe(60);
    expect(ada.rows.every((r) => r.coacheeId === 'ada')).toBe(true);
    expect((await ask('delegation lovelace')).matched).toBe(60);
    expect((await ask('delegation nobody')).matched).toBe(0);
  });

  it('follows one session edit, and drops a deleted session', async () => {
    await seed(20);
    await ensureIndexes();
    await fakeBrowser.storage.local.set({ 'notes.s4': 'A brand new word: quokka' });
    await applyChanges(['notes.s4']);
    expect((await ask('quokka')).rows.map((r) => r.id)).toEqual(['s4']);
    await fakeBrowser.storage.local.set({ sessions: Array.from({ length: 20 }, (_, i) => session(i)).filter((s) => s.id !== 's4') });
    await applyChanges(['sessions']);
    expect((await ask('quokka')).matched).toBe(0);
    expect(Object.keys((await readIndex()).entries)).not.toContain('s4');
  });

  it('after the worker restarts, answers from the saved index without reading the notes again, and catches up an edit not yet saved', async () => {
    await seed(50);
    await ensureIndexes();
    await fakeBrowser.storage.local.set({ 'notes.s7': 'walrus' });
    await applyChanges(['notes.s7']);
    // The worker stops before the delayed save: its memory is gone, the unsaved list is in IndexedDB.
    resetIndexKeeper();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const page = await ask('walrus');
    expect(page.rows.map((r) => r.id)).toEqual(['s7']);
    const keysRead = get.mock.calls
      .flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]))
      .filter((k) => String(k).startsWith('notes.'));
    // Only the edited session's notes (to index it again) and the shown row's (for the words in context).
    expect(new Set(keysRead)).toEqual(new Set(['notes.s7']));
  });

  it('writes nothing at all for a change that changes nothing (a refused or repeated card)', async () => {
    await seed(30);
    await ensureIndexes();
    await applyChanges(['activeSessionId', 'notes.s3', 'topic.s4']);
    const before = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null)]);
    const writes = [vi.spyOn(fakeBrowser.storage.local, 'set'), vi.spyOn(fakeBrowser.storage.session, 'set')];
    // The same values written again (storage reports the keys), then the list itself.
    await applyChanges(['notes.s3', 'topic.s4', 'plan.s5']);
    await applyChanges(['sessions', 'activeSessionId']);
    await ensureIndexes();
    expect(writes.flatMap((w) => w.mock.calls)).toEqual([]);
    expect(JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null)])).toBe(before);
    // A real edit is still followed.
    await fakeBrowser.storage.local.set({ 'notes.s3': 'A new word: capybara' });
    await applyChanges(['notes.s3']);
    expect((await ask('capybara')).rows.map((r) => r.id)).toEqual(['s3']);
  });

  it('after everything is deleted and the same sessions restored at once, stores the entries and the head again', async () => {
    await seed(12);
    await ensureIndexes();
    const stored = await fakeBrowser.storage.local.get(null);
    // Delete everything, restore the backup, before the keeper looks (one batch of changes).
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.storage.local.set(Object.fromEntries(Object.entries(stored).filter(([k]) => k !== 'sessionIndex')));
    keeper.followChanges({ ...Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, { newValue: v }])), sessionIndex: {} }, 0);
    await new Promise((r) => setTimeout(r, 10));
    await ensureIndexes();
    expect(Object.keys((await readIndex()).entries)).toHaveLength(12);
    const { historyHead } = (await fakeBrowser.storage.session.get('historyHead')) as {
      historyHead?: { total: number; rows: { id: string }[] };
    };
    expect(historyHead?.total).toBe(12);
    expect(historyHead?.rows[0]?.id).toBe('s11');
  });

  it('answers a search during a build at once: a word in a session not indexed yet, and says older ones may follow', async () => {
    await seed(1500, (i) => (i === 40 ? 'Only here: the xylophone lessons.' : `Notes ${i}`));
    const all = await fakeBrowser.storage.local.get(null);
    // The bulk write as the background's storage.onChanged reports it (the values with it).
    keeper.followChanges(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, { newValue: v }])), 60_000);
    const started = new Promise<void>((resolve) =>
      fakeBrowser.storage.session.onChanged.addListener((changes) => {
        // The build's first chunk.
        if (changes.historyHead?.newValue) resolve();
      }),
    );
    const build = ensureIndexes();
    await started;
    const page = await ask('xylophone');
    expect(page.rows.map((r) => r.id)).toEqual(['s40']);
    expect(page.prepared).toBeLessThan(1500);
    expect(page.total).toBe(1500);
    await build;
    const settled = await ask('xylophone');
    expect(settled.rows.map((r) => r.id)).toEqual(['s40']);
    expect(settled.complete).toBe(true);
  });

  it('scans sessions it has no values for from storage, in steps, within a time budget', async () => {
    await seed(400, (i) => (i === 3 ? 'the walrus spoke' : `Notes ${i}`));
    const started = new Promise<void>((resolve) =>
      fakeBrowser.storage.session.onChanged.addListener((changes) => {
        // The build's first chunk.
        if (changes.historyHead?.newValue) resolve();
      }),
    );
    const build = ensureIndexes();
    await started;
    const page = await ask('walrus');
    expect(page.rows.map((r) => r.id)).toEqual(['s3']);
    await build;
  });

  it('makes the head again when it is missing (after a browser start or an update), also for an empty history', async () => {
    await keeper.keepDerivedRecords();
    expect((await fakeBrowser.storage.session.get('historyHead')).historyHead).toEqual({ total: 0, prepared: 0, rows: [] });
    await seed(5);
    await ensureIndexes();
    await fakeBrowser.storage.session.clear();
    keeper.reset();
    await keeper.keepDerivedRecords();
    const { historyHead } = (await fakeBrowser.storage.session.get('historyHead')) as { historyHead?: { total: number } };
    expect(historyHead?.total).toBe(5);
  });

  it('keeps an index of the same format over an update, and builds one of another format again', async () => {
    await seed(30);
    await ensureIndexes();
    keeper.reset();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await ensureIndexes();
    const notesRead = get.mock.calls
      .flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]))
      .filter((k) => String(k).startsWith('notes.'));
    expect(notesRead).toEqual([]);
    get.mockRestore();
    const { sessionIndex } = (await fakeBrowser.storage.local.get('sessionIndex')) as { sessionIndex: { version: number } };
    await fakeBrowser.storage.local.set({ sessionIndex: { ...sessionIndex, version: INDEX_VERSION - 1 } });
    keeper.reset();
    await ensureIndexes();
    expect((await readIndex()).version).toBe(INDEX_VERSION);
    expect(Object.keys((await readIndex()).entries)).toHaveLength(30);
  });

  it('tells open pages to ask again after everything was deleted and the same sessions restored, handled in one go', async () => {
    await seed(3);
    await ensureIndexes();
    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(stored)).toContain('sessionIndex');
    // Delete everything (both areas), then a restore of the same sessions, before the keeper handled the first.
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.session.clear();
    keeper.followChanges(Object.fromEntries(Object.keys(stored).map((key) => [key, {}])), 50);
    const { sessionIndex: _derived, ...restored } = stored;
    await fakeBrowser.storage.local.set(restored);
    keeper.followChanges(Object.fromEntries(Object.entries(restored).map(([key, value]) => [key, { newValue: value }])), 50);
    // The revision pages follow is written again (it was deleted with the rest), and the history is all there.
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get('historyRevision')).historyRevision).toBeGreaterThan(0));
    expect((await ask('delegation')).matched).toBe(3);
  });

  it('keeps no word in IndexedDB once every session is gone (everything deleted)', async () => {
    await seed(30, (i) => `Notes of session ${i} about the okapi`);
    await ensureIndexes();
    const stored = async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('sidecoach');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('kv', 'readonly');
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const request = tx.objectStore('kv').getAllKeys();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return keys.map(String);
    };
    expect((await stored()).filter((key) => key.startsWith('fullText.')).length).toBeGreaterThan(0);
    await fakeBrowser.storage.local.clear();
    await applyChanges(['sessions', 'sessionIndex', ...Array.from({ length: 30 }, (_, i) => `notes.s${i}`)]);
    // The session index is written again, empty; the full-text index and its shards are gone.
    expect((await stored()).filter((key) => key.startsWith('fullText'))).toEqual([]);
    expect((await ask('okapi')).matched).toBe(0);
  });

  it('forgets everything on reset; a change waiting to be handled was written ahead, and the next start indexes it', async () => {
    await seed(10);
    await ensureIndexes();
    await fakeBrowser.storage.local.set({ 'notes.s2': 'A new word: okapi' });
    // Its indexing waits for a pause in the changes (a minute here): before it, the session is in the stored list.
    keeper.followChanges({ 'notes.s2': { newValue: 'A new word: okapi' } }, 60_000);
    await vi.waitFor(async () => expect(await idbGet<string[]>('fullTextUnsaved')).toContain('s2'));
    // The worker stops now (its memory and timers gone) and starts again: the word is found.
    resetIndexKeeper();
    expect((await ask('okapi')).matched).toBe(1);
  });

  it('a session indexed leaves the list written ahead; one changed again meanwhile stays', async () => {
    await seed(10);
    await ensureIndexes();
    await fakeBrowser.storage.local.set({ 'notes.s2': 'Words about a heron' });
    keeper.followChanges({ 'notes.s2': { newValue: 'Words about a heron' } }, 5);
    await vi.waitFor(async () => expect((await ask('heron')).matched).toBe(1));
    await vi.waitFor(async () => expect(await idbGet<string[]>('fullTextUnsaved')).toEqual(['s2']));
    // s2 is in the list as indexed and not saved yet (the save waits); s3 changes and is not indexed yet.
    await fakeBrowser.storage.local.set({ 'notes.s3': 'Words about an ibis' });
    keeper.followChanges({ 'notes.s3': { newValue: 'Words about an ibis' } }, 60_000);
    await vi.waitFor(async () => expect(await idbGet<string[]>('fullTextUnsaved')).toEqual(['s2', 's3']));
    resetIndexKeeper();
    expect((await ask('ibis')).matched).toBe(1);
    expect((await ask('heron')).matched).toBe(1);
  });
});
