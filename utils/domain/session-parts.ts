/**
 * The parts of a session, each defined once: the name it has in a backup, the
 * storage key prefix it lives under (`<prefix>.<sessionId>`), its schema, its
 * empty value and how two pages' edits of it combine. Storage items, the data
 * set, the backup schema, deleting and the background's key filters are all
 * derived from this list.
 * Pure: no browser calls.
 */
import * as v from 'valibot';
import { AgendaSchema, type Phase } from './agenda';
import { mergeValues } from './merge';
import {
  type Assignment,
  AssignmentListSchema,
  EMPTY_TOPIC,
  EMPTY_WRAP_UP,
  NotesSchema,
  PlanSchema,
  type PlanStep,
  type Review,
  ReviewSchema,
  type Topic,
  TopicSchema,
  type WrapUp,
  WrapUpSchema,
} from './model';
import { mergeText } from './text-merge';
import { mergeTimerLogs } from './timer-log';
import { type TimerEvent, TimerLogSchema } from './timer-schema';
import { mergeTopic } from './topic';

/** What a merge may need from the page: the words that head the other page's conflicting text. */
export interface MergeContext {
  conflictMarker: string;
}

/** Three-way merge: what both pages started from, this page's value, the other page's value. */
export type Merge<T> = (base: T, local: T, remote: T, context: MergeContext) => T;

/** One part of a session. */
export interface SessionPart<T> {
  /** Storage key prefix: the part of session `id` lives under `<prefix>.<id>`. */
  readonly prefix: string;
  readonly schema: v.GenericSchema<unknown, T>;
  readonly fallback: T;
  readonly merge: Merge<T>;
}

function part<T>(prefix: string, schema: v.GenericSchema<unknown, T>, fallback: T, merge: Merge<T> = mergeValues): SessionPart<T> {
  return { prefix, schema, fallback, merge };
}

/** Every part of a session, by the name it carries in a backup. */
export const SESSION_PARTS = {
  /** The pre-work topic: merged field by field. */
  topic: part<Topic>('topic', TopicSchema, EMPTY_TOPIC, mergeTopic),
  /** The coach's notes: plain text in a key of its own, merged three-way by region. */
  notes: part<string>('notes', NotesSchema, '', (base, local, remote, context) => mergeText(base, local, remote, context.conflictMarker)),
  /** The clock's event log: merged as a union of events. */
  timer: part<TimerEvent[]>('timer', TimerLogSchema, [], mergeTimerLogs),
  /** The phases, copied from a template; null until chosen (then the default template applies). */
  agenda: part<Phase[] | null>('agenda', v.nullable(AgendaSchema), null),
  /** The month's plan: merged by step id. */
  plan: part<PlanStep[]>('plan', PlanSchema, []),
  /** Exercises and reading with their minutes: merged by id. */
  homework: part<Assignment[]>('homework', AssignmentListSchema, []),
  /** The review of the previous session's plan. */
  review: part<Review>('review', ReviewSchema, null),
  /** Feedback, next date and check-in note. */
  wrapUp: part<WrapUp>('wrapup', WrapUpSchema, EMPTY_WRAP_UP),
} as const;

export type SessionPartName = keyof typeof SESSION_PARTS;
/** The value of each part. */
export type SessionPartValues = { [K in SessionPartName]: (typeof SESSION_PARTS)[K]['fallback'] };
export const SESSION_PART_NAMES = Object.keys(SESSION_PARTS) as SessionPartName[];

/** The schema of each part, keyed by name (for the backup's session record). */
export const SESSION_PART_SCHEMAS = Object.fromEntries(SESSION_PART_NAMES.map((name) => [name, SESSION_PARTS[name].schema])) as {
  [K in SessionPartName]: (typeof SESSION_PARTS)[K]['schema'];
};

/** The part and session a storage key (without area) belongs to, or null. */
export function partOfKey(key: string): { name: SessionPartName; sessionId: string } | null {
  const dot = key.indexOf('.');
  if (dot < 0) return null;
  const prefix = key.slice(0, dot);
  const name = SESSION_PART_NAMES.find((n) => SESSION_PARTS[n].prefix === prefix);
  return name ? { name, sessionId: key.slice(dot + 1) } : null;
}

/** Whether a storage key (without area) holds one of the named parts of some session. */
export function isPartKey(key: string, ...names: SessionPartName[]): boolean {
  const found = partOfKey(key);
  return found !== null && names.includes(found.name);
}
