/**
 * The history's search as a small store (a platform adapter; preact-devtools'
 * `createSearchStore` is the model): the query, the coachee filter and how many
 * rows are shown, and the background's answer for them. A change asks again; an
 * answer to a question no longer asked is dropped. The page holds it through a
 * thin hook (components/options/useHistorySearch.ts).
 */
import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import { HISTORY_PAGE, type HistoryHead, type HistoryPage } from '../../domain/history/records';
import type { IndexEntry } from '../../domain/history/session-index';
import type { SnippetPart } from '../../domain/history/snippet';
import { askHistory } from './client';

/** What the list shows: the background's answer to a search, or the head record when nothing is searched. */
export interface HistoryView {
  rows: IndexEntry[];
  matched: number;
  total: number;
  snippets: Record<string, SnippetPart[]>;
  /** Whether the list is the background's answer to a search or filter (not the head record). */
  answered: boolean;
  /** False while the background's build goes on and not every session was searched: older ones may follow. */
  complete: boolean;
}

/**
 * A history search over the head record `head`, asking the background again when
 * `revision` (its indexes changed) or the head moves. `dispose` stops it.
 */
export function createHistorySearch(head: ReadonlySignal<HistoryHead>, revision: ReadonlySignal<number>) {
  const query = signal('');
  const coacheeId = signal('');
  const shown = signal(HISTORY_PAGE);
  /** The background's answer for the current search, filter and length (null while the head answers). */
  const answer = signal<HistoryPage | null>(null);
  const asking = signal(false);
  /** Whether the head record answers: no search, no filter, the first page. */
  const plain = computed(() => query.value.trim() === '' && coacheeId.value === '' && shown.value <= HISTORY_PAGE);

  const dispose = effect(() => {
    const q = query.value;
    const c = coacheeId.value;
    const limit = shown.value;
    // A change of the indexes or of the newest rows asks again.
    void revision.value;
    void head.value;
    if (plain.value) {
      answer.value = null;
      asking.value = false;
      return;
    }
    let stale = false;
    asking.value = true;
    const asked = { query: q, coacheeId: c || null, offset: 0, limit };
    // The rows at once; the words in context (the rows' texts read) follow in a second answer.
    void askHistory({ ...asked, snippets: false }).then((page) => {
      if (stale) return;
      asking.value = false;
      if (page) answer.value = page;
      if (page && page.rows.length > 0 && q.trim() !== '') {
        void askHistory(asked).then((full) => {
          if (!stale && full) answer.value = full;
        });
      }
    });
    return () => {
      stale = true;
    };
  });

  const view = computed<HistoryView>(() => {
    const h = head.value;
    const page = answer.value;
    // Until the background's first answer to a search, the list shown before stays.
    if (plain.value || page === null)
      return { rows: h.rows, matched: h.total, total: h.total, snippets: {}, answered: false, complete: true };
    return {
      rows: page.rows,
      matched: page.matched,
      total: page.total,
      snippets: page.snippets,
      answered: true,
      complete: page.complete !== false,
    };
  });

  // While the list is shown, the background's worker is kept from stopping (Chrome stops it after 30 s
  // without an event, and its next start reads the indexes again: at 50,000 sessions a search typed then
  // waited for that). A question every 20 s is an event; it asks for no rows.
  const keepWarm = setInterval(warmHistory, KEEP_WARM_MS);

  return {
    query: query as ReadonlySignal<string>,
    coacheeId: coacheeId as ReadonlySignal<string>,
    shown: shown as ReadonlySignal<number>,
    asking: asking as ReadonlySignal<boolean>,
    view,
    /** Search for `text` from the first page. */
    search(text: string) {
      query.value = text;
      shown.value = HISTORY_PAGE;
    },
    /** Show one coachee's sessions ('' for everyone's) from the first page. */
    filter(id: string) {
      coacheeId.value = id;
      shown.value = HISTORY_PAGE;
    },
    /** Show one page more. */
    more() {
      shown.value += HISTORY_PAGE;
    },
    dispose() {
      clearInterval(keepWarm);
      dispose();
    },
  };
}

/** How often an open list reminds the background's worker that it is used (Chrome stops an idle one after 30 s). */
export const KEEP_WARM_MS = 20_000;

/** A history search (see createHistorySearch). */
export type HistorySearch = ReturnType<typeof createHistorySearch>;

/** Wake the background and have it load its indexes, so the first keystroke is answered at once. */
export function warmHistory(): void {
  void askHistory({ query: '', coacheeId: null, offset: 0, limit: 0, snippets: false });
}
