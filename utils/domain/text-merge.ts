/**
 * Merging two pages' edits of one text (the same notes open in two panels).
 * Pure: no browser calls.
 *
 * Policy: each side's change since the common base is reduced to one edited
 * region. Regions that do not overlap are both applied. Regions that overlap
 * are a conflict: this page's text is kept as it is, and the other page's
 * version of the region is appended below a marker line. Nobody's words are
 * ever dropped; at worst some appear twice, clearly marked.
 */

interface Edit {
  start: number;
  end: number;
  insert: string;
}

/** The single region of `base` that `next` replaced, and with what. */
function editOf(base: string, next: string): Edit {
  let start = 0;
  const max = Math.min(base.length, next.length);
  while (start < max && base.charCodeAt(start) === next.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && base.charCodeAt(base.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)) tail++;
  return { start, end: base.length - tail, insert: next.slice(start, next.length - tail) };
}

/** Three-way merge of a text; `marker` heads the other page's conflicting words. */
export function mergeText(base: string, local: string, remote: string, marker: string): string {
  if (local === remote || remote === base) return local;
  if (local === base) return remote;
  const mine = editOf(base, local);
  const theirs = editOf(base, remote);
  // Order the regions so that `a` ends where or before `b` starts; then both apply cleanly.
  const [a, b] = mine.end <= theirs.start ? [mine, theirs] : theirs.end <= mine.start ? [theirs, mine] : [null, null];
  if (a && b) return base.slice(0, a.start) + a.insert + base.slice(a.end, b.start) + b.insert + base.slice(b.end);
  return `${local}\n\n${marker}\n${theirs.insert}`;
}

/** The words of a text, counted. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.split(/\s+/)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * The same merge for two computers' notes, where `base` is what the other
 * computer had and may hold words this one never saw (sync): when the clean
 * merge would drop any word of the other text, this text is kept whole and
 * the other's differing part is added below the marker. No word of either is lost.
 */
export function mergeTextKeepingWords(base: string, local: string, remote: string, marker: string): string {
  const merged = mergeText(base, local, remote, marker);
  const have = wordCounts(merged);
  for (const [w, n] of wordCounts(remote)) {
    if ((have.get(w) ?? 0) < n) {
      // The other text's part that differs from this one, widened to whole words.
      const edit = editOf(local, remote);
      let start = edit.start;
      let end = edit.start + edit.insert.length;
      while (start > 0 && !/\s/.test(remote.charAt(start - 1))) start--;
      while (end < remote.length && !/\s/.test(remote.charAt(end))) end++;
      return `${local}\n\n${marker}\n${remote.slice(start, end).trim()}`;
    }
  }
  return merged;
}
