/**
 * The full-text index of the sessions' words (topic, notes, plan, homework,
 * review, feedback), made with MiniSearch: prefix and accent-free matching,
 * ranked results (the words in context: domain/snippet.ts).
 * Pure: no browser calls.
 *
 * Why MiniSearch (measured on 10,000 sessions of our shape, Node 20, this machine):
 * 6.1 kB gzip against FlexSearch's 17.4 kB and Orama's 22.5 kB; a serialized index
 * of 2.8 MB (bench data; 9.9 MB with 5,000 distinct words) that loads back without
 * re-indexing, where FlexSearch's prefix index exports 42.6 MB and Orama's 118 MB;
 * 15 MB of heap (bench data) against 133 and 315 MB; a word in one note found in ~1 ms.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Assignment, PlanStep, Review, Topic, WrapUp } from '../model';
import { fold } from '../text';

/** Bumped when what is indexed or how changes: a stored index of another version is rebuilt. */
export const FULL_TEXT_VERSION = 1;

/** One session as the full-text index sees it. */
export interface TextDoc {
  id: string;
  text: string;
}

/** The parts of a session whose words are searched. */
export interface TextSource {
  topic: Topic;
  notes: string;
  plan: PlanStep[];
  homework: Assignment[];
  review: Review;
  wrapUp: WrapUp;
}

/** A session's searchable text, one part a line. */
export function sessionText(source: TextSource): string {
  const { topic, notes, plan, homework, review, wrapUp } = source;
  return [
    topic.title,
    topic.difficulty,
    topic.outcome,
    notes,
    ...plan.map((s) => s.text),
    ...homework.map((a) => a.title),
    ...(review ? [...review.items.flatMap((i) => [i.heldBack, i.dreading]), review.rootCause] : []),
    wrapUp.feedback,
  ]
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Words of one letter are not indexed (they would match half the language as a prefix). */
const indexTerm = (term: string): string | null => (term.length < 2 ? null : fold(term));

/** How the index is made and read back (the same options for both). */
const FULL_TEXT_OPTIONS: Options<TextDoc> = {
  fields: ['text'],
  processTerm: indexTerm,
  searchOptions: { processTerm: (term) => fold(term), prefix: true },
};

/** A new, empty full-text index. */
export function newTextIndex(): MiniSearch<TextDoc> {
  return new MiniSearch(FULL_TEXT_OPTIONS);
}

/** The index from its serialized form, or null when it is not one. */
export function loadTextIndex(json: string): MiniSearch<TextDoc> | null {
  try {
    return MiniSearch.loadJSON(json, FULL_TEXT_OPTIONS);
  } catch {
    return null;
  }
}

/** Put (or replace) one session's text in the index. */
export function putText(index: MiniSearch<TextDoc>, doc: TextDoc): void {
  if (index.has(doc.id)) index.replace(doc);
  else index.add(doc);
}

/** Take a session out of the index, if it is there. */
export function dropText(index: MiniSearch<TextDoc>, id: string): void {
  if (index.has(id)) index.discard(id);
}

/** Each session whose text has a word starting with `word`, with its score. */
export function scoresFor(index: MiniSearch<TextDoc>, word: string): Map<string, number> {
  return new Map(index.search(word).map((r) => [String(r.id), r.score]));
}

/**
 * The sessions that match every word (in the full text, or in what `quick`
 * finds at once: titles and coachees' names), best first and, at equal score,
 * in the given order (newest first).
 */
export function rankMatches(
  words: readonly string[],
  textScores: (word: string) => Map<string, number>,
  quick: (word: string) => Iterable<string>,
  order: readonly string[],
): string[] {
  if (words.length === 0) return [...order];
  let total: Map<string, number> | null = null;
  for (const word of words) {
    const hits = textScores(word);
    for (const id of quick(word)) hits.set(id, (hits.get(id) ?? 0) + 1);
    if (total === null) total = hits;
    else {
      const next = new Map<string, number>();
      for (const [id, score] of total) {
        const more = hits.get(id);
        if (more !== undefined) next.set(id, score + more);
      }
      total = next;
    }
    if (total.size === 0) return [];
  }
  const scores = total ?? new Map<string, number>();
  const position = new Map(order.map((id, i) => [id, i]));
  return [...scores.keys()]
    .filter((id) => position.has(id))
    .sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || (position.get(a) ?? 0) - (position.get(b) ?? 0));
}
