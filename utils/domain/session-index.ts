/**
 * The index of sessions: what the history, search, the coachee pages and the
 * charts need, a few hundred bytes a session, kept beside the data so pages
 * never read every note to list or count sessions.
 * Pure: no browser calls.
 */
import * as v from 'valibot';
import type { Phase } from './agenda';
import type { Assignment, PlanStep, Review, SessionMeta, Topic } from './model';
import { onlyNoTime } from './review';
import { timerView } from './timer';
import { firstStartAt } from './timer-log';
import type { TimerEvent } from './timer-schema';

/** Bumped when the entry's shape or meaning changes: an index of another version is rebuilt. */
export const INDEX_VERSION = 1;

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
  /** Each phase: its title, planned and actual minutes. */
  phases: v.array(v.object({ title: v.string(), planned: Minutes, actual: Minutes })),
  plan: v.object({ total: v.number(), done: v.number() }),
  /** Minutes a week the homework asks for, and the minutes logged by week (Monday's date). */
  homework: v.object({ perWeek: Minutes, logged: v.record(v.string(), Minutes) }),
  /** The review of the previous plan: how many steps were reviewed, and whether an answer was only "no time". */
  review: v.nullable(v.object({ items: v.number(), noTime: v.boolean() })),
  nextSessionAt: v.nullable(v.number()),
});
export type IndexEntry = v.InferOutput<typeof IndexEntrySchema>;

/** The index: its version and an entry per session id. */
export interface SessionIndex {
  version: number;
  entries: Record<string, IndexEntry>;
}

/**
 * The index is derived data, rebuilt from the sessions whenever it does not
 * fit, so its check is a quick look at its shape (every entry's fields present
 * and of the right kind) rather than a full schema pass over ten thousand
 * entries on every read; the sessions themselves keep their full schemas.
 */
function looksLikeIndex(value: unknown): value is SessionIndex {
  if (typeof value !== 'object' || value === null) return false;
  const { version, entries } = value as { version?: unknown; entries?: unknown };
  if (typeof version !== 'number' || typeof entries !== 'object' || entries === null) return false;
  for (const e of Object.values(entries as Record<string, unknown>)) {
    const x = e as Partial<IndexEntry> | null;
    if (
      !x ||
      typeof x.id !== 'string' ||
      typeof x.coacheeId !== 'string' ||
      typeof x.createdAt !== 'number' ||
      typeof x.title !== 'string' ||
      typeof x.lengthMs !== 'number' ||
      !Array.isArray(x.phases) ||
      typeof x.plan !== 'object' ||
      typeof x.homework !== 'object'
    )
      return false;
  }
  return true;
}
export const SessionIndexSchema = v.custom<SessionIndex>(looksLikeIndex, 'not a session index');
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

const min = (ms: number) => Math.round(ms / 6_000) / 10;

/** One session's index entry. */
export function indexEntry(meta: SessionMeta, source: IndexSource, defaultAgenda: readonly Phase[], now: number): IndexEntry {
  const view = timerView(source.timer, source.agenda ?? defaultAgenda, now);
  const logged: Record<string, number> = {};
  for (const a of source.homework) for (const [week, minutes] of Object.entries(a.logged)) logged[week] = (logged[week] ?? 0) + minutes;
  return {
    id: meta.id,
    coacheeId: meta.coacheeId,
    createdAt: meta.createdAt,
    startedAt: firstStartAt(source.timer),
    title: source.topic.title,
    lengthMs: view.sessionElapsedMs,
    phases: view.phases.map((p) => ({ title: p.title, planned: min(p.plannedMs), actual: min(p.actualMs) })),
    plan: { total: source.plan.length, done: source.plan.filter((s) => s.done).length },
    homework: { perWeek: source.homework.reduce((sum, a) => sum + a.minutesPerWeek, 0), logged },
    review: source.review
      ? {
          items: source.review.items.length,
          noTime: source.review.items.some((i) => onlyNoTime(i.heldBack)) || onlyNoTime(source.review.rootCause),
        }
      : null,
    nextSessionAt: source.nextSessionAt,
  };
}

/** When a session happened, for ordering: its first start, else its creation. */
export const sessionTime = (e: Pick<IndexEntry, 'startedAt' | 'createdAt'>): number => e.startedAt ?? e.createdAt;

/** Entries newest first, optionally of one coachee. */
export function newestFirst(index: SessionIndex, coacheeId: string | null = null): IndexEntry[] {
  const all = Object.values(index.entries);
  return (coacheeId ? all.filter((e) => e.coacheeId === coacheeId) : all).sort((a, b) => sessionTime(b) - sessionTime(a));
}

/** Whether the index lists exactly these sessions, at the current version (else it is rebuilt). */
export function indexMatches(index: SessionIndex, sessions: readonly SessionMeta[]): boolean {
  if (index.version !== INDEX_VERSION) return false;
  const ids = Object.keys(index.entries);
  return ids.length === sessions.length && sessions.every((s) => s.id in index.entries);
}
