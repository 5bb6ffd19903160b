/**
 * The matching words of a search shown in context: a short piece of the text
 * around the first match, each matching word marked whole.
 * Pure: no browser calls.
 */
import { fold } from '../text';

/** A piece of a snippet: plain text, or a matching word (`mark`). */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Folded text with a map back to the original's positions: folding usually keeps
 * the length (é → e), but not always (ß, ligatures), so map character by character then.
 */
function foldedWithOrigin(text: string): { folded: string; origin: (i: number) => number } {
  const whole = fold(text);
  if (whole.length === text.length) return { folded: whole, origin: (i) => i };
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) at.push(i);
    folded += f;
    i += ch.length;
  }
  at.push(text.length);
  return { folded, origin: (i) => at[i] ?? text.length };
}

/**
 * About `radius` characters either side of the first word of `text` that starts
 * with one of `words` (already folded, as `queryWords` gives them), accent- and
 * case-free as the search matches; every such word is marked whole;
 * an ellipsis where text is left out; runs of white space shown as one space.
 * Empty when no word occurs.
 */
export function snippet(text: string, words: readonly string[], radius = 60): SnippetPart[] {
  const wanted = words.filter(Boolean);
  if (wanted.length === 0 || text === '') return [];
  const { folded, origin } = foldedWithOrigin(text);
  const hits: Array<[number, number]> = [];
  for (let i = 0; i < folded.length; i++) {
    // At the start of a word only, as the full-text index matches (by prefix): "eting" is not in "meeting".
    if (i > 0 && WORD.test(folded[i - 1] ?? '')) continue;
    const word = wanted.find((w) => folded.startsWith(w, i));
    if (!word) continue;
    const from = i;
    let to = i + word.length;
    while (to < folded.length && WORD.test(folded[to] ?? '')) to++;
    const last = hits[hits.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], origin(to));
    else hits.push([origin(from), origin(to)]);
    i = to - 1;
  }
  const first = hits[0];
  if (!first) return [];
  let start = Math.max(0, first[0] - radius);
  let end = Math.min(text.length, first[1] + radius);
  while (start > 0 && WORD.test(text[start - 1] ?? '')) start--;
  while (end < text.length && WORD.test(text[end] ?? '')) end++;
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = start;
  for (const [from, to] of hits) {
    if (from < start || to > end) continue;
    if (from > at) parts.push({ text: flat(text.slice(at, from)), mark: false });
    parts.push({ text: flat(text.slice(from, to)), mark: true });
    at = to;
  }
  if (at < end) parts.push({ text: flat(text.slice(at, end)), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** The first of `texts` in which a word occurs, as a snippet (the notes usually, else a topic field). */
export function firstSnippet(texts: readonly string[], words: readonly string[], radius?: number): SnippetPart[] {
  for (const text of texts) {
    const parts = snippet(text, words, radius);
    if (parts.length > 0) return parts;
  }
  return [];
}
