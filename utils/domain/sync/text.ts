/**
 * Merging two computers' notes in sync, where no word may be lost.
 * Pure: no browser calls.
 */
import { editOf, mergeText } from '../text-merge';

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
