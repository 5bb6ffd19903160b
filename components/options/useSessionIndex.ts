import { type ReadonlySignal, useComputed } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { EMPTY_INDEX, type SessionIndex, unpackIndex } from '../../utils/domain/history/session-index';
import { askHistory } from '../../utils/platform/history/client';
import { indexStore } from '../../utils/platform/history/session-index-store';
import { useStored } from '../hooks/useStored';

/**
 * The whole session index as a signal, for the sections that chart or export
 * every session: read once, then followed through its own key's changes. The
 * background keeps it; asking it for an empty page wakes it to check the index
 * against the session list (and build what is missing, in chunks).
 */
export function useSessionIndex(): { index: ReadonlySignal<SessionIndex>; loaded: ReadonlySignal<boolean> } {
  const stored = useStored(indexStore);
  const index = useComputed(() => unpackIndex(stored.value.value) ?? EMPTY_INDEX);
  useEffect(() => {
    if (stored.loaded.value) void askHistory({ query: '', coacheeId: null, offset: 0, limit: 0 });
  }, [stored.loaded.value]);
  return { index, loaded: stored.loaded };
}
