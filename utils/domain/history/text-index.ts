/**
 * The full-text index's structure: an inverted index of folded words, split in
 * shards by a word's first letter, each shard a frozen segment of typed arrays
 * (stored as they are, loaded in a copy, without rebuilding anything) plus the
 * words added since it was frozen. A search for a word needs one shard only, so
 * a worker that just started reads a few kilobytes, not the whole index (at
 * 50,000 sessions, MiniSearch's JSON was 36 MB and took 1.5 s to load back).
 * Pure: no browser calls; the platform loads and saves the shards
 * (platform/history/indexes.ts).
 *
 * A session's text replaced or dropped leaves its old postings in place, under a
 * number no longer in use (`ids[n] === null`): searches skip them, a shard's next
 * freeze drops them, and `compact` numbers every session afresh.
 */
import { fold } from '../text';

/** One shard's postings, frozen: the words sorted, and for word i its sessions' numbers and counts at starts[i]…starts[i+1]. */
export interface Segment {
  terms: string[];
  starts: Uint32Array;
  docs: Uint32Array;
  counts: Uint16Array;
}

/** Postings added since a shard was frozen: word → session number → how often. */
type Fresh = Map<string, Map<number, number>>;

/** The full-text index in memory. */
export interface TextIndex {
  /** Session id by number; null for a number whose text was replaced or dropped. */
  ids: (string | null)[];
  /** The number of each session in the index. */
  nums: Map<string, number>;
  /** Frozen shards in memory, by key (a word's first letter). */
  segments: Map<string, Segment>;
  /** Shards that are stored but not loaded yet (the platform loads them before a search needs them). */
  unloaded: Set<string>;
  /** Postings added since the last freeze, by shard. */
  fresh: Map<string, Fresh>;
  /** The words of each session number with fresh postings (a text replaced before the freeze leaves none behind). */
  freshTerms: Map<number, string[]>;
  /** How many numbers are no longer in use. */
  dead: number;
}

/** A new, empty index. */
export function newTextIndex(): TextIndex {
  return { ids: [], nums: new Map(), segments: new Map(), unloaded: new Set(), fresh: new Map(), freshTerms: new Map(), dead: 0 };
}

/** The shard a word (already folded) is kept in. */
export const shardOf = (term: string): string => term.charAt(0);

/**
 * The words of a text as indexed: split at anything but letters and digits (where the scan of sessions
 * not indexed yet sees a word start too), folded; words of one letter are not indexed (they would match
 * half the language as a prefix).
 */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Put (or replace) one session's text in the index. */
export function putText(index: TextIndex, doc: { id: string; text: string }): void {
  dropText(index, doc.id);
  const n = index.ids.length;
  index.ids.push(doc.id);
  index.nums.set(doc.id, n);
  const counts = termCounts(doc.text);
  index.freshTerms.set(n, [...counts.keys()]);
  for (const [term, count] of counts) {
    const key = shardOf(term);
    const shard = index.fresh.get(key) ?? new Map<string, Map<number, number>>();
    index.fresh.set(key, shard);
    const postings = shard.get(term) ?? new Map<number, number>();
    shard.set(term, postings);
    postings.set(n, count);
  }
}

/** Take a session out of the index, if it is there. */
export function dropText(index: TextIndex, id: string): void {
  const n = index.nums.get(id);
  if (n === undefined) return;
  index.ids[n] = null;
  index.nums.delete(id);
  index.dead++;
  // Not frozen yet: its postings go at once (a session edited all day leaves one text behind, not thousands).
  for (const term of index.freshTerms.get(n) ?? []) {
    const shard = index.fresh.get(shardOf(term));
    const postings = shard?.get(term);
    postings?.delete(n);
    if (postings?.size === 0) shard?.delete(term);
  }
  index.freshTerms.delete(n);
}

/** The shards a search for these words (folded) needs that are stored but not in memory yet. */
export function shardsToLoad(index: TextIndex, words: readonly string[]): string[] {
  return [...new Set(words.map(shardOf))].filter((key) => index.unloaded.has(key));
}

/** The first position in sorted `terms` not before `word`. */
function lowerBound(terms: readonly string[], word: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string) < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each session with a word starting with `word` (folded), with its score: the word whole counts twice
 * a word it only begins, a word used often in a session a little more, a rare word more than a common one.
 * The word's shard must be in memory (shardsToLoad).
 */
export function scoresFor(index: TextIndex, word: string): Map<string, number> {
  const scores = new Map<string, number>();
  if (word === '') return scores;
  const live = Math.max(1, index.ids.length - index.dead);
  const add = (term: string, n: number, count: number, df: number) => {
    const id = index.ids[n];
    if (id === null || id === undefined) return;
    const weight = (term === word ? 1 : 0.5) * (1 + Math.log(count)) * Math.log(1 + live / df);
    scores.set(id, (scores.get(id) ?? 0) + weight);
  };
  const key = shardOf(word);
  const segment = index.segments.get(key);
  if (segment) {
    for (let t = lowerBound(segment.terms, word); t < segment.terms.length; t++) {
      const term = segment.terms[t] as string;
      if (!term.startsWith(word)) break;
      const from = segment.starts[t] as number;
      const to = segment.starts[t + 1] as number;
      for (let p = from; p < to; p++) add(term, segment.docs[p] as number, segment.counts[p] as number, to - from);
    }
  }
  for (const [term, postings] of index.fresh.get(key) ?? []) {
    if (term.startsWith(word)) for (const [n, count] of postings) add(term, n, count, postings.size);
  }
  return scores;
}

