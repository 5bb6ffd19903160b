/**
 * Building the history's indexes (a platform adapter): index some sessions
 * again, or bring both indexes in line with the session list, newest first, a
 * chunk at a time. A build yields to the worker's other events every few
 * milliseconds (a page's question is answered between two sessions, never after
 * the build), and reads no value that storage just reported in a change.
 */
import { crc32 } from '../../domain/card-format';
import { sessionText } from '../../domain/history/full-text';
import { indexEntry } from '../../domain/history/session-index';
import { dropText, putText } from '../../domain/history/text-index';
import { sameJson } from '../../domain/json';
import type { SessionMeta } from '../../domain/model';
import { localDefaultTemplate } from '../default-template';
import { readChecked, sessionsStore } from '../storage';
import { clearStoredText, type Indexes, isIndexed, metaStored, saveMeta, saveText, writeHead } from './indexes';
import { readSources, sourceKeys } from './session-index-store';

/** Sessions read and indexed per chunk (a chunk's notes are about a megabyte). */
const CHUNK = 200;
/** During a bulk build, the indexes are saved every so many sessions (a build cut short resumes from there). */
const SAVE_EVERY = 5000;
/**
 * The longest stretch of indexing before the worker's other events get their turn, and the rest after it:
 * the build takes about an eighth of one core at most, so pages opened meanwhile (the panel during a call,
 * the popup after a restore) are not slowed by it. Measured with `npm run bench:scale` at 10,000 sessions,
 * right after the bulk write, against 100 sessions settled, three runs each on a quiet machine: at a third
 * of a core (12/24 ms) the panel took 1.34× and the popup 1.57–2.0×; at a sixth (8/40) 1.12–1.23× and
 * 1.15–1.22×; at an eighth (6/48) 0.78–0.87× and 0.90–1.05×. The build still completes in about 12 s (its
 * saves, not its slices, take most of that). A search does not wait for the build: it scans the rest.
 */
const SLICE_MS = 6;
const REST_MS = 48;
/** The head record is written at most this often during a build (each write reaches every open page). */
const HEAD_EVERY_MS = 500;

/** What a build works with: the indexes, the values storage just reported, and a word when the order changed. */
export interface BuildContext {
  ix: Indexes;
  /** Parts of sessions by storage key, as the last changes wrote them (read from here, not from storage). */
  known: Map<string, unknown>;
  /** The list's order changed (an entry added, changed or dropped). */
  orderChanged(): void;
  /** False once the keeper was reset: work begun before stops and writes nothing more. */
  alive(): boolean;
  /** A build of many sessions begins: open searches ask again (and are answered with a scan of the rest). */
  started(): Promise<void>;
}

/** What indexing some sessions again changed: their index entries, their words. */
export interface Changed {
  meta: boolean;
  text: boolean;
}

/** Let the worker's queued events run (a message from a page, a storage change), and rest `ms`. */
export const yieldToEvents = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Index these sessions again (both indexes), in one storage read. An entry or a
 * text equal to the one indexed is left as it is, so a change that changes
 * nothing (the same card taken twice, a refused one) leads to no write at all.
 */
export async function indexSessions(ctx: BuildContext, metas: readonly SessionMeta[], now: number): Promise<Changed> {
  const { ix, known } = ctx;
  const changed: Changed = { meta: false, text: false };
  const sources = await readSources(
    metas.map((m) => m.id),
    true,
    known,
  );
  const phases = localDefaultTemplate().phases;
  let sliceStart = Date.now();
  for (const meta of metas) {
    const source = sources.get(meta.id);
    if (!source) continue;
    const entry = indexEntry(meta, source, phases, now);
    if (!sameJson(entry, ix.meta.entries[meta.id])) {
      ix.meta.entries[meta.id] = entry;
      changed.meta = true;
      // At once, not at the end: a query between two slices lists this entry.
      ctx.orderChanged();
    }
    const text = sessionText(source);
    const sum = crc32(text);
    if (!ix.textIds.has(meta.id) || ix.sums.get(meta.id) !== sum) {
      putText(ix.text, { id: meta.id, text });
      ix.textIds.add(meta.id);
      ix.sums.set(meta.id, sum);
      ix.unsaved.add(meta.id);
      changed.text = true;
    }
    ix.stale.delete(meta.id);
    forgetKnown(known, meta.id);
    if (Date.now() - sliceStart >= SLICE_MS) {
      await yieldToEvents(REST_MS);
      if (!ctx.alive()) return changed;
      sliceStart = Date.now();
    }
  }
  return changed;
}

