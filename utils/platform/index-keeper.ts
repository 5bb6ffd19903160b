/**
 * The background's keeper of the history (a platform adapter): the session index
 * (one small entry per session, in extension storage) and the full-text index of
 * every session's words (MiniSearch, saved in IndexedDB), both kept up to date
 * from the storage changes the background follows, one session at a time, and
 * built in chunks, newest sessions first, when many change at once (a restore,
 * a first start with years of sessions). It keeps two small records for the
 * pages (the history's head with the build's progress, and the sessions near the
 * active one) and answers the options page's history queries, so no page ever
 * reads every session.
 */
import type MiniSearch from 'minisearch';
import { browser } from 'wxt/browser';
import { crc32 } from '../domain/card-format';
import {
  dropText,
  FULL_TEXT_VERSION,
  loadTextIndex,
  newTextIndex,
  putText,
  rankMatches,
  scoresFor,
  sessionText,
  type TextDoc,
} from '../domain/full-text';
import { queryWords } from '../domain/history';
import { type HistoryPage, type HistoryQuery, historyHead } from '../domain/history-records';
import { sameJson } from '../domain/json';
import type { SessionMeta } from '../domain/model';
import { recentSessions } from '../domain/recent-sessions';
import {
  EMPTY_INDEX,
  INDEX_VERSION,
  type IndexEntry,
  indexEntry,
  newestFirst,
  packIndex,
  type SessionIndex,
} from '../domain/session-index';
import { partOfKey } from '../domain/session-parts';
import { firstSnippet } from '../domain/snippet';
import { fold } from '../domain/text';
import { localDefaultTemplate } from './default-template';
import { historyHeadStore, historyRevisionStore } from './history-store';
import { idbGet, idbSet } from './idb';
import { indexStore, readIndex, readSources } from './session-index-store';
import { activeSessionIdStore, coacheesStore, readChecked, recentSessionsStore, sessionsStore } from './storage';

/** More sessions than this changed at once: a bulk build, in chunks, with progress. */
const BULK = 100;
/** Sessions read and indexed per chunk (a chunk's notes are about a megabyte). */
const CHUNK = 200;
/** During a bulk build, the indexes are saved every so many sessions (a build cut short resumes from there). */
const SAVE_EVERY = 2000;
/** The full-text index is saved this long after the last change (and at least this often while changes go on). */
const SAVE_DELAY = 5_000;
const SAVE_MAX_WAIT = 30_000;

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

interface State {
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
}

let current: State | null = null;
let loading: Promise<State> | null = null;
let chain: Promise<unknown> = Promise.resolve();
let checked = false;

/** Run index work one job at a time (a change waits for a bulk build, never interleaves with it). */
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work, work);
  chain = next.catch((e: unknown) => console.warn('index work failed', e));
  return next;
}

/** Load both indexes (inside a serial job). */
async function loadNow(): Promise<State> {
  if (current) return current;
  const [meta, snapshot, unsaved] = await Promise.all([
    readIndex(),
    idbGet<Snapshot>(SNAPSHOT_KEY).catch(() => undefined),
    idbGet<string[]>(UNSAVED_KEY).catch(() => undefined),
  ]);
  const loadedText = snapshot?.version === FULL_TEXT_VERSION ? loadTextIndex(snapshot.json) : null;
  const pending = new Set(Array.isArray(unsaved) ? unsaved : []);
  current = {
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
  };
  return current;
}

/** Both indexes, loaded once per worker's life. */
function ready(): Promise<State> {
  if (current) return Promise.resolve(current);
  loading ??= serial(loadNow).finally(() => {
    loading = null;
  });
  return loading;
}

/** Forget everything in memory (tests: a worker that stopped and starts again). */
export function resetIndexKeeper(): void {
  current = null;
  loading = null;
  checked = false;
  entriesLost = false;
  chain = Promise.resolve();
  clearTimeout(saveTimer);
  saveTimer = undefined;
  firstUnsavedAt = null;
  orderCache = null;
  names = null;
}

// ---------------------------------------------------------------- building

/** What indexing some sessions again changed: their index entries, their words. */
interface Changed {
  meta: boolean;
  text: boolean;
}

/**
 * Index these sessions again (both indexes), in one storage read. An entry or a
 * text equal to the one indexed is left as it is, so a change that changes
 * nothing (the same card taken twice, a refused one) leads to no write at all.
 */
