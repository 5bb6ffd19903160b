/**
 * The history's queries (a platform adapter): a page of the list, searched and
 * filtered, from the indexes the background holds; while a build is under way,
 * the sessions not indexed yet are scanned, those whose texts the last changes
 * brought at once, the rest in small steps read from storage within a time
 * budget, and the answer says whether older sessions may follow.
 */
import { rankMatches, sessionText } from '../../domain/history/full-text';
import { queryWords, textMatcher } from '../../domain/history/query';
import type { HistoryPage, HistoryQuery } from '../../domain/history/records';
import { type IndexEntry, indexEntry, newestFirst } from '../../domain/history/session-index';
import { firstSnippet } from '../../domain/history/snippet';
import { scoresFor, shardsToLoad } from '../../domain/history/text-index';
import type { SessionMeta } from '../../domain/model';
import { SESSION_PARTS } from '../../domain/session-parts';
import { localDefaultTemplate } from '../default-template';
import { type Indexes, isIndexed, loadShards } from './indexes';
import { type QuickHead, quickEntries, quickFold } from './quick-start';
import { readSources, type SessionSource } from './session-index-store';

/** Sessions read from storage per step of a scan. */
const SCAN_STEP = 100;
/** How long one answer may scan storage for sessions not indexed yet (the rest: "older sessions may follow"). */
const SCAN_BUDGET_MS = 200;
/** The longest stretch of scanning texts in memory before the worker's other events get their turn. */
const SCAN_SLICE_MS = 12;
/** The parts of a session whose words are searched. */
const TEXT_PARTS = ['topic', 'notes', 'plan', 'homework', 'review', 'wrapUp'] as const;

/** The list's order (newest first) and each entry's title and coachee name folded, made again when the index changes. */
interface Order {
  coacheeId: string | null;
  names: string;
  ids: string[];
  quick: Map<string, string>;
}

/** What queries keep between two answers (the keeper forgets it when the indexes change). */
export interface QueryMemory {
  order: Order | null;
  /** The last search's scan of sessions not indexed yet: which were looked at, which matched. */
  scan: { key: string; checked: Set<string>; knownMiss: Set<string>; hits: Map<string, IndexEntry> } | null;
}

export const freshQueryMemory = (): QueryMemory => ({ order: null, scan: null });

/** What a query works with. */
export interface QueryContext {
  ix: Indexes;
  memory: QueryMemory;
  /** Parts of sessions by storage key, as the last changes wrote them. */
  known: ReadonlyMap<string, unknown>;
  names: Map<string, string>;
  now: number;
  /** A worker's quick start, while its session index is not read yet (the order and the rows come from it). */
  quick?: QuickHead;
}

/** Orders made from a quick start, by coachee and names (a worker's first questions each need one). */
const quickOrders = new WeakMap<QuickHead, Map<string, Order>>();

/** The order from a worker's quick start, its titles folded already (the session index read later replaces it). */
function quickOrder(head: QuickHead, names: Map<string, string>, coacheeId: string | null): Order {
  const key = JSON.stringify([coacheeId, ...names]);
  const made = quickOrders.get(head) ?? new Map<string, Order>();
  quickOrders.set(head, made);
  const known = made.get(key);
  if (known) return known;
  const folded = new Map([...names].map(([id, name]) => [id, quickFold(name)]));
  const ids: string[] = [];
  const quick = new Map<string, string>();
  head.ids.forEach((id, i) => {
    const coachee = head.coachees[i] ?? '';
    if (coacheeId !== null && coachee !== coacheeId) return;
    ids.push(id);
    quick.set(id, `${head.titles[i] ?? ''}\n${folded.get(coachee) ?? ''}`);
  });
  const order = { coacheeId, names: key, ids, quick };
  made.set(key, order);
  return order;
}

