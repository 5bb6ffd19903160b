/**
 * Whether this page still holds an edit that is not in storage yet (a debounced
 * write waiting, or one under way). Kept beside the stored signals, off the
 * pages' start-up bytes: only the card sender asks.
 */
import { live } from './stored-signal';

/** Whether any live stored signal has an edit not yet written (or being written). */
export function anyPending(): boolean {
  for (const s of live) if (s.saveState.value === 'pending' || s.saveState.value === 'saving') return true;
  return false;
}
