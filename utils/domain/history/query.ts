/**
 * Searching the history: the words of a query, accent- and case-free (the
 * background's full-text index finds them, full-text.ts), and the same match
 * made on a session's text directly, for the sessions a build has not indexed yet.
 * Pure: no browser calls.
 */
import { fold } from '../text';

/** The words of a search, folded. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A test of a session's texts (its parts, the coachee's name) against the words of a search, as the
 * full-text index answers it: every word must start a word of one of the texts (a prefix, with no
 * regard to case or accents). Made once per search, then run on each session.
 */
export function textMatcher(words: readonly string[]): (texts: readonly string[]) => boolean {
  const start = (w: string, flags: string) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${literal(w)}`, flags);
  // One pass over most texts: the word anywhere, or a character other than printable ASCII or white space
  // (then the text may hold it accented). A text with neither cannot match; thousands are tested at once.
  const gate = words.map((w) => new RegExp(`${literal(w)}|[^ -~\\s]`, 'iu'));
  // The word at the start of a word of the text, case folded by the flag; accented text folded whole.
  const plain = words.map((w) => start(w, 'iu'));
  const folded = words.map((w) => start(w, 'u'));
  const other = /[^ -~\s]/u;
  const test = (i: number, text: string) =>
    (gate[i] as RegExp).test(text) && ((plain[i] as RegExp).test(text) || (other.test(text) && (folded[i] as RegExp).test(fold(text))));
  return (texts) => words.every((_, i) => texts.some((text) => test(i, text)));
}