async function indexSessions(s: State, metas: readonly SessionMeta[], now: number): Promise<Changed> {
  const changed: Changed = { meta: false, text: false };
  const sources = await readSources(
    metas.map((m) => m.id),
    true,
  );
  const phases = localDefaultTemplate().phases;
  for (const meta of metas) {
    const source = sources.get(meta.id);
    if (!source) continue;
    const entry = indexEntry(meta, source, phases, now);
    if (!sameJson(entry, s.meta.entries[meta.id])) {
      s.meta.entries[meta.id] = entry;
      changed.meta = true;
    }
    const text = sessionText(source);
    const sum = crc32(text);
    if (!s.textIds.has(meta.id) || s.sums.get(meta.id) !== sum) {
      putText(s.text, { id: meta.id, text });
      s.textIds.add(meta.id);
      s.sums.set(meta.id, sum);
      s.unsaved.add(meta.id);
      changed.text = true;
    }
    s.stale.delete(meta.id);
  }
  if (changed.meta) orderCache = null;
  return changed;
}

/**
 * Bring both indexes in line with the session list (inside a serial job): drop
 * what was deleted, index what is missing or changed, newest first, a chunk at a
 * time, the head record saying how far it got.
 */
async function ensureNow(now = Date.now()): Promise<void> {
  await writeRecent();
  const s = await loadNow();
  const sessions = (await readChecked(sessionsStore)).value;
  const ids = new Set(sessions.map((m) => m.id));
  let metaChanged = false;
  for (const id of Object.keys(s.meta.entries)) {
    if (!ids.has(id)) {
      delete s.meta.entries[id];
      metaChanged = true;
    }
  }
  let textChanged = false;
  for (const id of [...s.textIds]) {
    if (!ids.has(id)) {
      dropText(s.text, id);
      s.textIds.delete(id);
      s.sums.delete(id);
      s.unsaved.add(id);
      textChanged = true;
    }
  }
  if (metaChanged) orderCache = null;
  const todo = sessions
    .filter((m) => !(m.id in s.meta.entries) || !s.textIds.has(m.id) || s.stale.has(m.id))
    .sort((a, b) => b.createdAt - a.createdAt);
  s.stored = sessions.length;
  s.prepared = sessions.length - todo.length;
  let sinceSave = 0;
  for (let i = 0; i < todo.length; i += CHUNK) {
    const chunk = todo.slice(i, i + CHUNK);
    const changed = await indexSessions(s, chunk, now);
    metaChanged ||= changed.meta;
    textChanged ||= changed.text;
    s.prepared += chunk.length;
    sinceSave += chunk.length;
    await writeHead(s);
    if (sinceSave >= SAVE_EVERY && i + CHUNK < todo.length) {
      sinceSave = 0;
      await saveMeta(s);
      await saveText(s);
    }
  }
  // A new install with no session yet still stores its (empty) index: pages and tests read a stored one.
  const missing = !(indexStore.bare in (await browser.storage.local.get(indexStore.bare)));
  if (metaChanged || entriesLost || missing) await saveMeta(s);
  if (textChanged) await saveText(s);
  if (metaChanged || textChanged) await bumpRevision();
  await writeHead(s);
}

let revision = 0;

/** Tell open pages the indexes changed (an open search asks again). */
async function bumpRevision(): Promise<void> {
  revision = Math.max(revision, (await readChecked(historyRevisionStore)).value) + 1;
  await historyRevisionStore.item.setValue(revision);
}

/** Index again the sessions edited after the last save (inside a serial job). */
async function catchUp(s: State, now = Date.now()): Promise<void> {
  const metas = (await readChecked(sessionsStore)).value.filter((m) => s.stale.has(m.id));
  await indexSessions(s, metas, now);
}

/** Check both indexes against the session list and build what is missing (at install, start-up, a worker's first query). */
export function ensureIndexes(): Promise<void> {
  checked = true;
  return serial(() => ensureNow());
}

// ---------------------------------------------------------------- saving

async function saveMeta(s: State): Promise<void> {
  entriesLost = false;
  await indexStore.item.setValue(packIndex(s.meta));
}

