/**
 * The background's keeper of the history (a platform adapter): it holds the
 * session index and the full-text index (indexes.ts), keeps them in line with
 * the storage changes the background follows (build.ts), and answers the
 * options page's history queries (queries.ts), so no page ever reads every
 * session. Made by a factory: all its memory is in one object, and `reset`
 * forgets all of it (a worker that stopped and starts again).
 */
import type { HistoryPage, HistoryQuery } from '../../domain/history/records';
import { partOfKey } from '../../domain/session-parts';
import { coacheesStore, readChecked, sessionsStore } from '../storage';
import { type BuildContext, bringInLine, catchUp, catchUpText, indexSessions } from './build';
import {
  addToUnsavedList,
  bumpRevision,
  checkMeta,
  headStored,
  type Indexes,
  isIndexed,
  loadIndexes,
  loadMetaPart,
  loadTextPart,
  saveMeta,
  saveText,
  saveUnsavedList,
  writeHead,
} from './indexes';
import { answerQuery, freshQueryMemory, type QueryMemory } from './queries';
import { type QuickHead, readQuickHead } from './quick-start';
import { indexStore, SOURCE_NAMES } from './session-index-store';

/** How long after a change of the session list its changes are handled (other keys: the caller's delay). */
const LIST_DELAY = 50;
/** More sessions than this changed at once: a bulk build, in chunks, with progress. */
const BULK = 100;
/** The full-text index is saved this long after the last change (and at least this often while changes go on). */
const SAVE_DELAY = 5_000;
const SAVE_MAX_WAIT = 30_000;
/** A worker's check against the session list waits for questions to pause this long. */
const CHECK_DELAY = 1_500;

/** A storage change as the background's `storage.onChanged` reports it. */
export type Changes = Record<string, { newValue?: unknown } | undefined>;

/** Everything the keeper keeps in memory. */
interface Memory {
  ix: Indexes | null;
  loading: Promise<Indexes> | null;
  /** A worker's quick start: the full-text index's head and the lists a first answer needs (quick-start.ts). */
  early: Promise<{ ix: Indexes; head: QuickHead | null }> | null;
  /** Index work, one job at a time (a change waits for a bulk build, never interleaves with it). */
  chain: Promise<unknown>;
  /** Whether this worker has checked the indexes against the session list. */
  checked: boolean;
  queuedCheck: Promise<void> | null;
  /** The stored index entries were removed by someone else (everything deleted): written again at the next check. */
  entriesLost: boolean;
  saveTimer: ReturnType<typeof setTimeout> | undefined;
  firstUnsavedAt: number | null;
  revision: number;
  pendingKeys: Set<string>;
  changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Sessions changed and not indexed yet, written ahead into the stored unsaved list (`Indexes.ahead`, the same set). */
  ahead: Set<string>;
  /** The write-ahead under way (one at a time; a write picks up every session noted before it starts). */
  aheadWrite: Promise<void> | null;
  aheadAgain: boolean;
  /** The check of a worker's first question, waiting for questions to pause. */
  checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Parts of sessions by storage key as the last changes wrote them, until indexed (a bulk write is not read again). */
  known: Map<string, unknown>;
  /** The coachees' names, read again when the coachees change. */
  names: Promise<Map<string, string>> | null;
  queries: QueryMemory;
}

const freshMemory = (): Memory => ({
  ix: null,
  loading: null,
  early: null,
  chain: Promise.resolve(),
  checked: false,
  queuedCheck: null,
  entriesLost: false,
  saveTimer: undefined,
  firstUnsavedAt: null,
  revision: 0,
  pendingKeys: new Set(),
  changeTimer: undefined,
  ahead: new Set(),
  aheadWrite: null,
  aheadAgain: false,
  checkTimer: undefined,
  known: new Map(),
  names: null,
  queries: freshQueryMemory(),
});

/** Whether a part of a session named by this key is read by the indexes. */
const isSourceKey = (key: string): boolean => {
  const part = partOfKey(key);
  return part !== null && SOURCE_NAMES.includes(part.name);
};

