/**
 * Every stored item, defined once, each paired with the schema that checks it
 * (a platform adapter over WXT's storage).
 *
 * Layout (why): each part of a session has its own key (`topic.<id>`,
 * `notes.<id>`, `timer.<id>`…, listed once in domain/session-parts.ts), so a
 * keystroke in the notes rewrites only the notes, and two surfaces editing
 * different parts never race on the same read-modify-write.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { AgendaTemplate } from '../domain/agenda';
import { TemplateListSchema } from '../domain/agenda';
import { sameJson } from '../domain/json';
import {
  type CallState,
  CallStateSchema,
  type Coachee,
  CoacheeListSchema,
  describeIssues,
  NullableIdSchema,
  type Quarantined,
  QuarantineListSchema,
  SessionListSchema,
  type SessionMeta,
} from '../domain/model';
import { EMPTY_RECENT, type RecentSessions, RecentSessionsSchema } from '../domain/recent-sessions';
import { type Merge, SESSION_PARTS, type SessionPart, type SessionPartName, type SessionPartValues } from '../domain/session-parts';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../domain/settings';

/** A storage item together with the schema its stored value must pass. */
export interface Stored<T> {
  /** The key with its area (`local:…`), as WXT names it. */
  readonly key: string;
  /** The key as the browser stores it (no area), as `storage.onChanged` reports it. */
  readonly bare: string;
  readonly item: StoredItem<T>;
  readonly schema: v.GenericSchema<unknown, T>;
  readonly fallback: T;
  /** How two pages' edits combine; `mergeValues` (by id, by field) when absent. */
  readonly merge?: Merge<T>;
}

/** Reading, writing and watching one stored value (the missing value reads as the item's fallback). */
export interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(cb: (next: T, previous: T) => void): () => void;
}

/** A WXT storage key without its area. */
export const bareKey = (key: string): string => key.replace(/^(local|sync|session):/, '');

/** Define a stored item with its schema (every item is defined once, here or beside its only user). */
export function define<T>(
  key: `local:${string}` | `sync:${string}` | `session:${string}`,
  schema: v.GenericSchema<unknown, T>,
  fallback: T,
  merge?: Merge<T>,
): Stored<T> {
  // Not WXT's defineItem: it reads the item's value as soon as it is defined (its init step runs even without
  // `init`), so defining every item when this module loads made each page read them all, the whole session list
  // (0.6 MB at 10,000 sessions) included, with every other read queued behind it. The same calls, read on use.
  const item: StoredItem<T> = {
    getValue: () => storage.getItem<T>(key, { fallback }),
    setValue: (value) => storage.setItem<T>(key, value),
    watch: (cb) => storage.watch<T>(key, (next, previous) => cb(next ?? fallback, previous ?? fallback)),
  };
  return { key, bare: bareKey(key), item, schema, fallback, merge };
}

/** Everyone coached on this browser. */
export const coacheesStore = define<Coachee[]>('local:coachees', CoacheeListSchema, []);
/** Metadata of every session, oldest first. */
export const sessionsStore = define<SessionMeta[]>('local:sessions', SessionListSchema, []);
/**
 * The active session and the few near it, kept by the background, so the panel and the popup never read the whole list.
 * Derived, so in `storage.session` (memory, this browser run): never part of the user's data in `storage.local`
 * (backups, sync, the "nothing changed" checks), made again by the background at each start.
 */
export const recentSessionsStore = define<RecentSessions>('session:recentSessions', RecentSessionsSchema, EMPTY_RECENT);
/** The session the popup and the panel work on. */
export const activeSessionIdStore = define<string | null>('local:activeSessionId', NullableIdSchema, null);
/** Stored values that failed their schema check, kept so nothing is silently lost. */
export const quarantineStore = define<Quarantined[]>('local:quarantine', QuarantineListSchema, []);

/** The call a content script last reported (for the panel's offer to start the clock). */
export const callStateStore = define<CallState>('local:callState', CallStateSchema, null);

/** User settings. Kept here; mirrored to sync storage while the user lets them sync (platform/settings-mirror.ts). */
export const settingsStore = define<Settings>('local:settings', SettingsSchema, DEFAULT_SETTINGS);

/** The user's own agenda templates. Kept here; mirrored to sync storage while the user lets them sync. */
export const templatesStore = define<AgendaTemplate[]>('local:templates', TemplateListSchema, []);

/** One value to put, paired with its item (so its type is checked where it is made). */
export interface Put {
  key: string;
  value: unknown;
}
/** A value for an item, to put with others in one call. */
export const put = <T>(stored: Stored<T>, value: T): Put => ({ key: stored.key, value });

