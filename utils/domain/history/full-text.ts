/**
 * The full-text search of the sessions' words (topic, notes, plan, homework,
 * review, feedback): what of a session is searched, and the ranking of the
 * sessions that match every word of a search (the index: text-index.ts; the
 * words in context: snippet.ts). Pure: no browser calls.
 *
 * Why our own index and not MiniSearch any more (measured on 50,000 sessions of the
 * bench's shape, Node 20, this machine under load 6): MiniSearch's saved JSON was
 * 36 MB and took 1.5 s to load back (0.38 s parse, 1.1 s rebuilding its tree) each
 * time the worker started, with 666 MB of heap; the sharded index loads only the
 * shard a word needs, as typed arrays that need no rebuilding.
 */
import type { Assignment, PlanStep, Review, Topic, WrapUp } from '../model';

/**
 * Bumped when what is indexed or how changes: a stored index of another version is rebuilt.
 * 2: our own sharded index (text-index.ts) in place of MiniSearch's JSON.
 */
export const FULL_TEXT_VERSION = 2;

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