/** A keeper of the history with its own memory (the background makes one; tests make one per case). */
export function createHistoryKeeper() {
  let m = freshMemory();

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = m.chain.then(work, work);
    m.chain = next.catch((e: unknown) => console.warn('index work failed', e));
    return next;
  }

  /**
   * Both indexes, loaded once per worker's life and shared by whoever asks first: a page's question
   * never waits in line behind a build (the load is a read; the build itself starts with it too).
   */
  function loadNow(): Promise<Indexes> {
    const memory = m;
    if (memory.ix) return Promise.resolve(memory.ix);
    // After a quick start, its full-text part is completed with the session index (shards read stay).
    const load = memory.early
      ? memory.early.then(
          async ({ ix }) => {
            await loadMetaPart(ix);
            return ix;
          },
          () => loadIndexes(memory.ahead),
        )
      : loadIndexes(memory.ahead);
    memory.loading ??= load
      .then((ix) => {
        memory.ix ??= ix;
        return memory.ix;
      })
      .finally(() => {
        memory.loading = null;
      });
    return memory.loading;
  }

  // The memory of the job's start: after a reset, work begun before touches none of the new one.
  const context = (ix: Indexes, memory = m): BuildContext => {
    return {
      ix,
      known: memory.known,
      orderChanged: () => {
        memory.queries.order = null;
      },
      alive: () => memory === m,
      started: () => (memory === m ? bump() : Promise.resolve()),
    };
  };

  async function ensureNow(now = Date.now()): Promise<void> {
    const memory = m;
    const ix = await loadNow();
    const ctx = context(ix, memory);
    const replaced = await metaInLine(ctx);
    const lost = memory.entriesLost;
    memory.entriesLost = false;
    const changed = await bringInLine(ctx, now, lost);
    // Entries removed by someone else (everything deleted) and written again: open pages ask again even when
    // the indexes end as they were (a wipe and a restore of the same sessions handled in one go).
    if (ctx.alive() && (replaced || lost || changed.meta || changed.text)) await bump();
  }

  /** The session index loaded from its copy made the one in extension storage before it is written from (checkMeta). */
  async function metaInLine(ctx: BuildContext): Promise<boolean> {
    const replaced = await checkMeta(ctx.ix);
    if (replaced) ctx.orderChanged();
    return replaced;
  }

  async function bump(): Promise<void> {
    m.revision = await bumpRevision(m.revision);
  }

  /** Check both indexes against the session list and build what is missing (install, update, start, a worker's first query). */
  function ensureIndexes(): Promise<void> {
    m.checked = true;
    // Asked again before the queued check began (install and the worker's start at once): the same check.
    const memory = m;
    memory.queuedCheck ??= serial(() => {
      memory.queuedCheck = null;
      return ensureNow();
    });
    return memory.queuedCheck;
  }

  /** Make the history's derived records again when they are missing (each start of the worker; a page that finds them missing). */
  async function keepDerivedRecords(): Promise<void> {
    if (!(await headStored())) await ensureIndexes();
  }

  /** Save the full-text index a little after the last change (a worker stopped before then catches up from the unsaved list). */
  function scheduleSave(): void {
    const now = Date.now();
    m.firstUnsavedAt ??= now;
    clearTimeout(m.saveTimer);
    const wait = Math.max(0, Math.min(SAVE_DELAY, m.firstUnsavedAt + SAVE_MAX_WAIT - now));
    m.saveTimer = setTimeout(() => {
      void serial(async () => {
        m.saveTimer = undefined;
        m.firstUnsavedAt = null;
        if (m.ix) await saveText(m.ix, false);
      });
    }, wait);
  }

  /**
   * Follow changes of extension storage (the background's `storage.onChanged`): keys written together a
   * moment apart are handled together; the values of the parts the indexes read are kept, so a bulk write
   * (a restore) is indexed and searched without reading it back from storage.
   */
  function followChanges(changes: Changes, delay = 400): void {
    const keys = Object.keys(changes);
    if (keys.includes(coacheesStore.bare)) m.names = null;
    if (keys.includes(indexStore.bare) && changes[indexStore.bare]?.newValue === undefined) m.entriesLost = true;
    const relevant = keys.filter((key) => key === sessionsStore.bare || partOfKey(key) !== null);
    if (relevant.length === 0) return;
    const fresh: string[] = [];
    for (const key of relevant) {
      if (isSourceKey(key)) {
        const value = changes[key]?.newValue;
        if (value === undefined) m.known.delete(key);
        else m.known.set(key, value);
      }
      m.pendingKeys.add(key);
      const id = partOfKey(key)?.sessionId;
      if (id !== undefined && !m.ahead.has(id)) {
        m.ahead.add(id);
        fresh.push(id);
      }
    }
    if (fresh.length > 0) writeAhead();
    // A scan remembered for a search may be out of date now.
    m.queries.scan = null;
    clearTimeout(m.changeTimer);
    // The session list is written last by a bulk write (a restore): its build starts at once.
    const wait = keys.includes(sessionsStore.bare) ? Math.min(delay, LIST_DELAY) : delay;
    m.changeTimer = setTimeout(() => {
      const batch = [...m.pendingKeys];
      m.pendingKeys.clear();
      void applyChanges(batch);
    }, wait);
  }

  /**
   * Write the sessions changed and not indexed yet into the stored unsaved list at once, before the indexing
   * (which waits for a pause in the changes): a worker stopped in between indexes them at its next start.
   */
  function writeAhead(): void {
    const memory = m;
    if (memory.aheadWrite) {
      memory.aheadAgain = true;
      return;
    }
    const write = async (): Promise<void> => {
      do {
        memory.aheadAgain = false;
        const ix = memory.ix ?? (await memory.early?.catch(() => null))?.ix;
        if (ix) await saveUnsavedList(ix);
        else await addToUnsavedList([...memory.ahead]);
      } while (memory.aheadAgain && memory === m);
    };
    memory.aheadWrite = write()
      .catch((e: unknown) => console.warn('the list of changed sessions was not written', e))
      .finally(() => {
        memory.aheadWrite = null;
      });
  }

  /** Sessions indexed now leave the write-ahead, unless changed again meanwhile (their keys are pending); whether any left. */
  function indexedNow(ids: Iterable<string>): boolean {
    const pending = new Set([...m.pendingKeys].map((key) => partOfKey(key)?.sessionId));
    let left = false;
    for (const id of ids) {
      if (pending.has(id) || !m.ahead.delete(id)) continue;
      left = true;
    }
    return left;
  }

  /** Handle changed keys now: the sessions they touch (all at once, or a bulk build). */
  function applyChanges(keys: readonly string[], now = Date.now()): Promise<void> {
    return serial(async () => {
      const memory = m;
      const listChanged = keys.includes(sessionsStore.bare);
      const touched = new Set<string>();
      for (const key of keys) {
        const part = partOfKey(key);
        if (part) touched.add(part.sessionId);
      }
      if (!listChanged && touched.size === 0) return;
      const ix = await loadNow();
      for (const id of touched) ix.stale.add(id);
      if (listChanged || touched.size > BULK) {
        await ensureNow(now);
        if (indexedNow(touched) && ix === m.ix) await saveUnsavedList(ix);
        return;
      }
      const ctx = context(ix, memory);
      if ((await metaInLine(ctx)) && ctx.alive()) await bump();
      const sessions = (await readChecked(sessionsStore)).value;
      const changed = await indexSessions(
        ctx,
        sessions.filter((s) => touched.has(s.id)),
        now,
      );
      if (!ctx.alive()) return;
      const left = indexedNow(touched);
      // Nothing written when nothing changed; the index entries (in storage.local) first.
      if (changed.meta) await saveMeta(ix);
      if (changed.text || left) await saveUnsavedList(ix);
      if (changed.text) scheduleSave();
      if (changed.meta || changed.text) await bump();
      if (changed.meta) {
        ix.stored = sessions.length;
        ix.prepared = sessions.filter((s) => isIndexed(ix, s.id)).length;
        await writeHead(ix);
      }
    });
  }

  const coacheeNames = (): Promise<Map<string, string>> =>
    (m.names ??= readChecked(coacheesStore).then(({ value }) => new Map(value.map((c) => [c.id, c.name]))));

  /**
   * A worker's quick start (quick-start.ts): the full-text index's head, and the lists its first answers
   * need instead of the whole session index, which is read once questions pause. Sessions edited since the
   * last save put their words in first; more than a few: no quick start.
   */
  function quickStart(): Promise<{ ix: Indexes; head: QuickHead | null }> {
    const memory = m;
    memory.early ??= Promise.all([loadTextPart(memory.ahead), readQuickHead()]).then(async ([ix, head]) => {
      if (!head || ix.stale.size > BULK) return { ix, head: null };
      if (ix.stale.size > 0) await catchUpText(ix, memory.known);
      return { ix, head };
    });
    return memory.early;
  }

  /** A page of the history (queries.ts), answered at once: never behind a build under way. */
  async function queryHistory(q: HistoryQuery): Promise<HistoryPage> {
    if (!m.ix) {
      const early = await quickStart().catch(() => null);
      if (early?.head && !m.ix) {
        const names = await coacheeNames();
        const page = answerQuery({ ix: early.ix, memory: m.queries, known: m.known, names, now: Date.now(), quick: early.head }, q);
        void page.then(checkSoon, checkSoon);
        return page;
      }
    }
    const ix = await loadNow();
    // A page that found the head missing wakes the background with an empty query: made again if it is.
    if (m.checked && q.limit === 0) void keepDerivedRecords();
    const first = !m.checked;
    // A worker's first query: sessions edited after the last save are indexed again first (a few).
    if (first && ix.stale.size > 0 && ix.stale.size <= BULK) await serial(() => catchUp(context(ix), Date.now()));
    const page = answerQuery({ ix, memory: m.queries, known: m.known, names: await coacheeNames(), now: Date.now() }, q);
    // The check against the whole list (reading and checking it takes a while after years; it may start a
    // bulk build) goes on after the answer, not in its way.
    if (first) void page.then(checkSoon, checkSoon);
    return page;
  }

  /**
   * The check of a worker's first question, once questions pause: a person typing a search right after
   * the page opened is answered first (reading and checking the list of 50,000 sessions takes a while).
   */
  function checkSoon(): void {
    const memory = m;
    clearTimeout(memory.checkTimer);
    memory.checkTimer = setTimeout(() => {
      if (memory !== m) return;
      if (!m.checked) void ensureIndexes();
      else if (!m.ix) void loadNow();
    }, CHECK_DELAY);
  }

  /** Forget everything in memory (a worker that stopped and starts again): all of it, one object. */
  function reset(): void {
    clearTimeout(m.saveTimer);
    clearTimeout(m.changeTimer);
    clearTimeout(m.checkTimer);
    m = freshMemory();
  }

  return { ensureIndexes, keepDerivedRecords, followChanges, applyChanges, queryHistory, reset };
}

/** A keeper of the history (see createHistoryKeeper). */
export type HistoryKeeper = ReturnType<typeof createHistoryKeeper>;