/**
 * Put several values in one storage call per area (one `storage.local.set`, so a
 * page sees all of them or none), and remove keys (with area, e.g. `local:topic.x`).
 */
export async function writeAll(puts: readonly Put[], removals: readonly string[] = []): Promise<void> {
  if (removals.length > 0) await storage.removeItems(removals as `local:${string}`[]);
  if (puts.length > 0) await storage.setItems(puts as { key: `local:${string}`; value: unknown }[]);
}

const partCache = new Map<string, Stored<unknown>>();

/**
 * The stored item of one part of one session (`<prefix>.<sessionId>`, see
 * domain/session-parts.ts), created on first use and then reused.
 */
export function partStore<K extends SessionPartName>(name: K, sessionId: string): Stored<SessionPartValues[K]> {
  const part = SESSION_PARTS[name] as unknown as SessionPart<SessionPartValues[K]>;
  const key = `local:${part.prefix}.${sessionId}` as const;
  let stored = partCache.get(key) as Stored<SessionPartValues[K]> | undefined;
  if (!stored) {
    stored = define(key, part.schema, part.fallback, part.merge);
    partCache.set(key, stored as Stored<unknown>);
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
  const result = v.safeParse(stored.schema, raw);
  if (result.success) return { value: result.output, problem: null, valid: true };
  return { value: stored.fallback, problem: describeIssues(result.issues), valid: false };
}

/** A value a checked read could not use: its key (with area) and why. */
export interface ReadProblem {
  key: string;
  problem: string;
}

/**
 * The one read policy for stored data. Every value read from storage, one
 * item or many read in one call, is checked here against its item's schema.
 * A value of the wrong shape is copied to the quarantine (awaited, once per
 * key and content), reported as a problem, and the item's fallback is used in
 * its place; the stored original is left untouched until the user writes.
 * Callers say so to the person: the options page lists the quarantine, and an
 * export or backup names the sessions it could not read whole.
 */
export class CheckedRead {
  private readonly bad: { key: string; raw: unknown; problem: string }[] = [];

  /** The value to use for `stored`, given what storage returned for it. */
  value<T>(stored: Stored<T>, raw: unknown): T {
    const checked = check(stored, raw);
    if (!checked.valid && checked.problem) this.bad.push({ key: stored.key, raw, problem: checked.problem });
    return checked.value;
  }

  /** Keep every bad value aside (one write) and return the problems found. */
  async done(now = Date.now()): Promise<ReadProblem[]> {
    if (this.bad.length > 0) await quarantineAll(this.bad, now);
    return this.bad.map(({ key, problem }) => ({ key, problem }));
  }
}

/**
 * Read an item and check it (the read policy above): the value to use, and
 * the problem when the stored one could not be used.
 */
export function readChecked<T>(stored: Stored<T>, now = Date.now(), shared = true): Promise<CheckedValue<T>> {
  // Reads of the same item already on their way are shared: a page that asks for the (large) session
  // list from three places at start-up reads and checks it once. A read-modify-write passes
  // shared=false, so it never joins a read that began before the last write.
  const pending = shared ? (inFlight.get(stored.key) as Promise<CheckedValue<T>> | undefined) : undefined;
  if (pending) return pending;
  const read = (async () => {
    const reader = new CheckedRead();
    const value = reader.value(
      stored,
      await storage.getItem<unknown>(stored.key as `local:${string}` | `sync:${string}` | `session:${string}`),
    );
    const [problem] = await reader.done(now);
    return { value, problem: problem?.problem ?? null };
  })().finally(() => {
    if (inFlight.get(stored.key) === read) inFlight.delete(stored.key);
  });
  if (shared) inFlight.set(stored.key, read);
  return read;
}

const inFlight = new Map<string, Promise<unknown>>();

/** Keep a bad stored value aside (deduplicated by key and content). */
export function quarantine(key: string, raw: unknown, problem: string, now = Date.now()): Promise<void> {
  return quarantineAll([{ key, raw, problem }], now);
}

/** Keep several bad stored values aside in one write (deduplicated by key and content; the newest 50 kept). */
async function quarantineAll(entries: readonly { key: string; raw: unknown; problem: string }[], now: number): Promise<void> {
  const fresh = entries.filter((e) => e.key !== quarantineStore.key); // never recurse on our own list
  if (fresh.length === 0) return;
  const current = check(quarantineStore, await storage.getItem<unknown>('local:quarantine')).value;
  const added = fresh.filter(
    (e, i) => !current.some((q) => q.key === e.key && sameJson(q.raw, e.raw)) && fresh.findIndex((f) => f.key === e.key) === i,
  );
  if (added.length === 0) return;
  await quarantineStore.item.setValue([...current, ...added.map(({ key, raw, problem }) => ({ key, at: now, problem, raw }))].slice(-50));
}
