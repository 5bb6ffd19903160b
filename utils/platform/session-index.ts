/**
 * The session index in storage (a platform adapter over domain/session-index):
 * built in batches, updated for just the sessions a change touched, and read by
 * the pages instead of every session's data. The background keeps it up to
 * date; a page that finds it missing or stale rebuilds it.
 */
import { browser } from 'wxt/browser';
import { containsAll, searchTexts } from '../domain/history';
import type { SessionMeta, WrapUp } from '../domain/model';
import {
  EMPTY_INDEX,
  type IndexSource,
  indexEntry,
  indexMatches,
  type PackedIndex,
  PackedIndexSchema,
  packIndex,
  type SessionIndex,
  unpackIndex,
} from '../domain/session-index';
import { partOfKey } from '../domain/session-parts';
import { firstSnippet, type SnippetPart } from '../domain/snippet';
import { localDefaultTemplate } from './default-template';
import { updateStored } from './list-writes';
import { CheckedRead, check, define, partStore, readChecked, sessionsStore } from './storage';

/** The index of every session, stored packed (see domain/session-index.ts). */
export const indexStore = define<PackedIndex>('local:sessionIndex', PackedIndexSchema, packIndex(EMPTY_INDEX));

/** The index as stored, unpacked (an empty one if it does not fit: it is rebuilt then). */
export const readIndex = async (): Promise<SessionIndex> => unpackIndex((await readChecked(indexStore)).value) ?? EMPTY_INDEX;

const SOURCE_PARTS = ['topic', 'timer', 'agenda', 'plan', 'homework', 'review', 'wrapUp'] as const;
const BATCH = 400;

/** What the indexes need of one session: the index entry's parts, and its texts when asked for. */
export type SessionSource = IndexSource & { wrapUp: WrapUp; notes: string };

/** Read what the index needs of these sessions (and their notes, `withNotes`), in one storage call. */
export async function readSources(ids: readonly string[], withNotes = false): Promise<Map<string, SessionSource>> {
  const names = withNotes ? [...SOURCE_PARTS, 'notes' as const] : SOURCE_PARTS;
  const keys = ids.flatMap((id) => names.map((name) => partStore(name, id).bare));
  const raw = await browser.storage.local.get(keys);
  const sources = new Map<string, SessionSource>();
  // The read policy (storage.ts): a part of the wrong shape is kept aside in the quarantine, never dropped.
  const reader = new CheckedRead();
  for (const id of ids) {
    const read = <K extends (typeof SOURCE_PARTS)[number] | 'notes'>(name: K) => {
      const stored = partStore(name, id);
      return reader.value(stored, raw[stored.bare]);
    };
    sources.set(id, {
      topic: read('topic'),
      timer: read('timer'),
      agenda: read('agenda'),
      plan: read('plan'),
      homework: read('homework'),
      review: read('review'),
      nextSessionAt: read('wrapUp').nextSessionAt,
      wrapUp: read('wrapUp'),
      notes: withNotes ? read('notes') : '',
    });
  }
  await reader.done();
  return sources;
}

async function entriesFor(metas: readonly SessionMeta[], now: number): Promise<SessionIndex['entries']> {
  const phases = localDefaultTemplate().phases;
  const entries: SessionIndex['entries'] = {};
  for (let i = 0; i < metas.length; i += BATCH) {
    const batch = metas.slice(i, i + BATCH);
    const sources = await readSources(batch.map((m) => m.id));
    for (const meta of batch) {
      const source = sources.get(meta.id);
      if (source) entries[meta.id] = indexEntry(meta, source, phases, now);
    }
  }
  return entries;
}

/** Build the whole index from storage, a batch of sessions at a time. */
export async function rebuildIndex(now = Date.now()): Promise<SessionIndex> {
  const sessions = (await readChecked(sessionsStore)).value;
  const index: SessionIndex = { ...EMPTY_INDEX, entries: await entriesFor(sessions, now) };
  await indexStore.item.setValue(packIndex(index));
  return index;
}

/**
 * The index, rebuilt first when it is missing, of another version, or lists
 * other sessions. A page that has read the index already passes it in.
 */
export async function ensureIndex(known?: SessionIndex, now = Date.now()): Promise<SessionIndex> {
  const [index, sessions, stored] = await Promise.all([
    known ?? readIndex(),
    readChecked(sessionsStore),
    // Missing (a new install, which has no session yet): written, empty, so every page reads a stored index.
    known !== undefined || browser.storage.local.get(indexStore.bare).then((items) => items[indexStore.bare] !== undefined),
  ]);
  return stored && indexMatches(index, sessions.value) ? index : rebuildIndex(now);
}

/** Whether a storage change (key without area) touches the index: the session list, or a part other than the notes. */
export function affectsIndex(key: string): boolean {
  if (key === sessionsStore.bare) return true;
  const part = partOfKey(key);
  return part !== null && part.name !== 'notes';
}

/** Bring the index up to date for the changed keys: only the sessions they touch are read again. */
export async function updateIndex(changedKeys: readonly string[], now = Date.now()): Promise<void> {
  const sessions = (await readChecked(sessionsStore)).value;
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const touched = new Set<string>();
  for (const key of changedKeys) {
    const part = partOfKey(key);
    if (part && part.name !== 'notes' && byId.has(part.sessionId)) touched.add(part.sessionId);
  }
  const listChanged = changedKeys.includes(sessionsStore.bare);
  const current = await readIndex();
  if (listChanged) for (const s of sessions) if (!(s.id in current.entries)) touched.add(s.id);
  const fresh = await entriesFor(
    [...touched].map((id) => byId.get(id)).filter((m): m is SessionMeta => m !== undefined),
    now,
  );
  await updateStored(indexStore, (packed) => {
    const index = unpackIndex(packed) ?? EMPTY_INDEX;
    const entries = { ...index.entries, ...fresh };
    if (listChanged) for (const id of Object.keys(entries)) if (!byId.has(id)) delete entries[id];
    return packIndex({ ...index, entries });
  });
}

/** A session the search found, with the matching words in context (empty when only the title or name matched). */
export interface SearchMatch {
  id: string;
  snippet: SnippetPart[];
}

/**
 * Search the topics and notes of the given sessions, a batch at a time off the
 * critical path, reporting matches as they are found, each with the matching
 * words in context; stops when `cancelled` says so. Only one batch of notes is
 * in memory at once.
 */
export async function searchSessions(
  ids: readonly string[],
  words: readonly string[],
  nameOf: (id: string) => string,
  onMatches: (matches: SearchMatch[], searched: number) => void,
  cancelled: () => boolean,
  batch = 150,
): Promise<void> {
  for (let i = 0; i < ids.length; i += batch) {
    if (cancelled()) return;
    const slice = ids.slice(i, i + batch);
    const raw = await browser.storage.local.get(slice.flatMap((id) => [partStore('topic', id).bare, partStore('notes', id).bare]));
    if (cancelled()) return;
    const found: SearchMatch[] = [];
    for (const id of slice) {
      const topic = check(partStore('topic', id), raw[partStore('topic', id).bare]).value;
      const notes = check(partStore('notes', id), raw[partStore('notes', id).bare]).value;
      if (!containsAll(searchTexts(topic, notes, nameOf(id)), words)) continue;
      // The title and the name are on the row already: the context comes from the notes and the topic's other fields.
      found.push({ id, snippet: firstSnippet([notes ?? '', topic?.difficulty ?? '', topic?.outcome ?? ''], words) });
    }
    onMatches(found, Math.min(ids.length, i + batch));
    await new Promise((r) => setTimeout(r, 0));
  }
}