/** A segment of `old`'s postings and `fresh`'s, each number mapped by `renumber` (null: dropped). */
function merged(old: Segment | undefined, fresh: Fresh | undefined, renumber: (n: number) => number | null): Segment {
  const terms = [...new Set([...(old?.terms ?? []), ...(fresh?.keys() ?? [])])].sort();
  const oldAt = new Map(old?.terms.map((term, i) => [term, i]));
  let room = old?.docs.length ?? 0;
  for (const postings of fresh?.values() ?? []) room += postings.size;
  const docs = new Uint32Array(room);
  const counts = new Uint16Array(room);
  const starts = new Uint32Array(terms.length + 1);
  let at = 0;
  const put = (n: number, count: number) => {
    const to = renumber(n);
    if (to === null) return;
    docs[at] = to;
    counts[at] = Math.min(count, 0xffff);
    at++;
  };
  terms.forEach((term, t) => {
    starts[t] = at;
    const i = oldAt.get(term);
    if (old && i !== undefined)
      for (let p = old.starts[i] as number; p < (old.starts[i + 1] as number); p++) put(old.docs[p] as number, old.counts[p] as number);
    for (const [n, count] of fresh?.get(term) ?? []) put(n, count);
  });
  starts[terms.length] = at;
  // Words whose every session is gone are kept until the next compaction (harmless: they match nothing).
  return { terms, starts, docs: docs.slice(0, at), counts: counts.slice(0, at) };
}

/**
 * Freeze one shard: its fresh postings merged into its frozen part (which must be in memory), numbers
 * no longer in use dropped. Returns the segment, to be stored. A platform freezes shard by shard,
 * letting other work run between two.
 */
export function freezeShard(index: TextIndex, key: string): Segment {
  if (index.unloaded.has(key)) throw new Error(`shard ${key} is not loaded`);
  const segment = merged(index.segments.get(key), index.fresh.get(key), (n) => (index.ids[n] === null ? null : n));
  index.segments.set(key, segment);
  index.fresh.delete(key);
  if (index.fresh.size === 0) index.freshTerms.clear();
  return segment;
}

/** Freeze every shard with fresh postings (see freezeShard): returns the shards changed, to be stored. */
export function freeze(index: TextIndex): Map<string, Segment> {
  const changed = new Map<string, Segment>();
  for (const key of [...index.fresh.keys()]) changed.set(key, freezeShard(index, key));
  index.freshTerms.clear();
  return changed;
}

/** How many sessions have words not frozen yet. */
export const freshCount = (index: TextIndex): number => index.freshTerms.size;

/** Whether so many numbers are out of use that the index is better numbered afresh (compact). */
export const wantsCompaction = (index: TextIndex): boolean => index.dead > Math.max(500, (index.ids.length - index.dead) / 4);

/** A compaction under way: the new numbers, and the shards made with them so far (the index is unchanged until `finish`). */
export interface Compaction {
  ids: string[];
  keys: string[];
  shards: Map<string, Segment>;
  renumber(n: number): number | null;
}

/** Begin numbering every session afresh (every shard must be in memory); then compactShard each key, then finishCompaction. */
export function beginCompaction(index: TextIndex): Compaction {
  if (index.unloaded.size > 0) throw new Error('shards not loaded');
  const renumbered: number[] = [];
  const ids: string[] = [];
  index.ids.forEach((id, n) => {
    if (id === null) return;
    renumbered[n] = ids.length;
    ids.push(id);
  });
  const keys = [...new Set([...index.segments.keys(), ...index.fresh.keys()])];
  return { ids, keys, shards: new Map(), renumber: (n) => renumbered[n] ?? null };
}

/** Make one shard of a compaction (nothing of the index changes yet). */
export function compactShard(index: TextIndex, job: Compaction, key: string): void {
  job.shards.set(key, merged(index.segments.get(key), index.fresh.get(key), job.renumber));
}

/** The index takes the compaction's numbers and shards, all at once. Returns every shard, to be stored in place of all before. */
export function finishCompaction(index: TextIndex, job: Compaction): Map<string, Segment> {
  index.ids = job.ids;
  index.nums = new Map(job.ids.map((id, n) => [id, n]));
  index.segments = job.shards;
  index.fresh.clear();
  index.freshTerms.clear();
  index.dead = 0;
  return job.shards;
}

/**
 * Number every session afresh and freeze every shard (all must be in memory), in one go: the index
 * then holds no postings of replaced or dropped texts. Returns every shard, to be stored.
 */
export function compact(index: TextIndex): Map<string, Segment> {
  const job = beginCompaction(index);
  for (const key of job.keys) compactShard(index, job, key);
  return finishCompaction(index, job);
}

/** Whether a stored value is a segment (a damaged or foreign one is not used). */
export function isSegment(value: unknown): value is Segment {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Segment>;
  return (
    Array.isArray(s.terms) &&
    s.starts instanceof Uint32Array &&
    s.docs instanceof Uint32Array &&
    s.counts instanceof Uint16Array &&
    s.starts.length === s.terms.length + 1 &&
    s.docs.length === s.counts.length &&
    (s.starts[s.terms.length] ?? 0) === s.docs.length
  );
}

/** An index of these sessions (by number; null: out of use) whose shards are stored, none loaded yet. */
export function storedTextIndex(ids: readonly (string | null)[], shards: readonly string[]): TextIndex {
  const index = newTextIndex();
  index.ids = [...ids];
  ids.forEach((id, n) => {
    if (id === null) index.dead++;
    else index.nums.set(id, n);
  });
  index.unloaded = new Set(shards);
  return index;
}
