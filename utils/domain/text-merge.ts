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

export interface Edit {
  start: number;
  end: number;
  insert: string;
}

/** The single region of `base` that `next` replaced, and with what. */
export function editOf(base: string, next: string): Edit {
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
