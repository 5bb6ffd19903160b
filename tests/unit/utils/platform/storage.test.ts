import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_TOPIC } from '../../../../utils/domain/model';
import { writeDataSet } from '../../../../utils/platform/data-store';
import { forEachRecordBatch, readRecords } from '../../../../utils/platform/session-repo';
import { partStore, quarantineStore, readChecked, sessionsStore } from '../../../../utils/platform/storage';
import { sampleData } from '../../sample-data';

describe('readChecked', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the fallback for a key never written, with no problem', async () => {
    expect(await readChecked(partStore('topic', 's1'))).toEqual({ value: EMPTY_TOPIC, problem: null });
  });

  it('returns a valid stored value as it is', async () => {
    const topic = { title: 'Speaking up', difficulty: '', outcome: '', updatedAt: 5 };
    await fakeBrowser.storage.local.set({ 'topic.s1': topic });
    expect(await readChecked(partStore('topic', 's1'))).toEqual({ value: topic, problem: null });
  });

  it('keeps a corrupt value aside, reports it, and leaves the original in place', async () => {
    const corrupt = { title: 42, nonsense: true };
    await fakeBrowser.storage.local.set({ 'topic.s2': corrupt });
    const read = await readChecked(partStore('topic', 's2'), 1000);
    expect(read.value).toEqual(EMPTY_TOPIC);
    expect(read.problem).toMatch(/title/);
    const kept = await readChecked(quarantineStore);
    expect(kept.value).toEqual([{ key: 'local:topic.s2', at: 1000, problem: read.problem, raw: corrupt }]);
    expect((await fakeBrowser.storage.local.get('topic.s2'))['topic.s2']).toEqual(corrupt);
  });

  it('quarantines the same corrupt value once, however often it is read', async () => {
    await fakeBrowser.storage.local.set({ sessions: 'not a list' });
    await readChecked(sessionsStore);
    await readChecked(sessionsStore);
    expect((await readChecked(quarantineStore)).value).toHaveLength(1);
  });

  it('rejects a topic title over the limit as corrupt rather than showing it', async () => {
    await fakeBrowser.storage.local.set({ 'topic.s3': { ...EMPTY_TOPIC, title: 'x'.repeat(201) } });
    expect((await readChecked(partStore('topic', 's3'))).problem).not.toBeNull();
  });
});

describe('the one read policy, for reads of many sessions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('names the sessions an export could not read whole, keeps the bad part aside before returning, and reads the rest', async () => {
    await writeDataSet(sampleData());
    const ids = sampleData().sessions.map((s) => s.meta.id);
    const damaged = ids[0] ?? '';
    await fakeBrowser.storage.local.set({ [`plan.${damaged}`]: 'not a list' });

    const { records, unreadable } = await readRecords(ids);
    expect(unreadable).toEqual([damaged]);
    expect(records.map((r) => r.meta.id)).toEqual(ids);
    expect(records[0]?.plan).toEqual([]);
    expect(records[0]?.notes).toBe(sampleData().sessions[0]?.notes);
    // Quarantined by the time the read returns (no waiting), the original left in place.
    const quarantine = (await readChecked(quarantineStore)).value;
    expect(quarantine.map((q) => q.key)).toEqual([`local:plan.${damaged}`]);
    expect((await fakeBrowser.storage.local.get(`plan.${damaged}`))[`plan.${damaged}`]).toBe('not a list');

    const batches: string[][] = [];
    expect(await forEachRecordBatch(ids, (r) => void batches.push(r.map((x) => x.meta.id)), 1)).toEqual([damaged]);
    expect(batches.flat()).toEqual(ids);
    expect((await readChecked(quarantineStore)).value).toHaveLength(1);
  });
});

describe('defining the stored items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads nothing until an item is used, so a page never pays for the whole session list it does not show', async () => {
    await fakeBrowser.storage.local.set({ sessions: [{ id: 's1', coacheeId: 'me', createdAt: 1 }] });
    const gets = vi.spyOn(fakeBrowser.storage.local, 'get');
    vi.resetModules();
    const fresh = await import('../../../../utils/platform/storage');
    fresh.define('local:anything', fresh.sessionsStore.schema, []);
    await new Promise((r) => setTimeout(r, 20));
    expect(gets).not.toHaveBeenCalled();
    // Used, it reads what is stored (the count shows the spy sees reads at all).
    expect((await fresh.readChecked(fresh.sessionsStore)).value).toHaveLength(1);
    expect(gets).toHaveBeenCalled();
    gets.mockRestore();
  });

  it('watches a change and reads a removed value as the fallback', async () => {
    const seen: unknown[] = [];
    const stop = sessionsStore.item.watch((next) => seen.push(next));
    await sessionsStore.item.setValue([{ id: 's1', coacheeId: 'me', createdAt: 1 }]);
    await fakeBrowser.storage.local.remove('sessions');
    await vi.waitFor(() => expect(seen).toEqual([[{ id: 's1', coacheeId: 'me', createdAt: 1 }], []]));
    stop();
    expect(await sessionsStore.item.getValue()).toEqual([]);
  });
});
