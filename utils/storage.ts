/**
 * Every stored item, defined once, each paired with the schema that checks it.
 *
 * Layout (why): each concern of a session has its own key (`topic.<id>`,
 * later `timer.<id>`, `notes.<id>`), so a keystroke in the topic rewrites a few
 * hundred bytes and two surfaces editing different concerns never race on the
 * same read-modify-write.
 */
import type * as v from 'valibot';
import * as valibot from 'valibot';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import {
  type Coachee,
  CoacheeListSchema,
  describeIssues,
  EMPTY_TOPIC,
  NullableIdSchema,
  type Quarantined,
  QuarantineListSchema,
  SessionListSchema,
  type SessionMeta,
  type Topic,
  TopicSchema,
} from './model';

/** A storage item together with the schema its stored value must pass. */
export interface Stored<T> {
  readonly key: string;
  readonly item: WxtStorageItem<T, Record<string, never>>;
  readonly schema: v.GenericSchema<unknown, T>;
  readonly fallback: T;
}

function define<T>(key: `local:${string}` | `sync:${string}`, schema: v.GenericSchema<unknown, T>, fallback: T): Stored<T> {
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

const topicStores = new Map<string, Stored<Topic>>();
/** The pre-work topic of one session. */
export function topicStore(sessionId: string): Stored<Topic> {
  let stored = topicStores.get(sessionId);
  if (!stored) {
    stored = define<Topic>(`local:topic.${sessionId}`, TopicSchema, EMPTY_TOPIC);
    topicStores.set(sessionId, stored);
  }
  return stored;
}

/** What a checked read returns: the value to use, and why the stored one was not used. */
export interface CheckedValue<T> {
  value: T;
  problem: string | null;
}

/** Check a value against a stored item's schema; a null value is the fallback. */
export function check<T>(stored: Stored<T>, raw: unknown): CheckedValue<T> & { valid: boolean } {
  if (raw === null || raw === undefined) return { value: stored.fallback, problem: null, valid: true };
  const result = valibot.safeParse(stored.schema, raw);
  if (result.success) return { value: result.output, problem: null, valid: true };
  return { value: stored.fallback, problem: describeIssues(result.issues), valid: false };
}

/**
 * Read an item and check it. A value of the wrong shape is copied to the
 * quarantine (once), reported in `problem`, and the fallback is used in its
 * place; the stored original is left untouched until the user writes.
 */
export async function readChecked<T>(stored: Stored<T>, now = Date.now()): Promise<CheckedValue<T>> {
  const raw = await storage.getItem<unknown>(stored.key as `local:${string}`);
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
