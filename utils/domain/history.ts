/**
 * Searching the history: every word of the query, in any order, accent- and
 * case-free, in the topic, the notes or the coachee's name.
 * Pure: no browser calls.
 */
import type { Topic } from './model';
import { fold } from './text';

/** The words of a search, folded. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Whether every word is in one of the texts. */
export function containsAll(texts: readonly string[], words: readonly string[]): boolean {
  return words.length === 0 || hasAll(fold(texts.join('\n')), words);
}

/** Whether every word is in a text folded once ahead (a list searched on every keystroke). */
export function hasAll(folded: string, words: readonly string[]): boolean {
  return words.every((w) => folded.includes(w));
}

/** The texts of a session that search reads: the topic's three fields, the notes, the coachee's name. */
export function searchTexts(topic: Topic | undefined, notes: string | undefined, coacheeName: string): string[] {
  return [topic?.title ?? '', topic?.difficulty ?? '', topic?.outcome ?? '', notes ?? '', coacheeName];
}
