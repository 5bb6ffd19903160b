/**
 * Sync's side of this browser's storage (a platform adapter): the local values
 * of sync keys, read by the one read policy (storage.ts, `CheckedRead`), and
 * merged values written back. A stored value of the wrong shape is quarantined
 * (the read policy's `check` and `quarantine`) and is never recorded as a change (its fallback would
 * overwrite the good copies on the other computers); a value from the server
 * replaces it.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { sameJson } from '../../domain/json';
import type { SessionMeta } from '../../domain/model';
import { partOfKey } from '../../domain/session-parts';
import {
  isSyncedStorageKey,
  SESSION_LIST_KEY,
  type SyncKeyRule,
  sessionIdOfSyncKey,
  sessionSyncKey,
  storageKeyOf,
  withSessions,
} from '../../domain/sync/keys';
import { type Head, localAfter, type Merged, mergedOf } from '../../domain/sync/log';
import { updateStored } from '../list-writes';
import { check, coacheesStore, partStore, quarantine, type Stored, sessionsStore, settingsStore, templatesStore } from '../storage';
import * as state from './state';

/** The stored item a synced storage key (bare) is, or null for a key that does not sync. */
function storedOf(key: string): Stored<unknown> | null {
  for (const stored of [sessionsStore, coacheesStore, settingsStore, templatesStore] as Stored<unknown>[]) {
    if (stored.bare === key) return stored;
  }
  const part = partOfKey(key);
  return part ? (partStore(part.name, part.sessionId) as Stored<unknown>) : null;
}

/** Local values of sync keys: `undefined` for a key not stored; keys whose stored value failed its check are in `unreadable`. */
export interface LocalValues {
  values: Map<string, unknown>;
  unreadable: Set<string>;
}

/** The local values of sync keys, each checked against its item's schema (bad ones quarantined). */
export async function readLocal(syncKeys: Iterable<string>): Promise<LocalValues> {
  const keys = [...syncKeys];
  const storageKeys = [...new Set(keys.map(storageKeyOf))];
  const raw = storageKeys.length > 0 ? await browser.storage.local.get(storageKeys) : {};
  const unreadableStorage = new Set<string>();
  const checked = new Map<string, unknown>();
  const bad: Promise<void>[] = [];
  for (const key of storageKeys) {
    const stored = storedOf(key);
    if (!stored || raw[key] === undefined) continue;
    const read = check(stored, raw[key]);
    checked.set(key, read.value);
    if (!read.valid) {
      unreadableStorage.add(key);
      bad.push(quarantine(stored.key, raw[key], read.problem ?? ''));
    }
  }
  await Promise.all(bad);
  const sessions = new Map(((checked.get(SESSION_LIST_KEY) as SessionMeta[] | undefined) ?? []).map((m) => [m.id, m]));
  const values = new Map<string, unknown>();
  const unreadable = new Set<string>();
  for (const k of keys) {
    const id = sessionIdOfSyncKey(k);
    values.set(k, id !== null ? sessions.get(id) : checked.get(k));
    if (unreadableStorage.has(storageKeyOf(k))) unreadable.add(k);
  }
  return { values, unreadable };
}

/** The sync keys that dirty storage keys stand for (the session list: each session, and each known session gone). */
export async function syncKeysOf(storageKeys: Iterable<string>): Promise<string[]> {
  const keys = new Set<string>();
  for (const key of storageKeys) {
    if (!isSyncedStorageKey(key)) continue;
    if (key !== SESSION_LIST_KEY) {
      keys.add(key);
      continue;
    }
    const { values } = await readLocal([SESSION_LIST_KEY]);
    for (const m of (values.get(SESSION_LIST_KEY) as SessionMeta[] | undefined) ?? []) keys.add(sessionSyncKey(m.id));
    for (const k of (await state.readHeadsWithPrefix(sessionSyncKey(''))).keys()) keys.add(k);
  }
  return [...keys];
}

/**
 * Write merged values to storage: each key takes its new merged value, or a
 * three-way merge with what was typed here since (see `localAfter`). A key
 * whose stored value was unreadable takes the merged value. Returns the keys
 * whose merged value failed its schema (not written).
 */
export async function writeLocal(
  before: ReadonlyMap<string, Merged>,
  heads: ReadonlyMap<string, readonly Head[]>,
  ruleFor: (k: string) => SyncKeyRule,
): Promise<string[]> {
  const refused: string[] = [];
  const local = await readLocal(before.keys());
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const sessions = new Map<string, SessionMeta | null>();
  for (const [key, was] of before) {
    const rule = ruleFor(key);
    const after = mergedOf(heads.get(key) as Head[] | undefined, rule);
    const current = local.values.get(key);
    const next = local.unreadable.has(key) ? after : localAfter(was, current, after, rule);
    if (!next.deleted && !v.safeParse(rule.schema, next.value).success) {
      refused.push(key);
      continue;
    }
    const id = sessionIdOfSyncKey(key);
    if (id !== null) {
      if (next.deleted ? current !== undefined : !sameJson(current, next.value))
        sessions.set(id, next.deleted ? null : (next.value as SessionMeta));
    } else if (next.deleted) {
      if (current !== undefined) remove.push(key);
    } else if (local.unreadable.has(key) || !sameJson(current, next.value)) set[key] = next.value;
  }
  if (Object.keys(set).length > 0) await browser.storage.local.set(set);
  if (remove.length > 0) await browser.storage.local.remove(remove);
  if (sessions.size > 0) await updateStored(sessionsStore, (list) => withSessions(list, sessions));
  return refused;
}

/** Note every synced key in storage as changed: the first sync with a server sends everything. */
export async function markAllDirty(): Promise<void> {
  const all = await browser.storage.local.get(null);
  await state.markDirty(Object.keys(all).filter(isSyncedStorageKey));
}
