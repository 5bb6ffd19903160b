import type { ReadonlySignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { SessionIndex } from '../../utils/domain/session-index';
import { ensureIndex, indexStore } from '../../utils/platform/session-index';
import { useStored } from './useStored';

/**
 * The session index as a signal: read once, then followed through its own key's
 * changes (never a re-read of everything). On open it is checked against the
 * session list and rebuilt if missing or stale.
 */
export function useSessionIndex(): { index: ReadonlySignal<SessionIndex>; loaded: ReadonlySignal<boolean> } {
  const stored = useStored(indexStore);
  useEffect(() => {
    // Once read, the index is checked against the session list (and rebuilt if it does not fit).
    if (stored.loaded.value) void ensureIndex(stored.value.peek());
  }, [stored.loaded.value]);
  return { index: stored.value, loaded: stored.loaded };
}