function orderFor(ctx: QueryContext, coacheeId: string | null): Order {
  if (ctx.quick) return quickOrder(ctx.quick, ctx.names, coacheeId);
  const nameKey = JSON.stringify([...ctx.names]);
  const cached = ctx.memory.order;
  if (cached && cached.coacheeId === coacheeId && cached.names === nameKey) return cached;
  const entries = newestFirst(ctx.ix.meta, coacheeId);
  const order: Order = {
    coacheeId,
    names: nameKey,
    ids: entries.map((e) => e.id),
    quick: new Map(entries.map((e) => [e.id, quickFold(`${e.title}\n${ctx.names.get(e.coacheeId) ?? ''}`)])),
  };
  ctx.memory.order = order;
  return order;
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const items = (x: unknown): Record<string, unknown>[] =>
  Array.isArray(x) ? x.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null) : [];
const fields = (x: unknown): Record<string, unknown> => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {});

/** The searched words of each part, read from a raw value as a change brought it (a value of another shape has none). */
const TEXT_OF: Record<(typeof TEXT_PARTS)[number], (value: unknown) => string[]> = {
  topic: (v) => [str(fields(v).title), str(fields(v).difficulty), str(fields(v).outcome)],
  notes: (v) => [str(v)],
  plan: (v) => items(v).map((s) => str(s.text)),
  homework: (v) => items(v).map((a) => str(a.title)),
  review: (v) => [...items(fields(v).items).flatMap((i) => [str(i.heldBack), str(i.dreading)]), str(fields(v).rootCause)],
  wrapUp: (v) => [str(fields(v).feedback)],
};

/**
 * A session's searched text from the values the last changes brought, and whether those were all of it.
 * Read leniently, without the schema check (thousands of sessions in one answer): a match found here is
 * in the session's words; the row shown is made from the checked values.
 */
function knownText(known: ReadonlyMap<string, unknown>, id: string): { lines: string[]; whole: boolean } {
  let whole = true;
  const lines: string[] = [];
  for (const name of TEXT_PARTS) {
    const key = `${SESSION_PARTS[name].prefix}.${id}`;
    if (!known.has(key)) whole = false;
    else lines.push(...TEXT_OF[name](known.get(key)));
  }
  return { lines, whole };
}

/**
 * The sessions not indexed yet that match: first all those whose texts are in memory, then the rest
 * read from storage, newest first, until the time budget is spent. Remembered for the same search
 * asked again (the build's progress asks again), so each session is looked at once.
 */
async function scanPending(ctx: QueryContext, words: string[], coacheeId: string | null) {
  const key = JSON.stringify([words, coacheeId]);
  if (ctx.memory.scan?.key !== key) ctx.memory.scan = { key, checked: new Set(), knownMiss: new Set(), hits: new Map() };
  const memo = ctx.memory.scan;
  const match = textMatcher(words);
  const pending = ctx.ix.pending.filter(
    (m) => !isIndexed(ctx.ix, m.id) && !memo.checked.has(m.id) && (coacheeId === null || m.coacheeId === coacheeId),
  );
  const name = (m: SessionMeta) => ctx.names.get(m.coacheeId) ?? '';
  const found: SessionMeta[] = [];
  const toRead: SessionMeta[] = [];
  let sliceStart = Date.now();
  for (const [i, meta] of pending.entries()) {
    // Tens of thousands of texts in memory (a restore of years): the worker's other events get their turn
    // between slices, as during the build, so the scan does not hold a core for seconds.
    if (i % 50 === 0 && Date.now() - sliceStart >= SCAN_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = Date.now();
    }
    if (memo.knownMiss.has(meta.id)) {
      toRead.push(meta);
      continue;
    }
    const { lines, whole } = knownText(ctx.known, meta.id);
    lines.push(name(meta));
    if (match(lines)) found.push(meta);
    else if (whole) memo.checked.add(meta.id);
    else {
      memo.knownMiss.add(meta.id);
      toRead.push(meta);
    }
  }
  const started = Date.now();
  // Found among the values in memory: answered at once, the storage scan goes on at the next question.
  const budget = found.length > 0 || memo.hits.size > 0 ? 0 : SCAN_BUDGET_MS;
  let complete = true;
  const sources = new Map<string, SessionSource>();
  for (let i = 0; i < toRead.length; i += SCAN_STEP) {
    if (Date.now() - started >= budget) {
      complete = false;
      break;
    }
    const step = toRead.slice(i, i + SCAN_STEP);
    const read = await readSources(
      step.map((m) => m.id),
      true,
      ctx.known,
    );
    for (const meta of step) {
      const source = read.get(meta.id);
      memo.checked.add(meta.id);
      if (source && match([sessionText(source), name(meta)])) {
        found.push(meta);
        sources.set(meta.id, source);
      }
    }
  }
  const missing = found.filter((m) => !sources.has(m.id));
  if (missing.length > 0)
    for (const [id, source] of await readSources(
      missing.map((m) => m.id),
      false,
      ctx.known,
    ))
      sources.set(id, source);
  const phases = localDefaultTemplate().phases;
  for (const meta of found) {
    const source = sources.get(meta.id);
    memo.checked.add(meta.id);
    if (source) memo.hits.set(meta.id, indexEntry(meta, source, phases, ctx.now));
  }
  // (One indexed since the question began is among these too: the caller lists each session once.)
  const hits = [...memo.hits.values()].sort((a, b) => b.createdAt - a.createdAt);
  return { hits, complete };
}

