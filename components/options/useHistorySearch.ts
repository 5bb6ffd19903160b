import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { HistoryHead } from '../../utils/domain/history/records';
import { createHistorySearch, type HistorySearch, warmHistory } from '../../utils/platform/history/search';

/** The history search for this page (see createHistorySearch), stopped when the page goes. */
export function useHistorySearch(head: ReadonlySignal<HistoryHead>, revision: ReadonlySignal<number>): HistorySearch {
  const search = useMemo(() => createHistorySearch(head, revision), [head, revision]);
  useEffect(() => {
    // Wake the background while the person looks at the list.
    warmHistory();
    return search.dispose;
  }, [search]);
  return search;
}
