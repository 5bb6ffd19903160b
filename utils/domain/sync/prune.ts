/**
 * When a computer may remove its own change files from the server, and where a
 * computer that is behind starts again. Pure: no browser calls.
 *
 * Every computer publishes what it has merged of every other (its head's
 * `seen` when it writes, and a small "merged" file `m<k>` when it only reads).
 * A computer may remove its own change files up to the lowest number every
 * active computer has merged of it, and only as far as the snapshots on the
 * server cover them: a computer joining later (or coming back after a long
 * time) then starts from a snapshot and reads only the change files after it.
 * Files are only ever removed by their writer, so "written once" still holds.
 */
import type { Head, Vector } from './log';

/** A computer not heard of for this long (its newest head or merged file) no longer holds back the others' removals (ms). */
export const ACTIVE_MS = 30 * 24 * 60 * 60_000;
/** A computer that only reads says it is still there this often, even when it merged nothing new (ms). */
export const MARK_REFRESH_MS = 24 * 60 * 60_000;
/** At most this many files are removed in one sync (the rest go in the next ones). */
export const REMOVALS_PER_SYNC = 250;

/** What one other computer has said of itself, as far as this computer's removals go. */
export interface PeerView {
  /** When it last wrote its head or merged file (its clock), or null when it has written neither. */
  at: number | null;
  /** The highest of this computer's change files it says it has merged. */
  floor: number;
  /**
   * Its newest snapshot: what it covers (its frontier) and when the head that names it was written;
   * null when it has no snapshot, or one that does not say.
   */
  snapshot: { frontier: Vector; at: number } | null;
}

/** Whether a computer counts as taking part in sync now: heard of within ACTIVE_MS (a clock ahead counts too). */
export function isActive(at: number | null, now: number): boolean {
  return at !== null && now - at <= ACTIVE_MS;
}

/** What a computer knows when it decides how many of its own change files to remove. */
export interface RemovalView {
  /** Its device id. */
  self: string;
  /** The number of its last change file on the server. */
  sent: number;
  /** Its own newest snapshot: what it covers and when its head last named it; null when it has none. */
  ownSnapshot: { frontier: Vector; at: number } | null;
  peers: readonly PeerView[];
  /** Every computer's first change file still on the server (firstKept), this one's included. */
  kept: Readonly<Record<string, number | null>>;
  now: number;
}

/**
 * The highest number up to which this computer may remove its own change files: not past what it has
 * sent, nor past what any active computer has merged of it, nor past what any snapshot that counts
 * covers of it, and 0 when no snapshot counts. A snapshot counts when it is this computer's own or an
 * active computer's, named by a head of the last ACTIVE_MS (every computer judges alike), and when it covers every file already
 * removed (`kept`): each snapshot that counts then covers every removal, so a computer joining later
 * always finds one to start from. A snapshot that covers too little (written by a computer back after
 * a long time) is of no use to anyone and holds nothing back; nor does one named by an old head (its
 * computer only reads since). A computer not heard of for ACTIVE_MS holds nothing back either: when it
 * comes back and finds the files it needs gone, it starts again from a snapshot (`snapshotSuffices`).
 */
export function removableUpTo(view: RemovalView): number {
  const { self, sent, ownSnapshot, peers, kept, now } = view;
  const active = peers.filter((p) => isActive(p.at, now));
  const named = [ownSnapshot, ...active.map((p) => p.snapshot)].flatMap((x) => (x && isActive(x.at, now) ? [x.frontier] : []));
  const counted = named.filter((f) => snapshotSuffices(f, {}, kept));
  if (counted.length === 0) return 0;
  return Math.max(0, Math.min(sent, ...counted.map((f) => f[self] ?? 0), ...active.map((p) => p.floor)));
}

/**
 * How far a computer that writes may remove its own change files: as removableUpTo, and nothing unless its
 * own snapshot counts. Another computer's snapshot can vanish with that computer's folder (deleted on the
 * server, or the computer takes a new identity and removes its old folder) or stop being named by its head
 * (back after a long time); this computer's own snapshot sits in its own folder beside the files, so it goes
 * only with them, and a newer one covers at least as much. Removals that every counting snapshot covers, this
 * one's own among them, then always leave a snapshot for a computer joining later.
 */
export function removableByWriter(view: RemovalView): number {
  const own = view.ownSnapshot;
  if (!own || !isActive(own.at, view.now) || !snapshotSuffices(own.frontier, {}, view.kept)) return 0;
  return removableUpTo(view);
}

/**
 * The first change file of a computer that a reader still needs the file of: the lowest listed, or, when
 * every change file is gone, the one after the number its newest head names. Null when the folder
 * names no change at all.
 */
export function firstKept(changes: readonly number[], heads: readonly number[]): number | null {
  if (changes.length > 0) return Math.min(...changes);
  const top = heads.at(-1);
  return top === undefined ? null : top + 1;
}

/**
 * Whether this computer, having merged `frontier`, is behind what is left of a computer's log: the
 * files it needs next were removed (the lowest one kept is past the one after its last merged).
 */
export function behindRemoved(merged: number, first: number | null): boolean {
  return first !== null && first > merged + 1;
}

/**
 * Whether a snapshot (`snapFrontier`) together with what this computer has merged (`frontier`) lets it
 * read every computer's log on from what is left of it: for each computer, the files before the first
 * kept one are covered. `kept`: each other computer's first kept file (firstKept), by device id.
 */
export function snapshotSuffices(snapFrontier: Vector, frontier: Vector, kept: Readonly<Record<string, number | null>>): boolean {
  return Object.entries(kept).every(([dev, first]) => {
    if (first === null) return true;
    return Math.max(snapFrontier[dev] ?? 0, frontier[dev] ?? 0) >= first - 1;
  });
}

/** What this computer last said it had merged (in its head or its merged file), and when. */
export interface Said {
  seen: Vector;
  at: number;
}

/**
 * Whether to publish a new merged file: this computer has merged something new of another since it last
 * said (`said`, in its head or merged file), or said it MARK_REFRESH_MS ago (so it stays active while it
 * only reads). `seen`: its frontier without itself. A computer that has merged nothing of another has
 * nothing to say: no one waits on it.
 */
export function markDue(said: Said | undefined, seen: Vector, now: number): boolean {
  const merged = Object.entries(seen).filter(([, n]) => n > 0);
  if (merged.length === 0) return false;
  if (!said) return true;
  if (merged.some(([dev, n]) => n > (said.seen[dev] ?? 0))) return true;
  return now - said.at >= MARK_REFRESH_MS;
}

/**
 * A key's heads after a snapshot joins what this computer has: each side's heads of files the other side
 * had not merged, and the heads both still have (a head only one side has, of files both merged, was
 * superseded on the other side by a change this side lacks).
 */
export function joinedHeads(mine: readonly Head[], theirs: readonly Head[], frontier: Vector, snapFrontier: Vector): Head[] {
  const id = (h: Head) => `${h.dev}/${h.seq}`;
  const both = new Set(mine.map(id));
  return [
    ...theirs.filter((h) => h.seq > (frontier[h.dev] ?? 0) || both.has(id(h))),
    ...mine.filter((h) => h.seq > (snapFrontier[h.dev] ?? 0)),
  ];
}
