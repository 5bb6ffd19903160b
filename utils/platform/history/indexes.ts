/**
 * The history's two indexes as the background holds them (a platform adapter),
 * and their persistence: the session index (one small entry per session) in
 * extension storage, the full-text index in IndexedDB (a small head record, and
 * one record per shard, read when a search first needs it), and the two small
 * records the options page reads (the head, the revision) in `storage.session`.
 */
import { FULL_TEXT_VERSION } from '../../domain/history/full-text';
import { historyHead } from '../../domain/history/records';
import { EMPTY_INDEX, INDEX_VERSION, packIndex, type SessionIndex, unpackIndex } from '../../domain/history/session-index';
import {
  beginCompaction,
  compactShard,
  finishCompaction,
  freezeShard,
  freshCount,
  isSegment,
  newTextIndex,
  type Segment,
  storedTextIndex,
  type TextIndex,
  wantsCompaction,
} from '../../domain/history/text-index';
import { sameJson } from '../../domain/json';
import type { SessionMeta } from '../../domain/model';
import { idbClear, idbGet, idbGetMany, idbSet, idbWrite } from '../idb';
import { readChecked } from '../storage';
import { isStored } from '../storage-area';
import { QUICK_KEY, quickHead } from './quick-start';
import { historyHeadStore, historyRevisionStore } from './records-store';
import { indexStore, readIndex } from './session-index-store';

const SNAPSHOT_KEY = 'fullText';
/** A copy of the session index as the keeper last saved it (read back six to ten times faster than extension storage). */
const META_COPY_KEY = 'sessionIndex';
const UNSAVED_KEY = 'fullTextUnsaved';
/** Each shard of the full-text index is kept under this prefix and its key. */
const SHARD_PREFIX = 'fullText.';

/** The full-text index's head as saved: its version, the sessions by number, a checksum of each one's text, its shards. */
interface Snapshot {
  version: number;
  /** Session id by number (null: a number out of use). */
  ids: (string | null)[];
  /** CRC-32 of each session's indexed text, by number (a text that did not change is not indexed again). */
  sums: string[];
  /** The keys of the shards stored. */
  shards: string[];
}

const isSnapshot = (x: Snapshot | undefined): x is Snapshot =>
  x?.version === FULL_TEXT_VERSION &&
  Array.isArray(x.ids) &&
  Array.isArray(x.sums) &&
  x.sums.length === x.ids.length &&
  Array.isArray(x.shards);

/** Both indexes in memory, and how far a build got. */
export interface Indexes {
  meta: SessionIndex;
  text: TextIndex;
  /** Sessions in the full-text index, with a checksum of the text indexed for each. */
  textIds: Set<string>;
  sums: Map<string, string>;
  /** Sessions whose words changed since the index was loaded or built, not yet indexed again. */
  stale: Set<string>;
  /** Sessions indexed since the last save (kept in IndexedDB, so a worker stopped before saving catches up). */
  unsaved: Set<string>;
  /**
   * Sessions changed in storage and not indexed yet (the keeper's, shared): kept in the same stored list
   * ahead of their indexing, so a worker stopped between a change and its indexing indexes them at its next start.
   */
  ahead: Set<string>;
  stored: number;
  prepared: number;
  /** While a build runs: the sessions it has still to index, newest first (a search scans these). */
  pending: SessionMeta[];
  /** The stamp of the session index as loaded from the copy or last saved. */
  metaStamp: string | null;
  /** Whether the session index in memory is known to be the one in extension storage (checkMeta). */
  metaChecked: boolean;
}

/** The keeper's copy of the session index in IndexedDB: the stamp of the save, the packed index as JSON. */
interface MetaCopy {
  stamp: string;
  json: string;
}

