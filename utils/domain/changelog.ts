/**
 * Reading CHANGELOG.md: the entry of one version (for `npm run zip`'s check and
 * the options page's "What's new" line). Pure: no browser calls.
 */

/** One release's entry: its version, date, and the points as plain lines (Markdown list markers removed). */
export interface ChangelogEntry {
  version: string;
  date: string;
  points: string[];
}

/** Every entry, newest first as written (`## <version> — <date>` followed by `- ` points). */
export function changelogEntries(markdown: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  let current: ChangelogEntry | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+v?(\d+\.\d+\.\d+)\s*(?:[—–-]\s*(\S+))?/.exec(line);
    if (heading) {
      current = { version: heading[1] ?? '', date: heading[2] ?? '', points: [] };
      entries.push(current);
    } else if (current && /^[-*]\s+/.test(line)) {
      current.points.push(line.replace(/^[-*]\s+/, '').trim());
    } else if (current && /^\s+\S/.test(line) && current.points.length > 0) {
      // A point continued on the next, indented line.
      current.points[current.points.length - 1] += ` ${line.trim()}`;
    }
  }
  return entries;
}

/** The entry of `version`, or null when the changelog has none (or an empty one). */
export function changelogEntry(markdown: string, version: string): ChangelogEntry | null {
  const entry = changelogEntries(markdown).find((e) => e.version === version);
  return entry && entry.points.length > 0 ? entry : null;
}
