/**
 * Snapshots (a platform adapter): now and then a computer writes everything it
 * has merged, the heads of every key with the files they cover, as one
 * encrypted file `s<n>`; a computer joining reads the snapshot that covers
 * most, then only the change files after it. The cost of joining grows with
 * the data, not with how often it was edited.
 */

import { snapshotDue } from '../../domain/sync/gaps';
import type { SyncKeyRule } from '../../domain/sync/keys';
import { type Head, mergedOf, type Vector } from '../../domain/sync/log';
import { writeLocal } from './local';
import { type HeadFile, listDevice, readHead, readSnapshot, type SnapshotFile, writeSnapshot } from './server';
import * as state from './state';
import type { DavClient } from './webdav';

/** How many files, of all computers, a frontier covers. */
const coverage = (frontier: Vector) => Object.values(frontier).reduce((a, b) => a + b, 0);

/**
 * After an upload of `sentBytes`: write a snapshot when the change files since the last one outweigh it.
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
    await state.saveMeta({ ...meta, snap: { seq: 0, bytes: sentBytes, covers: 0, since: 0 } });
    return undefined;
  }
  const since = meta.snap.since + sentBytes;
  const seq = meta.frontier[meta.dev] ?? 0;
  if (!snapshotDue(since, meta.snap.bytes) || seq === 0) {
    await state.saveMeta({ ...meta, snap: { ...meta.snap, since } });
    return meta.snap.seq > 0 ? { seq: meta.snap.seq, covers: meta.snap.covers } : undefined;
  }
  const heads = await state.readHeadsWithPrefix('');
  const snap: SnapshotFile = { dev: meta.dev, seq, at: now, frontier: { ...meta.frontier }, heads: [...heads] };
  const bytes = await writeSnapshot(client, key, snap, older);
  const covers = coverage(snap.frontier);
  await state.saveMeta({ ...meta, snap: { seq, bytes, covers, since: 0 } });
  return { seq, covers };
}

/** Whether this computer has merged any file of another computer (a computer that has not is joining). */
export function mergedOthers(meta: state.SyncMeta): boolean {
  return Object.entries(meta.frontier).some(([dev, seq]) => dev !== meta.dev && seq > 0);
}

/** The snapshot that covers most among the computers' heads, or null. */
async function bestSnapshot(client: DavClient, key: CryptoKey, devices: readonly string[]): Promise<SnapshotFile | null> {
  let best: { dev: string; seq: number; covers: number } | null = null;
  for (const dev of devices) {
    const folder = await listDevice(client, dev);
    const top = folder?.heads.at(-1);
    if (!folder || top === undefined) continue;
    const head = await readHead(client, key, dev, top);
    if (!head || head === 'refused' || !head.snap || !folder.snapshots.includes(head.snap.seq)) continue;
    if (!best || head.snap.covers > best.covers) best = { dev, seq: head.snap.seq, covers: head.snap.covers };
  }
  if (!best) return null;
  const snap = await readSnapshot(client, key, best.dev, best.seq);
  return snap && snap !== 'refused' ? snap : null;
}

/**
 * A computer that has merged nothing of the others yet starts from the best snapshot: its heads join
 * this computer's own (those the snapshot does not cover), and storage takes the merged values through
 * the same journal as every applied file. False when there is none to start from.
 */
export async function joinFromSnapshot(
  client: DavClient,
  key: CryptoKey,
  devices: readonly string[],
  ruleFor: (k: string) => SyncKeyRule,
): Promise<boolean> {
  const meta = await state.readMeta();
  const others = devices.filter((d) => d !== meta.dev);
  if (others.length === 0 || mergedOthers(meta)) return false;
  const snap = await bestSnapshot(client, key, others);
  if (!snap) return false;
  const keys = snap.heads.map(([k]) => k);
  const current = await state.readHeads(keys);
  const before = new Map(keys.map((k) => [k, mergedOf(current.get(k), ruleFor(k))]));
  const heads = new Map<string, Head[]>();
  for (const [k, theirs] of snap.heads) {
    const own = (current.get(k) ?? []).filter((h) => (snap.frontier[h.dev] ?? 0) < h.seq);
    heads.set(k, [...theirs, ...own]);
  }
  const frontier: Vector = { ...meta.frontier };
  for (const [dev, seq] of Object.entries(snap.frontier)) if (dev !== meta.dev) frontier[dev] = Math.max(frontier[dev] ?? 0, seq);
  await state.commit({ meta: { ...meta, frontier }, heads, applying: before });
  await writeLocal(before, heads, ruleFor);
  await state.clearApplying();
  return true;
}
