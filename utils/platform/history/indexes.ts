/**
 * The history's two indexes as the background holds them (a platform adapter),
 * and their persistence: the session index (one small entry per session) in
 * extension storage, the full-text index (MiniSearch) in IndexedDB, and the two
 * small records the options page reads (the head, the revision) in `storage.session`.
 */
import type MiniSearch from 'minisearch';
import { FULL_TEXT_VERSION, loadTextIndex, newTextIndex, type TextDoc } from '../../domain/history/full-text';
import { historyHead } from '../../domain/history/records';
import { EMPTY_INDEX, INDEX_VERSION, packIndex, type SessionIndex } from '../../domain/history/session-index';
import { sameJson } from '../../domain/json';
import type { SessionMeta } from '../../domain/model';
import { idbGet, idbSet } from '../idb';
import { readChecked } from '../storage';
import { isStored } from '../storage-area';
import { historyHeadStore, historyRevisionStore } from './records-store';
import { indexStore, readIndex } from './session-index-store';

const SNAPSHOT_KEY = 'fullText';
const UNSAVED_KEY = 'fullTextUnsaved';

/** The full-text index as saved: its version, the serialized index, the sessions it holds and a checksum of each one's text. */
interface Snapshot {
  version: number;
  json: string;
  ids: string[];
  /** CRC-32 of each session's indexed text, in the order of `ids` (a text that did not change is not indexed again). */
  sums?: string[];
}

/** Both indexes in memory, and how far a build got. */
export interface Indexes {
  meta: SessionIndex;
  text: MiniSearch<TextDoc>;
  /** Sessions in the full-text index, with a checksum of the text indexed for each. */
  textIds: Set<string>;
  sums: Map<string, string>;
  /** Sessions whose words changed since the index was loaded or built, not yet indexed again. */
  stale: Set<string>;
  /** Sessions indexed since the last save (kept in IndexedDB, so a worker stopped before saving catches up). */
  unsaved: Set<string>;
  stored: number;
  prepared: number;
  /** While a build runs: the sessions it has still to index, newest first (a search scans these). */
  pending: SessionMeta[];
}

/**
 * Both indexes as saved. An index of another format (an update that changed it) is not used: it is
 * built again, newest first; one of the same format survives the update as it is.
 */
export async function loadIndexes(): Promise<Indexes> {
  const [meta, snapshot, unsaved] = await Promise.all([
    readIndex(),
    idbGet<Snapshot>(SNAPSHOT_KEY).catch(() => undefined),
    idbGet<string[]>(UNSAVED_KEY).catch(() => undefined),
  ]);
  const loadedText = snapshot?.version === FULL_TEXT_VERSION ? loadTextIndex(snapshot.json) : null;
  const pending = new Set(Array.isArray(unsaved) ? unsaved : []);
  return {
    meta: meta.version === INDEX_VERSION ? { version: INDEX_VERSION, entries: { ...meta.entries } } : { ...EMPTY_INDEX, entries: {} },
    text: loadedText ?? newTextIndex(),
    textIds: new Set(loadedText && snapshot ? snapshot.ids : []),
    sums: new Map(
      loadedText && snapshot && Array.isArray(snapshot.sums) && snapshot.sums.length === snapshot.ids.length
        ? snapshot.ids.map((id, i) => [id, snapshot.sums?.[i] ?? ''])
        : [],
    ),
    stale: new Set(pending),
    unsaved: pending,
    stored: 0,
    prepared: 0,
    pending: [],
  };
}

/** Whether a session is in both indexes with its current words. */
export const isIndexed = (ix: Indexes, id: string): boolean => id in ix.meta.entries && ix.textIds.has(id) && !ix.stale.has(id);

/** Save the session index (extension storage). */
export async function saveMeta(ix: Indexes): Promise<void> {
  await indexStore.item.setValue(packIndex(ix.meta));
}

/** Whether the session index is stored at all (a new install stores its empty one: pages read a stored one). */
export function metaStored(): Promise<boolean> {
  return isStored(indexStore);
}

/** Save the full-text index (IndexedDB), then the list of sessions indexed since (none). */
export async function saveText(ix: Indexes): Promise<void> {
  const saved = new Set(ix.unsaved);
  const ids = [...ix.textIds];
  const snapshot: Snapshot = {
    version: FULL_TEXT_VERSION,
    json: JSON.stringify(ix.text),
    ids,
    sums: ids.map((id) => ix.sums.get(id) ?? ''),
  };
  await idbSet(SNAPSHOT_KEY, snapshot);
  for (const id of saved) ix.unsaved.delete(id);
  await saveUnsavedList(ix);
}

/** Keep the list of sessions indexed since the last save (a worker stopped before the save indexes them again). */
export function saveUnsavedList(ix: Indexes): Promise<void> {
  return idbSet(UNSAVED_KEY, [...ix.unsaved]);
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
