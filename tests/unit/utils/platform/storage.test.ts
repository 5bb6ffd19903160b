import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_TOPIC } from '../../../../utils/domain/model';
import { partStore, quarantineStore, readChecked, sessionsStore } from '../../../../utils/platform/storage';

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
