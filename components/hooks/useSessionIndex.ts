import { type ReadonlySignal, useComputed } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { EMPTY_INDEX, type SessionIndex, unpackIndex } from '../../utils/domain/session-index';
import { ensureIndex, indexStore } from '../../utils/platform/session-index';
import { useStored } from './useStored';

/**
 * The session index as a signal: read once, then followed through its own key's
 * changes (never a re-read of everything). On open it is checked against the
 * session list and rebuilt if missing or stale.
 */
export function useSessionIndex(): { index: ReadonlySignal<SessionIndex>; loaded: ReadonlySignal<boolean> } {
  const stored = useStored(indexStore);
  const index = useComputed(() => unpackIndex(stored.value.value) ?? EMPTY_INDEX);
  useEffect(() => {
    // Once read, the index is checked against the session list (and rebuilt if it does not fit).
    if (stored.loaded.value) void ensureIndex(index.peek());
  }, [stored.loaded.value]);
  return { index, loaded: stored.loaded };
}
