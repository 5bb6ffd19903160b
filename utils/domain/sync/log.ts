/**
 * The change logs of sync between a coach's computers, and how they merge.
 * Pure: no browser calls.
 *
 * Each computer (a random device id) writes only files of its own: change
 * files numbered 1, 2, 3… Each file names the files of the other computers
 * that its writer had already merged (`seen`, a version vector) and lists, per
 * sync key, the key's new value (or a tombstone) and the value it replaced (as
 * a small delta against the new one, for three-way merges).
 *
 * Files are applied in causal order (a file only after every file it had
 * seen), so for each key a computer keeps the *heads*: the changes no later
 * change has superseded. One head is the value; two or more heads were made
 * concurrently (offline, say) and are folded with the project's own merges
 * (notes three-way with both texts kept, lists by id, the clock's log as a
 * union, settings by field) in one fixed order, so every computer that has
 * the same files shows the same value, whichever order it received them in.
 * A tombstone among the heads wins: a deleted session stays deleted.
 */
import { sameJson } from '../json';

/** For each device, the highest change file number merged. */
export type Vector = Record<string, number>;

/** The value a change replaced, stored as the middle that differs from the new value's JSON. */
export interface Delta {
  /** Characters shared at the start. */
  p: number;
  /** Characters shared at the end. */
  s: number;
  /** The base's middle. */
  m: string;
}

/** One key's change in a change file. */
export interface Change {
  /** The sync key. */
  k: string;
  /** The new value; absent for a tombstone. */
  v?: unknown;
  /** Set on a tombstone. */
  del?: true;
  /** The value replaced (absent: the key had no value before). */
  b?: Delta;
}

/** A change file: what one computer changed in one go. */
export interface ChangeFile {
  dev: string;
  seq: number;
  /** Wall-clock time of writing (epoch ms): orders concurrent heads. */
  at: number;
  /** Files of other devices merged before this one was written. */
  seen: Vector;
  changes: Change[];
}

/** A change that no known change supersedes. */
export interface Head extends Change {
  dev: string;
  seq: number;
  at: number;
}

/** How one sync key's concurrent values combine. */
export interface KeyRule {
  fallback: unknown;
  merge(base: unknown, local: unknown, remote: unknown): unknown;
}

/** A key's merged value: its value, or deleted. */
export type Merged = { deleted: false; value: unknown } | { deleted: true };

/** The value a key has where it has no heads at all. */
export const NOTHING: Merged = { deleted: true };

/** `base` stored as its difference from `value` (both JSON-shaped). */
export function deltaOf(value: unknown, base: unknown): Delta {
  const a = JSON.stringify(value);
  const b = JSON.stringify(base);
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { p, s, m: b.slice(p, b.length - s) };
}

/** The base a delta describes, against the change's new value. */
export function baseOf(value: unknown, delta: Delta): unknown {
  const a = JSON.stringify(value);
  return JSON.parse(a.slice(0, delta.p) + delta.m + a.slice(a.length - delta.s));
}

/** Whether the file's writer had merged `head` before writing it. */
export function covers(file: Pick<ChangeFile, 'dev' | 'seen'>, head: Pick<Head, 'dev' | 'seq'>): boolean {
  return head.dev === file.dev || (file.seen[head.dev] ?? 0) >= head.seq;
}

/** Fixed order of concurrent heads: by time, then device, then number. */
function byStamp(x: Head, y: Head): number {
  return x.at - y.at || (x.dev < y.dev ? -1 : x.dev > y.dev ? 1 : 0) || x.seq - y.seq;
}

/** The ids of a list of records with ids (none for any other value). */
function idsOf(x: unknown): string[] {
  if (!Array.isArray(x)) return [];
  const ids: string[] = [];
  for (const item of x) {
    if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') return [];
    ids.push((item as { id: string }).id);
  }
  return ids;
}

/** The merged value of a key's heads, folded in a fixed order so that every computer gets the same. */
export function mergedOf(heads: readonly Head[] | undefined, rule: KeyRule): Merged {
  if (!heads || heads.length === 0) return NOTHING;
  if (heads.some((h) => h.del)) return { deleted: true };
  const [first, ...rest] = [...heads].sort(byStamp) as [Head, ...Head[]];
  const baseOfHead = (h: Head) => (h.b ? baseOf(h.v, h.b) : rule.fallback);
  let value = first.v;
  // For lists by id: the ids this side has ever had. A head's base may hold records this side never
  // saw (its writer had merged more); they count as added by that head, not as removed here.
  const known = new Set([...idsOf(baseOfHead(first)), ...idsOf(first.v)]);
  for (const h of rest) {
    let base = baseOfHead(h);
    const baseIds = idsOf(base);
    if (baseIds.length > 0) base = (base as { id: string }[]).filter((x) => known.has(x.id));
    value = rule.merge(base, value, h.v);
    for (const id of [...baseIds, ...idsOf(h.v)]) known.add(id);
  }
  return { deleted: false, value };
}

