/**
 * The index of sessions: what the history, search, the coachee pages and the
 * charts need, a few hundred bytes a session, kept beside the data so pages
 * never read every note to list or count sessions.
 * Pure: no browser calls.
 */
import * as v from 'valibot';
import type { Phase } from '../agenda';
import type { Assignment, PlanStep, Review, SessionMeta, Topic } from '../model';
import { onlyNoTime } from '../review';
import { sessionAt } from '../session-day';
import { recordedMinutes } from '../session-figures';
import { recordedView } from '../session-life';
import { firstStartAt } from '../timer-log';
import type { TimerEvent } from '../timer-schema';

/**
 * Bumped when the entry's shape or meaning changes: an index of another version is rebuilt.
 * 3: lengths and phase minutes are the recorded ones (an ended clock, or one ended by the auto-end rule).
 * 4: phase minutes are whole, from `recordedMinutes` (the summary's, the exports' and the charts' one source).
 * 5: a session not yet held carries the day it is for (`on`): it is dated by that day, not by when it was made.
 */
export const INDEX_VERSION = 5;

const Minutes = v.pipe(v.number(), v.minValue(0));
export const IndexEntrySchema = v.object({
  id: v.string(),
  coacheeId: v.string(),
  createdAt: v.number(),
  /** When the clock first started, or null. */
  startedAt: v.nullable(v.number()),
  title: v.string(),
  /** Running time of the clock. */
  lengthMs: v.number(),
  /** Each phase: its title, planned and actual minutes (whole, as `recordedMinutes` gives them: they add up to its totals). */
  phases: v.array(v.object({ title: v.string(), planned: Minutes, actual: Minutes })),
  plan: v.object({ total: v.number(), done: v.number() }),
  /** Minutes a week the homework asks for, and the minutes logged by week (Monday's date). */
  homework: v.object({ perWeek: Minutes, logged: v.record(v.string(), Minutes) }),
  /** The review of the previous plan: how many steps were reviewed, and whether an answer was only "no time". */
  review: v.nullable(v.object({ items: v.number(), noTime: v.boolean() })),
  nextSessionAt: v.nullable(v.number()),
  /** The day the session is for (YYYY-MM-DD), as the coachee's pre-work card named it; absent when not named. */
  on: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
});
export type IndexEntry = v.InferOutput<typeof IndexEntrySchema>;

/** The index: its version and an entry per session id. */
export interface SessionIndex {
  version: number;
  entries: Record<string, IndexEntry>;
}

/**
 * How the index is stored: one row (an array) per session and each distinct list
 * of phase titles once, about a third of the size of the objects, because
 * reading a value from extension storage costs time in proportion to its size
 * (10,000 sessions: 4.3 MB of objects read in 1.2 s).
 */
export interface PackedIndex {
  version: number;
  /** Distinct lists of phase titles; a row names its list by position. */
  agendas: string[][];
  /** [id, coacheeId, createdAt, startedAt, title, lengthMs, agenda, planned/actual minutes…, planTotal, planDone, perWeek, logged, review, nextSessionAt, on] */
  rows: unknown[][];
  /** Which save of the background's this is (its copy in IndexedDB has the same; a page's rebuild has none). */
  stamp?: string;
}

/** The stored form of an index. */
export function packIndex(index: SessionIndex): PackedIndex {
  const agendas: string[][] = [];
  const agendaKeys = new Map<string, number>();
  const rows = Object.values(index.entries).map((e) => {
    const titles = e.phases.map((p) => p.title);
    const key = JSON.stringify(titles);
    let agenda = agendaKeys.get(key);
    if (agenda === undefined) {
      agenda = agendas.push(titles) - 1;
      agendaKeys.set(key, agenda);
    }
    const logged = Object.keys(e.homework.logged).length > 0 ? e.homework.logged : 0;
    const review = e.review === null ? null : [e.review.items, e.review.noTime ? 1 : 0];
    return [
      e.id,
      e.coacheeId,
      e.createdAt,
      e.startedAt,
      e.title,
      e.lengthMs,
      agenda,
      e.phases.flatMap((p) => [p.planned, p.actual]),
      e.plan.total,
      e.plan.done,
      e.homework.perWeek,
      logged,
      review,
      e.nextSessionAt,
      e.on ?? null,
    ];
  });
  return { version: index.version, agendas, rows };
}

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const str = (x: unknown): x is string => typeof x === 'string';

/**
 * The index from its stored form, or null when the value is not one (the index
 * is derived data: a value that does not fit is rebuilt from the sessions, which
 * keep their full schemas).
 */
export function unpackIndex(value: unknown): SessionIndex | null {
  if (typeof value !== 'object' || value === null) return null;
  // The read's check unpacks it, and the reader again: the second time is free (50,000 rows take a while).
  const known = unpacked.get(value);
  if (known) return known;
  const index = unpackRows(value);
  if (index) unpacked.set(value, index);
  return index;
}

