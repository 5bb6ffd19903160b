/**
 * The history as the options page sees it: a small head record the background
 * keeps (the newest rows, and the progress of a bulk build), and the pages of
 * rows it answers queries with; the page never reads every session.
 * Pure: no browser calls.
 */
import * as v from 'valibot';
import { type IndexEntry, IndexEntrySchema, newestFirst, type SessionIndex } from './session-index';
import type { SnippetPart } from './snippet';

/** How many rows the history shows at once (and the head record holds). */
export const HISTORY_PAGE = 50;

export const HistoryHeadSchema = v.object({
  /** Sessions stored. */
  total: v.number(),
  /** Sessions whose index entry and words are ready (below `total` while a bulk build runs). */
  prepared: v.number(),
  /** The newest sessions, newest first. */
  rows: v.array(IndexEntrySchema),
});
export type HistoryHead = v.InferOutput<typeof HistoryHeadSchema>;
export const EMPTY_HEAD: HistoryHead = { total: 0, prepared: 0, rows: [] };

/** The head record of an index. */
export function historyHead(index: SessionIndex, total: number, prepared: number): HistoryHead {
  return { total, prepared, rows: newestFirst(index).slice(0, HISTORY_PAGE) };
}

/** What the options page asks the background for: a page of the history, searched and filtered. */
export interface HistoryQuery {
  query: string;
  /** One coachee's sessions, or everyone's (null). */
  coacheeId: string | null;
  offset: number;
  limit: number;
  /** Whether to read the rows' texts for the words in context (a second, slower answer); default yes. */
  snippets?: boolean;
}

/** A page of the history as the background answers it. */
export interface HistoryPage {
  /** Sessions in the list before the search (everyone's, or the coachee's). */
  total: number;
  /** Sessions that match the search (all of `total` without one). */
  matched: number;
  /** The page's rows, best match first (newest first without a search). */
  rows: IndexEntry[];
  /** The matching words in context, by session id, for the page's rows. */
  snippets: Record<string, SnippetPart[]>;
  /** Sessions prepared so far, of all stored (a bulk build under way when below). */
  prepared: number;
  stored: number;
  /** False while a build is under way and not every session was searched yet: older sessions may follow. */
  complete?: boolean;
}