/** The session index from the keeper's copy in IndexedDB, or null when there is none that fits. */
async function readMetaCopy(): Promise<{ meta: SessionIndex; stamp: string } | null> {
  const copy = await idbGet<MetaCopy>(META_COPY_KEY).catch(() => undefined);
  if (typeof copy?.stamp !== 'string' || typeof copy.json !== 'string') return null;
  try {
    const meta = unpackIndex(JSON.parse(copy.json));
    return meta ? { meta, stamp: copy.stamp } : null;
  } catch {
    return null;
  }
}

const usable = (meta: SessionIndex): SessionIndex =>
  meta.version === INDEX_VERSION ? { version: INDEX_VERSION, entries: { ...meta.entries } } : { ...EMPTY_INDEX, entries: {} };

/**
 * Make sure the session index in memory is the one in extension storage before anything is written from it
 * (it was loaded from the copy, which a page's own rebuild or a worker stopped between two writes leaves
 * behind). Returns true when it was not, and was replaced by the stored one.
 */
export async function checkMeta(ix: Indexes): Promise<boolean> {
  if (ix.metaChecked) return false;
  const stored = (await readChecked(indexStore)).value;
  if (ix.metaChecked) return false;
  ix.metaChecked = true;
  if (stored.stamp !== undefined && stored.stamp === ix.metaStamp && stored.version === ix.meta.version) return false;
  ix.meta = usable(unpackIndex(stored) ?? EMPTY_INDEX);
  ix.metaStamp = stored.stamp ?? null;
  return true;
}

/**
 * Both indexes as saved. An index of another format (an update that changed it) is not used: it is
 * built again, newest first; one of the same format survives the update as it is.
 */
export async function loadIndexes(ahead: Set<string> = new Set()): Promise<Indexes> {
  const ix = await loadTextPart(ahead);
  await loadMetaPart(ix);
  return ix;
}

/**
 * The full-text index's head and the list of sessions indexed since its last save, with an empty session
 * index in place (loadMetaPart reads it): a worker's first answers need no more (quick-start.ts).
 */
export async function loadTextPart(ahead: Set<string> = new Set()): Promise<Indexes> {
  const [snapshot, unsaved] = await Promise.all([
    idbGet<Snapshot>(SNAPSHOT_KEY).catch(() => undefined),
    idbGet<string[]>(UNSAVED_KEY).catch(() => undefined),
  ]);
  // Only the head: the shards are read when a search or a save first needs them.
  const saved = isSnapshot(snapshot) ? snapshot : null;
  const pending = new Set(Array.isArray(unsaved) ? unsaved : []);
  const sums = new Map<string, string>();
  saved?.ids.forEach((id, n) => {
    if (id !== null) sums.set(id, saved.sums[n] ?? '');
  });
  return {
    meta: { ...EMPTY_INDEX, entries: {} },
    metaStamp: null,
    metaChecked: false,
    text: saved ? storedTextIndex(saved.ids, saved.shards) : newTextIndex(),
    textIds: new Set(sums.keys()),
    sums,
    stale: new Set(pending),
    unsaved: pending,
    ahead,
    stored: 0,
    prepared: 0,
    pending: [],
  };
}

/**
 * Read the session index into `ix`: from the keeper's copy in IndexedDB (6.4 MB at 50,000 sessions: read
 * from extension storage, it took most of a worker's first answer), checked against extension storage
 * before anything is written (checkMeta); from extension storage when there is no copy.
 */
export async function loadMetaPart(ix: Indexes): Promise<void> {
  const copy = await readMetaCopy();
  // The copy was just parsed, shared with no one: used as it is (copying 50,000 entries takes a while).
  ix.meta = copy ? (copy.meta.version === INDEX_VERSION ? copy.meta : { ...EMPTY_INDEX, entries: {} }) : usable(await readIndex());
  ix.metaStamp = copy?.stamp ?? null;
  ix.metaChecked = copy === null;
}

/** Shards being read, so two searches at once read each one once. */
const reading = new WeakMap<TextIndex, Map<string, Promise<void>>>();

