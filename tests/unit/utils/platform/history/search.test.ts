import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_HEAD, type HistoryHead, type HistoryPage, type HistoryQuery } from '../../../../../utils/domain/history/records';
import type { IndexEntry } from '../../../../../utils/domain/history/session-index';
import { createHistorySearch, KEEP_WARM_MS } from '../../../../../utils/platform/history/search';

const row = (id: string): IndexEntry =>
  ({ id, coacheeId: 'me', createdAt: 1, startedAt: null, title: id, lengthMs: 0 }) as unknown as IndexEntry;

/** A background that answers each history query when the test says so, in any order. */
function fakeBackground() {
  const asked: { query: HistoryQuery; answer: (page: HistoryPage) => void }[] = [];
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const { type: _type, ...query } = message as { type: string } & HistoryQuery;
    asked.push({ query, answer: sendResponse as (page: HistoryPage) => void });
    return true;
  });
  return asked;
}
const page = (ids: string[]): HistoryPage => ({ rows: ids.map(row), matched: ids.length, total: 9, snippets: {}, prepared: 9, stored: 9 });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the history search store', () => {
  it('shows the head record while nothing is searched, and asks nothing', () => {
    const asked = fakeBackground();
    const head = signal<HistoryHead>({ ...EMPTY_HEAD, total: 2, prepared: 2, rows: [row('a'), row('b')] });
    const search = createHistorySearch(head, signal(0));
    expect(search.view.value.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(asked).toHaveLength(0);
    search.dispose();
  });

  it('keeps the list shown until the answer comes, and drops an answer to a question no longer asked', async () => {
    const asked = fakeBackground();
    const head = signal<HistoryHead>({ ...EMPTY_HEAD, total: 1, prepared: 1, rows: [row('head')] });
    const search = createHistorySearch(head, signal(0));
    search.search('first');
    await settle();
    expect(search.asking.value).toBe(true);
    expect(search.view.value.rows.map((r) => r.id)).toEqual(['head']);
    search.search('second');
    await settle();
    expect(asked.map((a) => a.query.query)).toEqual(['first', 'second']);
    asked[1]?.answer(page([]));
    await settle();
    asked[0]?.answer(page(['stale']));
    await settle();
    expect(search.view.value.rows).toEqual([]);
    expect(search.asking.value).toBe(false);
    search.dispose();
  });

  it('keeps the background awake while the list is shown (a question for no rows every 20 s), and stops when it goes', async () => {
    vi.useFakeTimers();
    try {
      const asked = fakeBackground();
      const search = createHistorySearch(signal<HistoryHead>(EMPTY_HEAD), signal(0));
      await vi.advanceTimersByTimeAsync(KEEP_WARM_MS * 3);
      expect(asked.map((a) => a.query.limit)).toEqual([0, 0, 0]);
      expect(KEEP_WARM_MS).toBeLessThan(30_000);
      search.dispose();
      await vi.advanceTimersByTimeAsync(KEEP_WARM_MS * 3);
      expect(asked).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
