/**
 * What a computer's folder on the server says, compared with what this
 * computer has merged: which change files to read next, and which are missing
 * (deleted, held back by a restore, or a log cut short at its end).
 * Pure: no browser calls.
 *
 * A computer's folder holds its change files `c1`, `c2`… and one head file
 * `h<n>`, where n is the number of its last change file (the head is
 * encrypted like the rest, so the number is checked when it is read), and now
 * and then a snapshot `s<n>` of everything it had merged when it wrote `c<n>`.
 * Its change files up to some number may be gone because it removed them itself
 * once every active computer had merged them (prune.ts); a computer behind them
 * starts again from a snapshot.
 */

/** A change file's name, and its number. */
export const CHANGE_NAME = /^c([1-9]\d{0,9})$/;
/** A head file's name, and the number of the last change file it names. */
export const HEAD_NAME = /^h([1-9]\d{0,9})$/;
/** A snapshot's name, and the number of its writer's last change file it covers. */
export const SNAPSHOT_NAME = /^s([1-9]\d{0,9})$/;

/** A computer's merged file (what it has merged of the others, for one that only reads), and its number. */
export const MARK_NAME = /^m([1-9]\d{0,9})$/;

/** A computer's name file (its name as the person gave it, encrypted), and its number. */
export const NAME_FILE = /^n([1-9]\d{0,9})$/;

/** The numbers of the entries whose names match `pattern`, ascending. */
export function numbersOf(names: readonly string[], pattern: RegExp): number[] {
  return names
    .map((n) => Number(pattern.exec(n)?.[1] ?? 0))
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
}

/** What to do with one other computer's folder. */
export interface FolderPlan {
  /** Change files to read now, in order: those right after the last merged one, with no file missing between. */
  read: number[];
  /** The first file that should be there and is not (a gap, or the log cut short); null when nothing is missing. */
  missing: number | null;
}

/**
 * Plan the reading of one computer's folder: `merged` is the last number this
 * computer has applied from it, `changes` the change files listed, `last` the
 * number its head names (null when there is no head, or it is no further).
 */
export function planFolder(merged: number, changes: readonly number[], last: number | null): FolderPlan {
  const present = new Set(changes);
  const read: number[] = [];
  let next = merged + 1;
  while (present.has(next)) {
    read.push(next);
    next++;
  }
  const highest = Math.max(last ?? 0, ...changes);
  return { read, missing: highest >= next ? next : null };
}

/** The highest number a head names in a listing, when it is past `known` (a head worth reading), else null. */
export function headWorthReading(heads: readonly number[], known: number): number | null {
  const top = heads.at(-1);
  return top !== undefined && top > known ? top : null;
}

/**
 * Whether this computer's own folder still holds what it sent: `sent` is the
 * number of its last change file on the server, `removed` the number up to
 * which it removed its own files itself (every computer had merged them, a
 * snapshot covers them: prune.ts). Gone (the folder deleted, or files of it
 * missing) means the others cannot get what it sent: it takes a new identity
 * and sends everything again.
 */
export function ownFolderIntact(changes: readonly number[] | null, sent: number, removed = 0): boolean {
  if (sent === 0) return true;
  if (changes === null) return false;
  const present = new Set(changes);
  for (let n = removed + 1; n <= sent; n++) if (!present.has(n)) return false;
  return true;
}

/**
 * Whether it is time for a new snapshot: when the change files sent since the
 * last one (or since the first upload, which was everything) weigh more than
 * it did, a computer joining now would download more than twice the data; a
 * snapshot brings that back to about the data's size. Also once FILES_PER_SNAPSHOT
 * change files (of every computer) were merged since: every sync lists the
 * folders, and a snapshot lets the files before it be removed, while one far
 * behind holds the others' removals back (prune.ts).
 */
export function snapshotDue(sentSince: number, lastSnapshot: number | null, filesSince = 0, minimum = 64 * 1024): boolean {
  return sentSince > Math.max(lastSnapshot ?? 0, minimum) || filesSince >= FILES_PER_SNAPSHOT;
}

/** Change files sent since the last snapshot after which a new one is written whatever their size. */
export const FILES_PER_SNAPSHOT = 1_000;