/** Stored values unpacked already (values read are not changed afterwards: the reader copies the entries). */
const unpacked = new WeakMap<object, SessionIndex>();

function unpackRows(value: object): SessionIndex | null {
  const { version, agendas, rows } = value as Partial<PackedIndex>;
  if (!num(version) || !Array.isArray(agendas) || !Array.isArray(rows)) return null;
  const entries: Record<string, IndexEntry> = {};
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== 15) return null;
    const [id, coacheeId, createdAt, startedAt, title, lengthMs, agenda, minutes, total, done, perWeek, logged, review, next, on] = row;
    const titles = num(agenda) ? agendas[agenda] : undefined;
    if (!str(id) || !str(coacheeId) || !num(createdAt) || !(startedAt === null || num(startedAt)) || !str(title) || !num(lengthMs))
      return null;
    if (!Array.isArray(titles) || !Array.isArray(minutes) || !num(total) || !num(done) || !num(perWeek)) return null;
    if (!(on === null || (str(on) && /^\d{4}-\d{2}-\d{2}$/.test(on)))) return null;
    if (!(next === null || num(next)) || !(logged === 0 || (typeof logged === 'object' && logged !== null))) return null;
    const reviewed = Array.isArray(review) && num(review[0]) ? { items: review[0], noTime: review[1] === 1 } : null;
    entries[id] = {
      id,
      coacheeId,
      createdAt,
      startedAt,
      title,
      lengthMs,
      phases: titles.map((t, i) => ({ title: String(t), planned: Number(minutes[2 * i]) || 0, actual: Number(minutes[2 * i + 1]) || 0 })),
      plan: { total, done },
      homework: { perWeek, logged: logged === 0 ? {} : (logged as Record<string, number>) },
      review: reviewed,
      nextSessionAt: next,
      ...(str(on) ? { on } : {}),
    };
  }
  return { version, entries };
}

export const PackedIndexSchema = v.custom<PackedIndex>((value) => unpackIndex(value) !== null, 'not a session index');
export const EMPTY_INDEX: SessionIndex = { version: INDEX_VERSION, entries: {} };

/** The parts of a session the index is made from (never the notes). */
export interface IndexSource {
  topic: Topic;
  timer: TimerEvent[];
  agenda: Phase[] | null;
  plan: PlanStep[];
  homework: Assignment[];
  review: Review;
  nextSessionAt: number | null;
}

/** One session's index entry. */
export function indexEntry(meta: SessionMeta, source: IndexSource, defaultAgenda: readonly Phase[], now: number): IndexEntry {
  // Recorded times only (the progress charts read these): never a clock still counting a month later.
  const view = recordedView(source.timer, source.agenda ?? defaultAgenda, now);
  const logged: Record<string, number> = {};
  for (const a of source.homework) for (const [week, minutes] of Object.entries(a.logged)) logged[week] = (logged[week] ?? 0) + minutes;
  return {
    id: meta.id,
    coacheeId: meta.coacheeId,
    createdAt: meta.createdAt,
    startedAt: firstStartAt(source.timer),
    title: source.topic.title,
    lengthMs: view.sessionElapsedMs,
    phases: recordedMinutes(view).phases.map((p) => ({ title: p.title, planned: p.planned, actual: p.taken })),
    plan: { total: source.plan.length, done: source.plan.filter((s) => s.done).length },
    homework: { perWeek: source.homework.reduce((sum, a) => sum + a.minutesPerWeek, 0), logged },
    review: source.review
      ? {
          items: source.review.items.length,
          noTime: source.review.items.some((i) => onlyNoTime(i.heldBack)) || onlyNoTime(source.review.rootCause),
        }
      : null,
    nextSessionAt: source.nextSessionAt,
    ...(meta.on ? { on: meta.on } : {}),
  };
}

/** When a session is dated, for listing and ordering: its first start; not yet held, the day it is for, else its creation. */
export const sessionTime = (e: Pick<IndexEntry, 'startedAt' | 'createdAt' | 'on'>): number => sessionAt(e.startedAt, e.on, e.createdAt);

/** Entries newest first, optionally of one coachee. */
export function newestFirst(index: SessionIndex, coacheeId: string | null = null): IndexEntry[] {
  const all = Object.values(index.entries);
  // Each entry's time once, not at each comparison (50,000 entries: a worker's first answer waited for it).
  const times = new Map(all.map((e) => [e, sessionTime(e)]));
  const time = (e: IndexEntry) => times.get(e) ?? 0;
  return (coacheeId ? all.filter((e) => e.coacheeId === coacheeId) : all).sort((a, b) => time(b) - time(a));
}

/** Whether the index lists exactly these sessions, at the current version (else it is rebuilt). */
export function indexMatches(index: SessionIndex, sessions: readonly SessionMeta[]): boolean {
  if (index.version !== INDEX_VERSION) return false;
  const ids = Object.keys(index.entries);
  return ids.length === sessions.length && sessions.every((s) => s.id in index.entries);
}
