/**
 * The options page's side of the history queries (a platform adapter): it asks
 * the background, which holds the indexes, for one page of rows at a time.
 */
import { browser } from 'wxt/browser';
import type { HistoryPage, HistoryQuery } from '../../domain/history/records';

/** A page of the history from the background, or null when it cannot answer (starting up, reloading). */
export async function askHistory(query: HistoryQuery): Promise<HistoryPage | null> {
  try {
    const answer = (await browser.runtime.sendMessage({ type: 'historyQuery', ...query })) as HistoryPage | undefined;
    return answer && Array.isArray(answer.rows) ? answer : null;
  } catch (e) {
    console.warn('history query failed', e);
    return null;
  }
}
