/**
 * Searching the history: the words of a query, accent- and case-free (the
 * background's full-text index finds them, utils/domain/full-text.ts).
 * Pure: no browser calls.
 */
import { fold } from './text';

/** The words of a search, folded. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}
