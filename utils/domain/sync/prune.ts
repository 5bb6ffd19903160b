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
   * How far its newest snapshot covers this computer's files (that snapshot's frontier of this computer),
   * or null when it has no snapshot, or one that does not say.
   */
  snapshot: number | null;
}

/** Whether a computer counts as taking part in sync now: heard of within ACTIVE_MS (a clock ahead counts too). */
export function isActive(at: number | null, now: number): boolean {
  return at !== null && now - at <= ACTIVE_MS;
}

/**
 * The highest number up to which this computer may remove its own change files: not past what it has
 * sent (`sent`), nor past what any active computer has merged of it, nor past what every active
 * computer's snapshot covers of it (its own, `ownSnapshot`, included), and 0 unless at least one
 * snapshot covers them. A computer not heard of for ACTIVE_MS holds nothing back: when it comes back
 * and finds the files it needs gone, it starts again from a snapshot (`snapshotSuffices`).
 */
export function removableUpTo(sent: number, ownSnapshot: number | null, peers: readonly PeerView[], now: number): number {
  const active = peers.filter((p) => isActive(p.at, now));
  const snapshots = [ownSnapshot, ...active.map((p) => p.snapshot)].filter((s): s is number => s !== null);
  if (snapshots.length === 0) return 0;
  return Math.max(0, Math.min(sent, ...snapshots, ...active.map((p) => p.floor)));
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