/** The heads of a key after a change file that carries `change` is applied. */
function withChange(heads: readonly Head[] | undefined, file: ChangeFile, change: Change): Head[] {
  const kept = (heads ?? []).filter((h) => !covers(file, h));
  return [...kept, { ...change, dev: file.dev, seq: file.seq, at: file.at }];
}

/**
 * A local change of one key: the current local value (`undefined`: removed)
 * against the key's merged value. Null when they agree.
 */
function changeOf(key: string, local: unknown, merged: Merged, again: Merged | null): Change | null {
  if (local === undefined) return merged.deleted ? null : { k: key, del: true };
  // Sent again: the value, against what the others may have had of it.
  if (again) return again.deleted ? { k: key, v: local } : { k: key, v: local, b: deltaOf(local, again.value) };
  if (!merged.deleted && sameJson(local, merged.value)) return null;
  return merged.deleted ? { k: key, v: local } : { k: key, v: local, b: deltaOf(local, merged.value) };
}

/** Whether a remote file can be applied now: it is the device's next one, and everything it saw is here. */
function isDeliverable(file: Pick<ChangeFile, 'dev' | 'seq' | 'seen'>, frontier: Vector): boolean {
  if (file.seq !== (frontier[file.dev] ?? 0) + 1) return false;
  return Object.entries(file.seen).every(([dev, seq]) => dev === file.dev || (frontier[dev] ?? 0) >= seq);
}

/**
 * What a computer does with its local value of a key when a sync changes the
 * merged value from `before` to `after`: unchanged locally since `before`, it
 * takes `after`; edited meanwhile (not yet recorded), it merges three-way and
 * the edit stays to be recorded by the next sync.
 */
export function localAfter(before: Merged, local: unknown, after: Merged, rule: KeyRule): Merged {
  if (after.deleted) return after;
  // Removed here since (a session deleted a moment ago): it stays removed, and the next sync records it.
  if (local === undefined) return before.deleted ? after : { deleted: true };
  if (!before.deleted && sameJson(local, before.value)) return after;
  const base = before.deleted ? rule.fallback : before.value;
  return { deleted: false, value: rule.merge(base, local, after.value) };
}

/** What one computer knows of the sync: its device id, the files it has merged, and the heads of the keys asked for. */
export interface Replica {
  dev: string;
  frontier: Vector;
  heads: Map<string, Head[]>;
}

/** Apply a change file to the heads (in place); returns the keys it changed. */
export function applyFile(replica: Replica, file: ChangeFile): string[] {
  for (const change of file.changes) replica.heads.set(change.k, withChange(replica.heads.get(change.k), file, change));
  replica.frontier[file.dev] = Math.max(replica.frontier[file.dev] ?? 0, file.seq);
  return file.changes.map((c) => c.k);
}

/**
 * Record this computer's local values of some keys (`undefined`: removed) as
 * its next change file, and apply it; null when nothing differs from the merged values.
 * `again`: every value is recorded, unchanged ones too (a computer sending
 * everything again under a new identity, its earlier files being gone),
 * against the value the others had: the key's entry in `again` when it has
 * one (the base of a change never sent), else the merged value.
 */
export function recordChanges(
  replica: Replica,
  locals: ReadonlyMap<string, unknown>,
  ruleFor: (key: string) => KeyRule,
  at: number,
  again?: ReadonlyMap<string, Merged>,
): ChangeFile | null {
  const changes: Change[] = [];
  for (const [key, local] of locals) {
    const merged = mergedOf(replica.heads.get(key), ruleFor(key));
    const base = again ? (again.get(key) ?? merged) : null;
    const change = changeOf(key, local, merged, base);
    if (change) changes.push(change);
  }
  if (changes.length === 0) return null;
  const { [replica.dev]: _own, ...seen } = replica.frontier;
  const file: ChangeFile = { dev: replica.dev, seq: (replica.frontier[replica.dev] ?? 0) + 1, at, seen, changes };
  applyFile(replica, file);
  return file;
}

/**
 * The files that can be applied, in an order that applies each after
 * everything it had seen; files already merged are skipped, and a file whose
 * predecessors are missing waits.
 */
export function causalOrder<F extends Pick<ChangeFile, 'dev' | 'seq' | 'seen'>>(files: readonly F[], frontier: Vector): F[] {
  const at: Vector = { ...frontier };
  const pending = files.filter((f) => f.seq > (frontier[f.dev] ?? 0));
  const ordered: F[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const file = pending[i] as F;
      if (isDeliverable(file, at)) {
        ordered.push(file);
        at[file.dev] = file.seq;
        pending.splice(i, 1);
        i--;
        progress = true;
      }
    }
  }
  return ordered;
}

/**
 * What the others had of each key changed in files never sent: the base of the
 * earliest change of the key among them (no base: the key was new then).
 */
export function basesBefore(unsent: readonly ChangeFile[]): Map<string, Merged> {
  const bases = new Map<string, Merged>();
  for (const file of [...unsent].sort((x, y) => x.seq - y.seq)) {
    for (const c of file.changes) {
      if (bases.has(c.k) || c.del) continue;
      bases.set(c.k, c.b ? { deleted: false, value: baseOf(c.v, c.b) } : NOTHING);
    }
  }
  return bases;
}