/**
 * A page of the history: everyone's or one coachee's sessions, newest first;
 * with a search, those whose words (any of topic, notes, plan, homework, review,
 * feedback, or the coachee's name) start with every word of it, best first, and
 * the matching words in context for the page's rows.
 */
export async function answerQuery(ctx: QueryContext, q: HistoryQuery): Promise<HistoryPage> {
  const { ix } = ctx;
  const words = queryWords(q.query);
  // The shards of the full-text index these words need (a worker that just started has none in memory).
  if (words.length > 0) await loadShards(ix, shardsToLoad(ix.text, words));
  const { ids, quick } = orderFor(ctx, q.coacheeId);
  const indexed =
    words.length === 0
      ? ids
      : rankMatches(
          words,
          (w) => scoresFor(ix.text, w),
          (w) => ids.filter((id) => quick.get(id)?.includes(w)),
          ids,
        );
  const building = ix.pending.length > 0;
  // Counted with the order, before any await: the build goes on meanwhile.
  const notIndexed = building
    ? ix.pending.filter((m) => !isIndexed(ix, m.id) && (q.coacheeId === null || m.coacheeId === q.coacheeId)).length
    : 0;
  const scanned = building && words.length > 0 ? await scanPending(ctx, words, q.coacheeId) : { hits: [], complete: true };
  // A session that may have changed is in the index (its old words) and scanned (its new ones): listed once.
  const listed = new Set(indexed);
  const hits = scanned.hits.filter((e) => !listed.has(e.id));
  const byId = new Map(hits.map((e) => [e.id, e]));
  const matches = [...indexed, ...hits.map((e) => e.id)];
  const shown = matches.slice(q.offset, q.offset + q.limit);
  const early = ctx.quick ? quickEntries(ctx.quick, shown) : null;
  const rows = shown.map((id) => early?.get(id) ?? ix.meta.entries[id] ?? byId.get(id)).filter((e): e is IndexEntry => e !== undefined);
  return {
    total: ids.length + notIndexed,
    matched: matches.length,
    rows,
    snippets: q.snippets !== false && words.length > 0 && rows.length > 0 ? await snippetsFor(ctx, rows, words) : {},
    prepared: ix.prepared,
    stored: ix.stored,
    complete: scanned.complete,
  };
}

/** The matching words in context for the page's rows. */
async function snippetsFor(ctx: QueryContext, rows: readonly IndexEntry[], words: string[]): Promise<HistoryPage['snippets']> {
  const snippets: HistoryPage['snippets'] = {};
  const sources = await readSources(
    rows.map((r) => r.id),
    true,
    ctx.known,
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
  return snippets;
}