/**
 * Read these shards of the full-text index into memory (those not there yet). A shard that is missing
 * or damaged empties the full-text index: every session is indexed again at the next check.
 */
export function loadShards(ix: Indexes, keys: readonly string[]): Promise<void> {
  const text = ix.text;
  const inFlight = reading.get(text) ?? new Map<string, Promise<void>>();
  reading.set(text, inFlight);
  const wanted = keys.filter((key) => text.unloaded.has(key));
  const toRead = wanted.filter((key) => !inFlight.has(key));
  if (toRead.length > 0) {
    const read = idbGetMany<Segment>(toRead.map((key) => SHARD_PREFIX + key))
      .catch(() => toRead.map(() => undefined))
      .then((values) => {
        // Read meanwhile by another, or the index replaced: only what is still missing is taken.
        if (ix.text !== text) return;
        let damaged = false;
        toRead.forEach((key, i) => {
          if (!text.unloaded.has(key)) return;
          const value = values[i];
          if (isSegment(value)) text.segments.set(key, value);
          else damaged = true;
          text.unloaded.delete(key);
        });
        if (damaged) forgetText(ix);
      })
      .finally(() => {
        for (const key of toRead) inFlight.delete(key);
      });
    for (const key of toRead) inFlight.set(key, read);
  }
  return Promise.all(wanted.map((key) => inFlight.get(key))).then(() => undefined);
}

/** Start the full-text index again, empty: every session is indexed again at the next check. */
function forgetText(ix: Indexes): void {
  ix.text = newTextIndex();
  ix.textIds.clear();
  ix.sums.clear();
}

/**
 * Every session gone (everything deleted): what the history keeps in IndexedDB goes whole, the words of
 * the deleted notes with it (a frozen shard keeps a dropped session's words until it is compacted).
 * Whether there was anything to remove.
 */
export async function clearStoredText(ix: Indexes): Promise<boolean> {
  const text = ix.text;
  if (text.ids.length === 0 && text.segments.size === 0 && text.unloaded.size === 0 && text.fresh.size === 0) return false;
  forgetText(ix);
  ix.unsaved.clear();
  ix.metaStamp = null;
  await idbClear();
  if (ix.ahead.size > 0) await saveUnsavedList(ix);
  return true;
}

/** Whether a session is in both indexes with its current words. */
export const isIndexed = (ix: Indexes, id: string): boolean => id in ix.meta.entries && ix.textIds.has(id) && !ix.stale.has(id);

/** Save the session index (extension storage). */
export async function saveMeta(ix: Indexes): Promise<void> {
  const packed = packIndex(ix.meta);
  const stamp = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
  await indexStore.item.setValue({ ...packed, stamp });
  ix.metaStamp = stamp;
  ix.metaChecked = true;
  // The copy and the quick start second: a worker stopped in between leaves older ones, found out by their stamp.
  const copies = new Map<string, unknown>([
    [META_COPY_KEY, { stamp, json: JSON.stringify(packed) } satisfies MetaCopy],
    [QUICK_KEY, quickHead(ix.meta, packed, stamp)],
  ]);
  await idbWrite(copies).catch(() => undefined);
}

/** Whether the session index is stored at all (a new install stores its empty one: pages read a stored one). */
export function metaStored(): Promise<boolean> {
  return isStored(indexStore);
}

/**
 * Sessions with words not frozen yet below this count are not saved in the index: the list of sessions
 * indexed since the last save is, and a worker that starts again indexes those few again (a save freezes
 * every shard they touch, megabytes at 50,000 sessions, too much for each edit of a note).
 */
const FREEZE_MIN = 20;

/**
 * Save the full-text index (IndexedDB): the shards with words added since the last save, frozen (or every
 * shard, numbered afresh, when many texts were replaced or dropped), and the head, in one transaction;
 * then the list of sessions indexed since (none). A shard at a time, with the worker's other events
 * between two. `all`: freeze however few sessions changed (a build's end).
 */
