import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_TOPIC, type Topic } from '../../../../utils/domain/model';
import { DEFAULT_SETTINGS } from '../../../../utils/domain/settings';
import { mergeTopic } from '../../../../utils/domain/topic';
import { anyPending } from '../../../../utils/platform/pending-writes';
import { partStore, readChecked, settingsStore } from '../../../../utils/platform/storage';
import { flushAll, type StoredSignal, storedSignal } from '../../../../utils/platform/stored-signal';
import { countLocalWrites, failingLocalStorage } from '../../quota-fake';

const withTitle = (title: string, at = 1): Topic => ({ ...EMPTY_TOPIC, title, updatedAt: at });
const bridges: StoredSignal<unknown>[] = [];
function open<T>(...args: Parameters<typeof storedSignal<T>>): StoredSignal<T> {
  const bridge = storedSignal<T>(...args);
  bridges.push(bridge as StoredSignal<unknown>);
  return bridge;
}

describe('storedSignal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(async () => {
    for (const b of bridges.splice(0)) b.dispose();
    await vi.runOnlyPendingTimersAsync();
  });

  it('loads the stored value into the signal', async () => {
    await fakeBrowser.storage.local.set({ 'topic.a': withTitle('Saying no') });
    const topic = open(partStore('topic', 'a'));
    expect(topic.loaded.value).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(topic.loaded.value).toBe(true);
    expect(topic.value.value.title).toBe('Saying no');
  });

  it('shows an edit at once and writes it after the debounce', async () => {
    const topic = open(partStore('topic', 'a'), { debounceMs: 300 });
    await vi.advanceTimersByTimeAsync(0);
    topic.set(withTitle('Speaking up'));
    expect(topic.value.value.title).toBe('Speaking up');
    expect(topic.saveState.value).toBe('pending');
    expect((await readChecked(partStore('topic', 'a'))).value.title).toBe('');
    await vi.advanceTimersByTimeAsync(300);
    expect((await readChecked(partStore('topic', 'a'))).value.title).toBe('Speaking up');
    expect(topic.saveState.value).toBe('saved');
  });

  it('writes at most about once a second during a minute of steady typing', async () => {
    const writes = countLocalWrites();
    const topic = open(partStore('topic', 'a'), { debounceMs: 300, maxWaitMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    let text = '';
    for (let i = 0; i < 600; i++) {
      text = `${text}x`.slice(-150);
      topic.set(withTitle(`${text}${i}`, i + 1));
      await vi.advanceTimersByTimeAsync(100); // ten keystrokes a second
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes.writes).toBeGreaterThanOrEqual(55);
    expect(writes.writes).toBeLessThanOrEqual(61);
    expect((await readChecked(partStore('topic', 'a'))).value.title).toBe(`${text}599`);
  });

  it('follows a change written by another page', async () => {
    const topic = open(partStore('topic', 'a'));
    await vi.advanceTimersByTimeAsync(0);
    await partStore('topic', 'a').item.setValue(withTitle('From the popup'));
    await vi.advanceTimersByTimeAsync(0);
    expect(topic.value.value.title).toBe('From the popup');
  });

  it('merges another page\u2019s change with this page\u2019s unsaved edit instead of dropping either', async () => {
    const panel = open(partStore('topic', 'a'), { merge: mergeTopic, debounceMs: 300 });
    await vi.advanceTimersByTimeAsync(0);
    panel.set({ ...EMPTY_TOPIC, outcome: 'A plan for Monday', updatedAt: 2 });
    await partStore('topic', 'a').item.setValue(withTitle('Speaking up', 3));
    await vi.advanceTimersByTimeAsync(0);
    expect(panel.value.value).toMatchObject({ title: 'Speaking up', outcome: 'A plan for Monday' });
    await vi.advanceTimersByTimeAsync(300);
    expect((await readChecked(partStore('topic', 'a'))).value).toMatchObject({ title: 'Speaking up', outcome: 'A plan for Monday' });
  });

  it('keeps the text and retries when a write fails, then saves it', async () => {
    const quota = failingLocalStorage();
    const topic = open(partStore('topic', 'a'), { debounceMs: 100, retryMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    topic.set(withTitle('Do not lose me'));
    await vi.advanceTimersByTimeAsync(100);
    expect(topic.saveState.value).toBe('error');
    expect(topic.problem.value).toEqual({ kind: 'writeFailed', key: 'topic.a', detail: 'QUOTA_BYTES quota exceeded' });
    expect(topic.value.value.title).toBe('Do not lose me');
    await vi.advanceTimersByTimeAsync(1000);
    expect(quota.attempts).toBe(2);
    quota.failing = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(topic.saveState.value).toBe('saved');
    expect(topic.problem.value).toBeNull();
    expect((await readChecked(partStore('topic', 'a'))).value.title).toBe('Do not lose me');
  });

  it('flushAll writes pending edits at once (the page is being closed)', async () => {
    const topic = open(partStore('topic', 'a'), { debounceMs: 5000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(anyPending()).toBe(false);
    topic.set(withTitle('Typed just before closing'));
    expect(anyPending()).toBe(true);
    await flushAll();
    expect(anyPending()).toBe(false);
    expect((await readChecked(partStore('topic', 'a'))).value.title).toBe('Typed just before closing');
  });

  it('writes a pending edit when disposed', async () => {
    const topic = storedSignal(partStore('topic', 'a'), { debounceMs: 5000 });
    await vi.advanceTimersByTimeAsync(0);
    topic.set(withTitle('Still saved'));
    topic.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect((await readChecked(partStore('topic', 'a'))).value.title).toBe('Still saved');
  });

  it('reports a corrupt stored value and starts from the fallback without crashing', async () => {
    await fakeBrowser.storage.local.set({ 'topic.bad': 'garbage' });
    const topic = open(partStore('topic', 'bad'));
    await vi.advanceTimersByTimeAsync(0);
    expect(topic.value.value).toEqual(EMPTY_TOPIC);
    expect(topic.problem.value).toMatchObject({ kind: 'unreadable', key: 'topic.bad' });
  });

  it('stops following storage after dispose', async () => {
    const topic = storedSignal(partStore('topic', 'a'));
    await vi.advanceTimersByTimeAsync(0);
    topic.dispose();
    await partStore('topic', 'a').item.setValue(withTitle('Later'));
    await vi.advanceTimersByTimeAsync(0);
    expect(topic.value.value.title).toBe('');
  });

  it('merges list edits from two pages by id: a step added here and a step ticked there both stay', async () => {
    await partStore('plan', 'p').item.setValue([{ id: 'a', text: 'One', done: false }]);
    const panel = open(partStore('plan', 'p'), { debounceMs: 300 });
    await vi.advanceTimersByTimeAsync(0);
    panel.set([...panel.value.peek(), { id: 'b', text: 'Two', done: false }]);
    await partStore('plan', 'p').item.setValue([{ id: 'a', text: 'One', done: true }]); // the popup ticks step a
    await vi.advanceTimersByTimeAsync(300);
    expect((await readChecked(partStore('plan', 'p'))).value).toEqual([
      { id: 'a', text: 'One', done: true },
      { id: 'b', text: 'Two', done: false },
    ]);
  });

  it('an edit made before the stored value was read keeps the stored fields it did not touch', async () => {
    await settingsStore.item.setValue({ ...DEFAULT_SETTINGS, theme: 'dark' });
    const settings = open(settingsStore, { debounceMs: 100 });
    settings.set({ ...settings.value.peek(), checkIn: true }); // clicked before the read returned
    await vi.advanceTimersByTimeAsync(200);
    expect((await readChecked(settingsStore)).value).toMatchObject({ theme: 'dark', checkIn: true });
  });
});