/** The values kept of a session once it is indexed (the memory of a bulk write is let go as the build goes). */
function forgetKnown(known: Map<string, unknown>, id: string): void {
  if (known.size === 0) return;
  for (const key of sourceKeys(id)) known.delete(key);
}

/**
 * Bring both indexes in line with the session list: drop what was deleted, index
 * what is missing or changed, newest first, a chunk at a time, the head record
 * saying how far it got and `ix.pending` what is left (a search scans it).
 * `lost`: the stored entries were removed by someone else, write them again.
 */
export async function bringInLine(ctx: BuildContext, now: number, lost: boolean): Promise<Changed> {
  const { ix } = ctx;
  const sessions = (await readChecked(sessionsStore)).value;
  const ids = new Set(sessions.map((m) => m.id));
  const changed: Changed = { meta: false, text: false };
  for (const id of Object.keys(ix.meta.entries)) {
    if (!ids.has(id)) {
      delete ix.meta.entries[id];
      changed.meta = true;
    }
  }
  for (const id of [...ix.textIds]) {
    if (!ids.has(id)) {
      dropText(ix.text, id);
      ix.textIds.delete(id);
      ix.sums.delete(id);
      ix.unsaved.add(id);
      changed.text = true;
    }
  }
  if (changed.meta) ctx.orderChanged();
  // Nothing left: the stored full-text index goes whole (no word of a deleted note stays behind).
  if (sessions.length === 0 && (await clearStoredText(ix))) changed.text = false;
  const todo = sessions.filter((m) => !isIndexed(ix, m.id)).sort((a, b) => b.createdAt - a.createdAt);
  // Progress counts the sessions not in the indexes at all; one that may have changed (stale) is shown meanwhile.
  const missing = (m: SessionMeta) => !(m.id in ix.meta.entries) || !ix.textIds.has(m.id);
  ix.stored = sessions.length;
  ix.prepared = sessions.length - todo.filter(missing).length;
  ix.pending = todo;
  if (todo.length > 0) await ctx.started();
  let sinceSave = 0;
  let headAt = 0;
  try {
    for (let i = 0; i < todo.length; i += CHUNK) {
      const chunk = todo.slice(i, i + CHUNK);
      // The chunk stays among the pending until it is done (a search skips those indexed meanwhile).
      ix.pending = todo.slice(i);
      const added = chunk.filter(missing).length;
      const done = await indexSessions(ctx, chunk, now);
      if (!ctx.alive()) return changed;
      changed.meta ||= done.meta;
      changed.text ||= done.text;
      ix.prepared += added;
      sinceSave += chunk.length;
      if (Date.now() - headAt >= HEAD_EVERY_MS) {
        headAt = Date.now();
        await writeHead(ix);
      }
      if (sinceSave >= SAVE_EVERY && i + CHUNK < todo.length) {
        sinceSave = 0;
        await saveMeta(ix);
        await saveText(ix);
      }
      await yieldToEvents();
    }
  } finally {
    ix.pending = [];
  }
  if (!ctx.alive()) return changed;
  if (changed.meta || lost || !(await metaStored())) await saveMeta(ix);
  if (changed.text) await saveText(ix);
  await writeHead(ix);
  return changed;
}

/** Index again the sessions edited after the last save (a worker's first question). */
export async function catchUp(ctx: BuildContext, now: number): Promise<void> {
  const metas = (await readChecked(sessionsStore)).value.filter((m) => ctx.ix.stale.has(m.id));
  await indexSessions(ctx, metas, now);
}

/**
 * The words of the sessions edited after the last save, put in the full-text index alone (a worker's quick
 * start answers with them; catchUp indexes them again in both once the session index is read).
 */
export async function catchUpText(ix: Indexes, known: Map<string, unknown>): Promise<void> {
  for (const [id, source] of await readSources([...ix.stale], true, known)) putText(ix.text, { id, text: sessionText(source) });
}
