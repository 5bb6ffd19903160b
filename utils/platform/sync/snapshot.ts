/**
 * Snapshots (a platform adapter): now and then a computer writes everything it
 * has merged, the heads of every key with the files they cover, as one
 * encrypted file `s<n>`; a computer joining reads the snapshot that covers
 * most, then only the change files after it. The cost of joining grows with
 * the data, not with how often it was edited. A computer that is behind what
 * is left of another's log (files removed once every active computer had
 * merged them, prune.ts, while it was away) starts again from a snapshot the same way.
 */

import { snapshotDue } from '../../domain/sync/gaps';
import type { SyncKeyRule } from '../../domain/sync/keys';
import { type Head, mergedOf, type Vector } from '../../domain/sync/log';
import { behindRemoved, firstKept, joinedHeads, snapshotSuffices } from '../../domain/sync/prune';
import { writeLocal } from './local';
import { type DeviceFolder, type HeadFile, readHead, readSnapshot, type SnapshotFile, writeSnapshot } from './server';
import * as state from './state';
import type { DavClient } from './webdav';

/** How many files, of all computers, a frontier covers. */
const coverage = (frontier: Vector) => Object.values(frontier).reduce((a, b) => a + b, 0);

/**
 * After an upload of `sentBytes`: write a snapshot when the change files since the last one outweigh it,
 * or are many (gaps.ts snapshotDue).
 * Returns what the head says of this computer's newest snapshot.
 */
export async function snapshotIfDue(
  client: DavClient,
  key: CryptoKey,
  sentBytes: number,
  older: readonly number[],
  now: number,
): Promise<HeadFile['snap']> {
  const meta = await state.readMeta();
  // The first upload is everything this computer had: it stands for a snapshot (no copy of the same data beside it).
  if (!meta.snap) {
    await state.saveMeta({ ...meta, snap: { seq: 0, bytes: sentBytes, covers: coverage(meta.frontier), since: 0 } });
    return undefined;
  }
  const since = meta.snap.since + sentBytes;
  // Files merged since, of every computer, this one's own included: a snapshot far behind would hold back
  // the others' removals (prune.ts), so it is written anew after many, whatever their size.
  const files = coverage(meta.frontier) - meta.snap.covers;
  const seq = meta.frontier[meta.dev] ?? 0;
  if (!snapshotDue(since, meta.snap.bytes, files) || seq === 0) {
    const { seq: at, covers, frontier } = meta.snap;
    await state.saveMeta({ ...meta, snap: { ...meta.snap, since } });
    return at > 0 ? { seq: at, covers, ...(frontier ? { frontier } : {}) } : undefined;
  }
  const heads = await state.readHeadsWithPrefix('');
  const frontier = { ...meta.frontier };
  const snap: SnapshotFile = { dev: meta.dev, seq, at: now, frontier, heads: [...heads] };
  const bytes = await writeSnapshot(client, key, snap, older);
  const covers = coverage(frontier);
  await state.saveMeta({ ...meta, snap: { seq, bytes, covers, since: 0, frontier } });
  return { seq, covers, frontier };
}

/** Whether this computer has merged any file of another computer (a computer that has not is joining). */
export function mergedOthers(meta: state.SyncMeta): boolean {
  return Object.entries(meta.frontier).some(([dev, seq]) => dev !== meta.dev && seq > 0);
}

/** Each other computer's first change file still on the server (domain/sync/prune.ts firstKept). */
function keptOf(folders: ReadonlyMap<string, DeviceFolder>): Record<string, number | null> {
  return Object.fromEntries([...folders].map(([dev, f]) => [dev, firstKept(f.changes, f.heads)]));
}

/**
 * The snapshot that covers most among the computers' heads and, with what this computer has merged
 * (`frontier`), leaves out no file it needs that is gone; or null.
 */
async function bestSnapshot(
  client: DavClient,
  key: CryptoKey,
  folders: ReadonlyMap<string, DeviceFolder>,
  frontier: Vector,
): Promise<SnapshotFile | null> {
  const kept = keptOf(folders);
  const candidates: { dev: string; seq: number; covers: number }[] = [];
  for (const [dev, folder] of folders) {
    const top = folder.heads.at(-1);
    if (top === undefined) continue;
    const head = await readHead(client, key, dev, top);
    if (!head || head === 'refused' || !head.snap || !folder.snapshots.includes(head.snap.seq)) continue;
    // A head that says what its snapshot covers spares the download of one that would not do.
    if (head.snap.frontier && !snapshotSuffices(head.snap.frontier, frontier, kept)) continue;
    candidates.push({ dev, seq: head.snap.seq, covers: head.snap.covers });
  }
  for (const best of candidates.sort((x, y) => y.covers - x.covers)) {
    const snap = await readSnapshot(client, key, best.dev, best.seq);
    if (snap && snap !== 'refused' && snapshotSuffices(snap.frontier, frontier, kept)) return snap;
  }
  return null;
}

/** Whether this computer starts from a snapshot: it has merged nothing of the others yet, or files it needs were removed. */
function needsSnapshot(meta: state.SyncMeta, folders: ReadonlyMap<string, DeviceFolder>): boolean {
  if (folders.size === 0) return false;
  if (!mergedOthers(meta)) return true;
  return Object.entries(keptOf(folders)).some(([dev, first]) => behindRemoved(meta.frontier[dev] ?? 0, first));
}

/**
 * A computer that has merged nothing of the others yet, or is behind what is left of another's log (away
 * while files were removed), starts from the best snapshot: its heads join this computer's own, and
 * storage takes the merged values through the same journal as every applied file. False when there is
 * none to start from (the reading then says which file is missing).
 */
export async function joinFromSnapshot(
  client: DavClient,
  key: CryptoKey,
  folders: ReadonlyMap<string, DeviceFolder>,
  ruleFor: (k: string) => SyncKeyRule,
): Promise<boolean> {
  const meta = await state.readMeta();
  if (!needsSnapshot(meta, folders)) return false;
  const snap = await bestSnapshot(client, key, folders, meta.frontier);
  if (!snap) return false;
  const keys = snap.heads.map(([k]) => k);
  const current = await state.readHeads(keys);
  const before = new Map(keys.map((k) => [k, mergedOf(current.get(k), ruleFor(k))]));
  const heads = new Map<string, Head[]>();
  for (const [k, theirs] of snap.heads) heads.set(k, joinedHeads(current.get(k) ?? [], theirs, meta.frontier, snap.frontier));
  const frontier: Vector = { ...meta.frontier };
  for (const [dev, seq] of Object.entries(snap.frontier)) if (dev !== meta.dev) frontier[dev] = Math.max(frontier[dev] ?? 0, seq);
  // Coming back: its own snapshot, of before, would hold back the others' removals; the next upload starts anew.
  const { snap: _old, ...rest } = meta;
  const next = mergedOthers(meta) ? rest : meta;
  await state.commit({ meta: { ...next, frontier }, heads, applying: before });
  await writeLocal(before, heads, ruleFor);
  await state.clearApplying();
  return true;
}