export async function saveText(ix: Indexes, all = true): Promise<void> {
  const text = ix.text;
  if (!all && freshCount(text) < FREEZE_MIN && !wantsCompaction(text)) return saveUnsavedList(ix);
  const saved = new Set(ix.unsaved);
  const full = wantsCompaction(text);
  await loadShards(ix, full ? [...text.unloaded] : [...text.fresh.keys()]);
  // The index was found damaged while its shards were read: the next check builds it again.
  if (ix.text !== text) return;
  const before = [...text.segments.keys(), ...text.unloaded];
  let changed: Map<string, Segment>;
  if (full) {
    const job = beginCompaction(text);
    for (const key of job.keys) {
      compactShard(text, job, key);
      await yieldToEvents();
      if (ix.text !== text) return;
    }
    changed = finishCompaction(text, job);
  } else {
    changed = new Map();
    for (const key of [...text.fresh.keys()]) {
      changed.set(key, freezeShard(text, key));
      await yieldToEvents();
      if (ix.text !== text) return;
    }
  }
  const ids = text.ids;
  const snapshot: Snapshot = {
    version: FULL_TEXT_VERSION,
    ids: [...ids],
    sums: ids.map((id) => (id === null ? '' : (ix.sums.get(id) ?? ''))),
    shards: [...new Set([...text.segments.keys(), ...text.unloaded])],
  };
  const puts = new Map<string, unknown>([[SNAPSHOT_KEY, snapshot]]);
  for (const [key, segment] of changed) puts.set(SHARD_PREFIX + key, segment);
  const gone = full ? before.filter((key) => !changed.has(key)).map((key) => SHARD_PREFIX + key) : [];
  await idbWrite(puts, gone);
  for (const id of saved) ix.unsaved.delete(id);
  await saveUnsavedList(ix);
}

/** Let the worker's queued events run (a message from a page, a storage change). */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Keep the list of sessions indexed since the last save, and of those changed and not indexed yet (a worker
 * stopped before the save, or before the indexing, indexes them again).
 */
export function saveUnsavedList(ix: Indexes): Promise<void> {
  const list = [...new Set([...ix.unsaved, ...ix.ahead])];
  // None: no list at all (after everything was deleted, nothing of the history stays in IndexedDB).
  return list.length > 0 ? idbSet(UNSAVED_KEY, list) : idbWrite(new Map(), [UNSAVED_KEY]);
}

/** Add sessions to the stored list before any index is loaded (the write-ahead of a change; see `Indexes.ahead`). */
export async function addToUnsavedList(ids: readonly string[]): Promise<void> {
  const stored = await idbGet<string[]>(UNSAVED_KEY).catch(() => undefined);
  const list = new Set(Array.isArray(stored) ? stored : []);
  const size = list.size;
  for (const id of ids) list.add(id);
  if (list.size > size) await idbSet(UNSAVED_KEY, [...list]);
}

/**
 * The options page's first view: the newest rows, how many sessions there are, how many are prepared.
 * Compared with what is stored (not with what this worker wrote last): a record cleared meanwhile, or
 * missing after a start or an update (null), is written again, even for an empty history.
 */
export async function writeHead(ix: Indexes): Promise<void> {
  const head = historyHead(ix.meta, Math.max(ix.stored, Object.keys(ix.meta.entries).length), ix.prepared);
  if (!sameJson((await readChecked(historyHeadStore)).value, head)) await historyHeadStore.item.setValue(head);
}

/** Tell open pages the indexes changed (an open search asks again); returns the revision written. */
export async function bumpRevision(last: number): Promise<number> {
  const next = Math.max(last, (await readChecked(historyRevisionStore)).value) + 1;
  await historyRevisionStore.item.setValue(next);
  return next;
}

/** Whether the history's head is in `storage.session` (empty after every browser start and update). */
export function headStored(): Promise<boolean> {
  return isStored(historyHeadStore);
}
