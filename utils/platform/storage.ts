/**
 * Every stored item, defined once, each paired with the schema that checks it.
 *
 * Layout (why): each concern of a session has its own key (`topic.<id>`,
 * later `timer.<id>`, `notes.<id>`), so a keystroke in the topic rewrites a few
 * hundred bytes and two surfaces editing different concerns never race on the
 * same read-modify-write.
 */
import * as v from 'valibot';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { AgendaSchema, type AgendaTemplate, type Phase, TemplateListSchema } from '../domain/agenda';
import {
  type Assignment,
  AssignmentListSchema,
  type CallState,
  CallStateSchema,
  type Coachee,
  CoacheeListSchema,
  describeIssues,
  EMPTY_TOPIC,
  EMPTY_WRAP_UP,
  NotesSchema,
  NullableIdSchema,
  PlanSchema,
  type PlanStep,
  type Quarantined,
  QuarantineListSchema,
  type Review,
  ReviewSchema,
  SessionListSchema,
  type SessionMeta,
  type Topic,
  TopicSchema,
  type WrapUp,
  WrapUpSchema,
} from '../domain/model';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../domain/settings';
import { type TimerEvent, TimerLogSchema } from '../domain/timer-schema';

/** A storage item together with the schema its stored value must pass. */
export interface Stored<T> {
  readonly key: string;
  readonly item: WxtStorageItem<T, Record<string, never>>;
  readonly schema: v.GenericSchema<unknown, T>;
  readonly fallback: T;
}

/** Define a stored item with its schema (every item is defined once, here or beside its only user). */
export function define<T>(key: `local:${string}` | `sync:${string}`, schema: v.GenericSchema<unknown, T>, fallback: T): Stored<T> {
  const item = storage.defineItem<T, Record<string, never>>(key, { fallback, version: 1 });
  return { key, item, schema, fallback };
}

/** Everyone coached on this browser. */
export const coacheesStore = define<Coachee[]>('local:coachees', CoacheeListSchema, []);
/** Metadata of every session, oldest first. */
export const sessionsStore = define<SessionMeta[]>('local:sessions', SessionListSchema, []);
/** The session the popup and the panel work on. */
export const activeSessionIdStore = define<string | null>('local:activeSessionId', NullableIdSchema, null);
/** Stored values that failed their schema check, kept so nothing is silently lost. */
export const quarantineStore = define<Quarantined[]>('local:quarantine', QuarantineListSchema, []);

/** The call a content script last reported (for the panel's offer to start the clock). */
export const callStateStore = define<CallState>('local:callState', CallStateSchema, null);

/** User settings. Kept here; mirrored to sync storage while the user lets them sync (utils/sync-mirror.ts). */
export const settingsStore = define<Settings>('local:settings', SettingsSchema, DEFAULT_SETTINGS);

/** The user's own agenda templates. Kept here; mirrored to sync storage while the user lets them sync. */
export const templatesStore = define<AgendaTemplate[]>('local:templates', TemplateListSchema, []);

/** One stored item per session and concern, created on first use and then reused. */
function perSession<T>(concern: string, schema: v.GenericSchema<unknown, T>, fallback: T): (sessionId: string) => Stored<T> {
  const cache = new Map<string, Stored<T>>();
  return (sessionId) => {
    let stored = cache.get(sessionId);
    if (!stored) {
      stored = define<T>(`local:${concern}.${sessionId}`, schema, fallback);
      cache.set(sessionId, stored);
    }
    return stored;
  };
}

/** The pre-work topic of one session. */
export const topicStore = perSession<Topic>('topic', TopicSchema, EMPTY_TOPIC);
/** The clock's event log of one session (append-only, but for `reset` events). */
export const timerStore = perSession<TimerEvent[]>('timer', TimerLogSchema, []);
/** The coach's notes of one session: plain text, in a key of its own so a keystroke rewrites only them. */
export const notesStore = perSession<string>('notes', NotesSchema, '');
/** The month's plan agreed in one session. */
export const planStore = perSession<PlanStep[]>('plan', PlanSchema, []);
/** The exercises and reading suggested in one session. */
export const homeworkStore = perSession<Assignment[]>('homework', AssignmentListSchema, []);
/** The review of the previous session's plan, made at the start of this one. */
export const reviewStore = perSession<Review>('review', ReviewSchema, null);
/** Feedback, next date and check-in note of one session. */
export const wrapUpStore = perSession<WrapUp>('wrapup', WrapUpSchema, EMPTY_WRAP_UP);
/** The phases of one session, copied from a template; null until chosen (then the default template applies). */
export const agendaStore = perSession<Phase[] | null>('agenda', v.nullable(AgendaSchema), null);

/** What a checked read returns: the value to use, and why the stored one was not used. */
export interface CheckedValue<T> {
  value: T;
  problem: string | null;
}

/** Check a value against a stored item's schema; a null value is the fallback. */
export function check<T>(stored: Stored<T>, raw: unknown): CheckedValue<T> & { valid: boolean } {
  if (raw === null || raw === undefined) return { value: stored.fallback, problem: null, valid: true };
  const result = v.safeParse(stored.schema, raw);
  if (result.success) return { value: result.output, problem: null, valid: true };
  return { value: stored.fallback, problem: describeIssues(result.issues), valid: false };
}

/**
 * Read an item and check it. A value of the wrong shape is copied to the
 * quarantine (once), reported in `problem`, and the fallback is used in its
 * place; the stored original is left untouched until the user writes.
 */
export async function readChecked<T>(stored: Stored<T>, now = Date.now()): Promise<CheckedValue<T>> {
  const raw = await storage.getItem<unknown>(stored.key as `local:${string}` | `sync:${string}`);
  const checked = check(stored, raw);
  if (!checked.valid && checked.problem) await quarantine(stored.key, raw, checked.problem, now);
  return { value: checked.value, problem: checked.problem };
}

/** Keep a bad stored value aside (deduplicated by key and content). */
export async function quarantine(key: string, raw: unknown, problem: string, now = Date.now()): Promise<void> {
  if (key === quarantineStore.key) return; // never recurse on our own list
  const current = check(quarantineStore, await storage.getItem<unknown>('local:quarantine')).value;
  const rawJson = safeJson(raw);
  if (current.some((q) => q.key === key && safeJson(q.raw) === rawJson)) return;
  await quarantineStore.item.setValue([...current, { key, at: now, problem, raw }].slice(-50));
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return String(value);
  }
}
