import { useEffect, useMemo } from 'preact/hooks';
import type { Stored } from '../../utils/platform/storage';
import { type StoredSignal, type StoredSignalOptions, storedSignal } from '../../utils/platform/stored-signal';

/**
 * A stored signal that lives as long as the component: created once per
 * stored item, disposed (after flushing pending edits) on unmount.
 */
export function useStored<T>(stored: Stored<T>, options?: StoredSignalOptions<T>): StoredSignal<T> {
  // Options are read once on creation, like useState's initial value.
  const bridge = useMemo(() => storedSignal(stored, options), [stored]);
  useEffect(() => () => bridge.dispose(), [bridge]);
  return bridge;
}
