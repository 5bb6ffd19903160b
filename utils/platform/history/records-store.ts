/**
 * The history's small records in extension storage (a platform adapter), kept by
 * the background's index keeper and read by the options page. Both are derived
 * from the sessions, so they live in `storage.session` (memory, this browser run),
 * outside the user's data in `storage.local`: a backup, sync or a check that
 * nothing changed never sees them, and the keeper makes them again at each start.
 */
import * as v from 'valibot';
import { type HistoryHead, HistoryHeadSchema } from '../../domain/history/records';
import { define } from '../storage';

/**
 * The newest rows of the history and the progress of a bulk build, for the options page's first view.
 * Null while missing (after a browser start or an update, before the background has made it again):
 * the page then says the history is being prepared, never "0 of 0".
 */
export const historyHeadStore = define<HistoryHead | null>('session:historyHead', v.nullable(HistoryHeadSchema), null);
/** Counts the background's changes to the history's indexes: an open search asks again when it moves. */
export const historyRevisionStore = define<number>('session:historyRevision', v.number(), 0);
