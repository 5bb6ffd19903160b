/**
 * Removing change files every computer has merged (a platform adapter; the
 * rule is domain/sync/prune.ts). After each sync's merge a computer says what
 * it has merged of the others when that is new (a merged file `m<k>`; one that
 * writes says it in its head too), reads what the others say of it (only the
 * heads and merged files that are new since it last looked), and removes its
 * own change files up to the number every active computer has merged and a
 * snapshot covers. The number is kept before the first file goes, so a sync
 * stopped in between takes up the removal again and never mistakes the
 * removed files for files lost.
 */

import { firstKept, markDue, type PeerView, REMOVALS_PER_SYNC, removableByWriter } from '../../domain/sync/prune';
import { type DeviceFolder, readHead, readMark, removeChangeFile, writeMark } from './server';
import * as state from './state';
import type { DavClient } from './webdav';

/**
 * What another computer says of this one (`self`), from its newest head and merged file. A file listed
 * that does not open (replaced a moment ago, altered) holds everything back this time, and is read
 * again next time (its number is not kept): a computer is never taken for away because of a file.
 */
async function viewOf(
  client: DavClient,
  key: CryptoKey,
  self: string,
  dev: string,
  folder: DeviceFolder,
  now: number,
): Promise<state.PeerNote> {
  const headAt = folder.heads.at(-1) ?? 0;
  const markAt = folder.marks.at(-1) ?? 0;
  const view: PeerView = { at: null, floor: 0, snapshot: null };
  const unread: state.PeerNote = { head: -1, mark: -1, view: { at: now, floor: 0, snapshot: null } };
  const head = headAt > 0 ? await readHead(client, key, dev, headAt) : null;
  if (headAt > 0 && (head === null || head === 'refused')) return unread;
  if (head && head !== 'refused') {
    view.at = head.at;
    view.floor = head.seen[self] ?? 0;
    // Its snapshot counts when it is there and says what it covers.
    if (head.snap?.frontier && folder.snapshots.includes(head.snap.seq)) view.snapshot = { frontier: head.snap.frontier, at: head.at };
  }
  const mark = markAt > 0 ? await readMark(client, key, dev, markAt) : null;
  if (markAt > 0 && (mark === null || mark === 'refused')) return unread;
  if (mark && mark !== 'refused') {
    view.at = Math.max(view.at ?? 0, mark.at);
    view.floor = Math.max(view.floor, mark.seen[self] ?? 0);
  }
  return { head: headAt, mark: markAt, view };
}

/** What every other computer says of this one; a head or merged file read before is not read again. */
async function peersOf(client: DavClient, key: CryptoKey, meta: state.SyncMeta, folders: ReadonlyMap<string, DeviceFolder>, now: number) {
  const notes: Record<string, state.PeerNote> = {};
  for (const [dev, folder] of folders) {
    const known = meta.peers?.[dev];
    const fresh = known && known.head === (folder.heads.at(-1) ?? 0) && known.mark === (folder.marks.at(-1) ?? 0);
    notes[dev] = fresh ? known : await viewOf(client, key, meta.dev, dev, folder, now);
  }
  return notes;
}

/**
 * After a sync's merge (step 6): say what this computer has merged when due, and remove its own change
 * files every active computer has merged and a snapshot covers. `own`: its folder as listed at the start
 * of the sync; `folders`: the others'. Returns the numbers of the files removed.
 */
export async function afterMerge(
  client: DavClient,
  key: CryptoKey,
  own: DeviceFolder | null,
  folders: ReadonlyMap<string, DeviceFolder>,
  now: number,
): Promise<number[]> {
  let meta = await state.readMeta();
  const { [meta.dev]: _own, ...seen } = meta.frontier;
  if (markDue(meta.said, seen, now)) {
    await client.mkcol(`${meta.dev}/`);
    await writeMark(client, key, { dev: meta.dev, at: now, seen }, own?.marks ?? []);
    meta = { ...meta, said: { seen, at: now } };
    await state.saveMeta(meta);
  }
  const outbox = await state.readOutbox();
  const sent = outbox.length > 0 ? (outbox[0]?.seq ?? 1) - 1 : (meta.frontier[meta.dev] ?? 0);
  const listed = (own?.changes ?? []).filter((n) => n <= sent);
  if (listed.length === 0) return [];
  const peers = await peersOf(client, key, meta, folders, now);
  const kept: Record<string, number | null> = { [meta.dev]: firstKept(listed, own?.heads ?? []) };
  for (const [dev, folder] of folders) kept[dev] = firstKept(folder.changes, folder.heads);
  const snap = meta.snap;
  // Its snapshot counts only once a head on the server names it (`named`): a sync stopped between writing the
  // snapshot and the head leaves it unnamed, and a computer joining starts only from snapshots heads name.
  const ownSnapshot =
    snap && snap.seq > 0 && snap.named !== undefined ? { frontier: snap.frontier ?? { [meta.dev]: snap.seq }, at: snap.named } : null;
  const limit = removableByWriter({ self: meta.dev, sent, ownSnapshot, peers: Object.values(peers).map((p) => p.view), kept, now });
  // No further than the files removed in this sync: the others read how far a computer removed from what
  // is left (`kept`), and a snapshot counts for them only when it covers that.
  const doomed = listed.filter((n) => n <= Math.max(limit, meta.removed ?? 0)).slice(0, REMOVALS_PER_SYNC);
  // Kept first: a sync stopped in the middle of the removals finds the number and goes on with them.
  const removed = Math.max(meta.removed ?? 0, doomed.at(-1) ?? 0);
  await state.saveMeta({ ...meta, peers, removed });
  const done: number[] = [];
  for (const n of doomed) {
    // A server that refuses a removal only keeps a file more; the next sync tries again.
    const gone = await removeChangeFile(client, meta.dev, n).then(
      () => true,
      () => false,
    );
    if (gone) done.push(n);
  }
  return done;
}