async function saveText(s: State): Promise<void> {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  firstUnsavedAt = null;
  const saved = new Set(s.unsaved);
  const ids = [...s.textIds];
  const snapshot: Snapshot = {
    version: FULL_TEXT_VERSION,
    json: JSON.stringify(s.text),
    ids,
    sums: ids.map((id) => s.sums.get(id) ?? ''),
  };
  await idbSet(SNAPSHOT_KEY, snapshot);
  for (const id of saved) s.unsaved.delete(id);
  await idbSet(UNSAVED_KEY, [...s.unsaved]);
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let firstUnsavedAt: number | null = null;

/** Save the full-text index a little after the last change (a worker stopped before then catches up from the unsaved list). */
function scheduleSave(): void {
  const now = Date.now();
  firstUnsavedAt ??= now;
  clearTimeout(saveTimer);
  const wait = Math.max(0, Math.min(SAVE_DELAY, firstUnsavedAt + SAVE_MAX_WAIT - now));
  saveTimer = setTimeout(() => {
    void serial(async () => {
      if (current) await saveText(current);
    });
  }, wait);
}

/**
 * The options page's first view: the newest rows, how many sessions there are, how many are prepared.
 * Compared with what is stored (not with what this worker wrote last): a record cleared meanwhile is written again.
 */
async function writeHead(s: State): Promise<void> {
  const head = historyHead(s.meta, Math.max(s.stored, Object.keys(s.meta.entries).length), s.prepared);
  if (!sameJson((await readChecked(historyHeadStore)).value, head)) await historyHeadStore.item.setValue(head);
}

/** The panel's and popup's record: the active session and those near it. */
async function writeRecent(): Promise<void> {
  const [sessions, active, stored] = await Promise.all([
    readChecked(sessionsStore),
    readChecked(activeSessionIdStore),
    readChecked(recentSessionsStore),
  ]);
  const recent = recentSessions(sessions.value, active.value);
  if (!sameJson(recent, stored.value)) await recentSessionsStore.item.setValue(recent);
}

// ---------------------------------------------------------------- changes

const pendingKeys = new Set<string>();
let changeTimer: ReturnType<typeof setTimeout> | undefined;

/** Whether a change of this local key concerns the keeper: the session list, the active session, or any part of a session. */
function concernsKeeper(key: string): boolean {
  return key === sessionsStore.bare || key === activeSessionIdStore.bare || partOfKey(key) !== null;
}

/** The stored index entries were removed by someone else (everything deleted): write them again at the next check. */
let entriesLost = false;

/**
 * Follow changes of extension storage (the background's `storage.onChanged`):
 * keys written together a moment apart are handled together. `removed` names
 * the keys that were deleted (a wipe removes the stored index entries too).
 */
export function followChanges(keys: readonly string[], delay = 400, removed: readonly string[] = []): void {
  if (keys.includes(coacheesStore.bare)) names = null;
  if (removed.includes(indexStore.bare)) entriesLost = true;
  const relevant = keys.filter(concernsKeeper);
  if (relevant.length === 0) return;
  for (const key of relevant) pendingKeys.add(key);
  clearTimeout(changeTimer);
  changeTimer = setTimeout(() => {
    const batch = [...pendingKeys];
    pendingKeys.clear();
    void applyChanges(batch);
  }, delay);
}

/** Handle changed keys now: the records, then the sessions they touch (all at once, or a bulk build). */
export function applyChanges(keys: readonly string[], now = Date.now()): Promise<void> {
  return serial(async () => {
    const listChanged = keys.includes(sessionsStore.bare);
    if (listChanged || keys.includes(activeSessionIdStore.bare)) await writeRecent();
    const touched = new Set<string>();
    for (const key of keys) {
      const part = partOfKey(key);
      if (part) touched.add(part.sessionId);
    }
    if (!listChanged && touched.size === 0) return;
    const s = await loadNow();
    for (const id of touched) s.stale.add(id);
    if (listChanged || touched.size > BULK) {
      await ensureNow(now);
      return;
    }
    const sessions = (await readChecked(sessionsStore)).value;
    const metas = sessions.filter((m) => touched.has(m.id));
    const changed = await indexSessions(s, metas, now);
    // Nothing written when nothing changed; the index entries (in storage.local) first.
    if (changed.meta) await saveMeta(s);
    if (changed.text) {
      await idbSet(UNSAVED_KEY, [...s.unsaved]);
      scheduleSave();
    }
    if (changed.meta || changed.text) await bumpRevision();
    if (changed.meta) {
      s.stored = sessions.length;
      s.prepared = sessions.filter((m) => m.id in s.meta.entries && s.textIds.has(m.id) && !s.stale.has(m.id)).length;
      await writeHead(s);
    }
  });
}

// ---------------------------------------------------------------- queries

/** The coachees' names, kept in memory between queries (read again when the coachees change). */
let names: Promise<Map<string, string>> | null = null;
const coacheeNames = (): Promise<Map<string, string>> =>
  (names ??= readChecked(coacheesStore).then(({ value }) => new Map(value.map((c) => [c.id, c.name]))));

/** The list's order (newest first) and each entry's title and coachee name folded, made again when the index changes. */
let orderCache: { coacheeId: string | null; names: string; ids: string[]; quick: Map<string, string> } | null = null;

function orderFor(s: State, coacheeId: string | null, names: Map<string, string>): { ids: string[]; quick: Map<string, string> } {
  const nameKey = JSON.stringify([...names]);
  if (orderCache && orderCache.coacheeId === coacheeId && orderCache.names === nameKey) return orderCache;
  const entries = newestFirst(s.meta, coacheeId);
  orderCache = {
    coacheeId,
    names: nameKey,
    ids: entries.map((e) => e.id),
    quick: new Map(entries.map((e) => [e.id, fold(`${e.title}\n${names.get(e.coacheeId) ?? ''}`)])),
  };
  return orderCache;
}

/**
 * A page of the history: everyone's or one coachee's sessions, newest first;
 * with a search, those whose words (any of topic, notes, plan, homework, review,
 * feedback, or the coachee's name) start with every word of it, best first, and
 * the matching words in context for the page's rows.
 */
export async function queryHistory(q: HistoryQuery): Promise<HistoryPage> {
  const s = await ready();
  if (!checked) {
    // A worker's first query: sessions edited after the last save are indexed again first (a few);
    // the check against the whole list (which may start a bulk build) goes on behind the answer.
    if (s.stale.size > 0 && s.stale.size <= BULK) await serial(() => catchUp(s));
    void ensureIndexes();
  }
  const names = await coacheeNames();
  const { ids, quick } = orderFor(s, q.coacheeId, names);
  const words = queryWords(q.query);
  const matches =
    words.length === 0
      ? ids
      : rankMatches(
          words,
          (w) => scoresFor(s.text, w),
          (w) => ids.filter((id) => quick.get(id)?.includes(w)),
          ids,
        );
  const rows = matches
    .slice(q.offset, q.offset + q.limit)
    .map((id) => s.meta.entries[id])
    .filter((e): e is IndexEntry => e !== undefined);
  const snippets: HistoryPage['snippets'] = {};
  if (q.snippets !== false && words.length > 0 && rows.length > 0) {
    const sources = await readSources(
      rows.map((r) => r.id),
      true,
    );
    for (const row of rows) {
      const source = sources.get(row.id);
      // The title and the coachee's name are on the row already: the notes first, then the topic's other
      // fields, then the rest of what is searched (plan, homework, review, feedback).
      const parts = source
        ? firstSnippet(
            [
              source.notes,
              source.topic.difficulty,
              source.topic.outcome,
              sessionText({ ...source, notes: '', topic: { ...source.topic, title: '' } }),
            ],
            words,
          )
        : [];
      if (parts.length > 0) snippets[row.id] = parts;
    }
  }
  return { total: ids.length, matched: matches.length, rows, snippets, prepared: s.prepared, stored: s.stored };
}

/** Whether a message is a history query (from the options page). */
export function isHistoryQuery(raw: unknown): raw is { type: 'historyQuery' } & HistoryQuery {
  if (typeof raw !== 'object' || raw === null) return false;
  const m = raw as Partial<HistoryQuery> & { type?: unknown };
  return (
    m.type === 'historyQuery' &&
    typeof m.query === 'string' &&
    (m.snippets === undefined || typeof m.snippets === 'boolean') &&
    (m.coacheeId === null || typeof m.coacheeId === 'string') &&
    Number.isInteger(m.offset) &&
    Number.isInteger(m.limit)
  );
}

/** Answer the options page's history queries (the background registers this once). */
export function answerHistoryQueries(): void {
  browser.runtime.onMessage.addListener((raw: unknown) => (isHistoryQuery(raw) ? queryHistory(raw) : undefined));
}
