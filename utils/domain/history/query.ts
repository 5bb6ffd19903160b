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
  // Each query word at the start of a word of the text: after its start or a character that is no letter or digit.
  const folded = words.map((w) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${literal(w)}`, 'u'));
  // Most texts are plain ASCII: case is folded by the flag, and accents need the full fold only when there are any.
  const plain = words.map((w) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${literal(w)}`, 'iu'));
  // A character other than printable ASCII or white space: the text needs the full fold.
  const other = /[^ -~\s]/u;
  return (texts) =>
    words.every((_, i) =>
      texts.some((text) => (plain[i] as RegExp).test(text) || (other.test(text) && (folded[i] as RegExp).test(fold(text)))),
    );
}
