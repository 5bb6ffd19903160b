import { describe, expect, it } from 'vitest';
import {
  compact,
  dropText,
  freeze,
  freshCount,
  isSegment,
  newTextIndex,
  putText,
  type Segment,
  scoresFor,
  shardsToLoad,
  storedTextIndex,
  type TextIndex,
  termCounts,
  wantsCompaction,
} from '../../../../../utils/domain/history/text-index';

const ids = (scores: Map<string, number>) => [...scores.keys()].sort();

/** Save as the platform does (structured clone of the head and the frozen shards), and start again with none loaded. */
function saveAndReload(index: TextIndex, full = false): { back: TextIndex; shards: Map<string, Segment> } {
  const changed = full ? compact(index) : freeze(index);
  const shards = new Map([...index.segments].map(([k, v]) => [k, structuredClone(v)]));
  const back = storedTextIndex(structuredClone(index.ids), [...shards.keys()]);
  return { back, shards: full ? changed : shards };
}

/** Load shards as the platform does before a search. */
function load(index: TextIndex, shards: Map<string, Segment>, words: string[]): void {
  for (const key of shardsToLoad(index, words)) {
    index.segments.set(key, shards.get(key) as Segment);
    index.unloaded.delete(key);
  }
}

describe('the full-text index', () => {
  it('splits a text into folded words of two letters or more, counted', () => {
    expect([...termCounts('Résumé: the résumé, a Gehaltsgespräch!')]).toEqual([
      ['resume', 2],
      ['the', 1],
      ['gehaltsgesprach', 1],
    ]);
  });

  it('finds a word by its start, without accents or case, in the one session that has it', () => {
    const index = newTextIndex();
    putText(index, { id: 'a', text: 'Résumé review and the Gehaltsgespräch' });
    putText(index, { id: 'b', text: 'Nothing of the sort' });
    expect(ids(scoresFor(index, 'resu'))).toEqual(['a']);
    expect(ids(scoresFor(index, 'gehalts'))).toEqual(['a']);
    expect(ids(scoresFor(index, 'gesprach'))).toEqual([]);
    expect(ids(scoresFor(index, 'the'))).toEqual(['a', 'b']);
    expect(scoresFor(index, 'zzz').size).toBe(0);
  });

  it('replaces a session that changed and drops one that is gone, before and after a save', () => {
    const index = newTextIndex();
    putText(index, { id: 'a', text: 'old words' });
    putText(index, { id: 'a', text: 'new words' });
    expect(scoresFor(index, 'old').size).toBe(0);
    expect(ids(scoresFor(index, 'new'))).toEqual(['a']);
    freeze(index);
    expect(scoresFor(index, 'old').size).toBe(0);
    expect(ids(scoresFor(index, 'new'))).toEqual(['a']);
    dropText(index, 'a');
    dropText(index, 'never there');
    expect(scoresFor(index, 'new').size).toBe(0);
    expect(index.nums.size).toBe(0);
  });

  it('ranks a session that uses the word more, and the whole word above a longer one it begins', () => {
    const index = newTextIndex();
    putText(index, { id: 'once', text: 'promotion' });
    putText(index, { id: 'often', text: 'promotion promotion promotion' });
    putText(index, { id: 'longer', text: 'promotions' });
    const scores = scoresFor(index, 'promotion');
    expect(scores.get('often')).toBeGreaterThan(scores.get('once') ?? 0);
    expect(scores.get('once')).toBeGreaterThan(scores.get('longer') ?? 0);
  });

  it('comes back from its stored shards as it was, reading only the shard a word needs', () => {
    const index = newTextIndex();
    putText(index, { id: 'a', text: 'delegation and xylophone' });
    putText(index, { id: 'b', text: 'delegation again' });
    const { back, shards } = saveAndReload(index);
    expect(shardsToLoad(back, ['xylo'])).toEqual(['x']);
    load(back, shards, ['xylo']);
    expect(ids(scoresFor(back, 'xylo'))).toEqual(['a']);
    // The other shards are still on disk only.
    expect(back.unloaded.has('d')).toBe(true);
    load(back, shards, ['deleg']);
    expect(ids(scoresFor(back, 'deleg'))).toEqual(['a', 'b']);
  });

  it('keeps words added after a load apart until the next save, and merges them then', () => {
    const index = newTextIndex();
    putText(index, { id: 'a', text: 'mentor' });
    const first = saveAndReload(index);
    const back = first.back;
    putText(back, { id: 'b', text: 'mentoring' });
    putText(back, { id: 'a', text: 'manager' });
    load(back, first.shards, ['me']);
    expect(ids(scoresFor(back, 'me'))).toEqual(['b']);
    expect(ids(scoresFor(back, 'ma'))).toEqual(['a']);
    const changed = freeze(back);
    expect([...changed.keys()].sort()).toEqual(['m']);
    // The replaced text's postings are dropped from the shard written.
    const m = changed.get('m') as Segment;
    expect(m.docs.length).toBe(2);
    expect(ids(scoresFor(back, 'me'))).toEqual(['b']);
  });

  it('numbers every session afresh when many texts were replaced, finding the same', () => {
    const index = newTextIndex();
    for (let i = 0; i < 10; i++) putText(index, { id: `s${i}`, text: `topic ${i} balance` });
    for (let round = 0; round < 60; round++) for (let i = 0; i < 10; i++) putText(index, { id: `s${i}`, text: `round ${round} balance` });
    expect(wantsCompaction(index)).toBe(true);
    const { back, shards } = saveAndReload(index, true);
    expect(back.ids).toHaveLength(10);
    expect(back.dead).toBe(0);
    expect(wantsCompaction(back)).toBe(false);
    load(back, shards, ['balance', 'round']);
    expect(ids(scoresFor(back, 'balance'))).toHaveLength(10);
    expect(ids(scoresFor(back, 'round'))).toHaveLength(10);
    expect(scoresFor(back, 'topic').size).toBe(0);
    load(back, shards, ['59']);
    expect(ids(scoresFor(back, '59'))).toHaveLength(10);
  });

  it('keeps one text of a session edited many times before a save, not every one', () => {
    const index = newTextIndex();
    for (let i = 0; i < 100; i++) putText(index, { id: 'a', text: `draft ${i} of the notes` });
    expect(freshCount(index)).toBe(1);
    const postings = [...index.fresh.values()].flatMap((shard) => [...shard.values()]).reduce((sum, p) => sum + p.size, 0);
    expect(postings).toBe(5);
    expect(ids(scoresFor(index, 'draft'))).toEqual(['a']);
  });

  it('refuses a damaged shard', () => {
    const index = newTextIndex();
    putText(index, { id: 'a', text: 'delegation' });
    const [segment] = [...freeze(index).values()];
    expect(isSegment(structuredClone(segment))).toBe(true);
    expect(isSegment({ terms: ['x'], starts: [0, 1], docs: [0], counts: [1] })).toBe(false);
    expect(isSegment({ ...segment, starts: new Uint32Array([0, 5]) })).toBe(false);
    expect(isSegment('not a shard')).toBe(false);
  });
});
