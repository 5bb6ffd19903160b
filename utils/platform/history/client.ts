/**
 * The options page's side of the history queries (a platform adapter): it asks
 * the background, which holds the indexes, for one page of rows at a time.
 */
import type { HistoryPage, HistoryQuery } from '../../domain/history/records';
import { send } from '../messaging';

/** A page of the history from the background, or null when it cannot answer (starting up, reloading). */
export async function askHistory(query: HistoryQuery): Promise<HistoryPage | null> {
  const answer = await send('historyQuery', query);
  return answer && Array.isArray(answer.rows) ? answer : null;
}
