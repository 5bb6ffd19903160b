/**
 * Everything Sidecoach keeps, read and written as one data set (a platform
 * adapter for export, backup, restore and deleting data).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { DataSet, SessionRecord } from '../domain/backup';
import { SESSION_PART_NAMES, type SessionPartValues } from '../domain/session-parts';
import { updateStored } from './list-writes';
import {
  activeSessionIdStore,
  check,
  coacheesStore,
  partStore,
  readChecked,
  type Stored,
  sessionsStore,
  settingsStore,
  templatesStore,
} from './storage';

/** Read everything in one storage call; values that fail their schema come back as their fallbacks and are listed. */
export async function readDataSet(): Promise<{ data: DataSet; problems: string[] }> {
  const local = await storage.snapshot('local');
  const problems: string[] = [];
  const read = <T>(stored: Stored<T>): T => {
    const checked = check(stored, local[stored.bare]);
    if (!checked.valid) problems.push(stored.bare);
    return checked.value;
  };
  const sessions: SessionRecord[] = read(sessionsStore).map((meta) => {
    const parts = Object.fromEntries(SESSION_PART_NAMES.map((name) => [name, read(partStore(name, meta.id))])) as SessionPartValues;
    return { meta, ...parts };
  });
  return {
    data: {
      coachees: read(coacheesStore),
      sessions,
      settings: read(settingsStore),
      templates: read(templatesStore),
      activeSessionId: read(activeSessionIdStore),
    },
    problems,
  };
}

/** Write a whole data set (restore). Keys of sessions not in it are left alone. */
export async function writeDataSet(data: DataSet): Promise<void> {
  const local: Record<string, unknown> = {
    [coacheesStore.bare]: data.coachees,
    [sessionsStore.bare]: data.sessions.map((s) => s.meta),
    [activeSessionIdStore.bare]: data.activeSessionId,
    [settingsStore.bare]: data.settings,
    [templatesStore.bare]: data.templates,
  };
  for (const s of data.sessions) {
    for (const name of SESSION_PART_NAMES) local[partStore(name, s.meta.id).bare] = s[name];
  }
  await browser.storage.local.set(local);
}

/** Every storage key kept about these sessions (each part, and WXT's metadata key beside it). */
function sessionKeys(ids: readonly string[]): string[] {
  return ids.flatMap((id) => SESSION_PART_NAMES.flatMap((name) => [partStore(name, id).bare, `${partStore(name, id).bare}$`]));
}

/** Delete sessions and everything kept about them. */
export async function deleteSessions(ids: readonly string[]): Promise<void> {
  const gone = new Set(ids);
  await browser.storage.local.remove(sessionKeys(ids));
  const remaining = await updateStored(sessionsStore, (list) => list.filter((s) => !gone.has(s.id)));
  await updateStored(activeSessionIdStore, (active) => (active && gone.has(active) ? (remaining.at(-1)?.id ?? null) : active));
}

/** Delete a coachee and all their sessions. */
export async function deleteCoachee(coacheeId: string): Promise<void> {
  const sessions = (await readChecked(sessionsStore)).value;
  await deleteSessions(sessions.filter((s) => s.coacheeId === coacheeId).map((s) => s.id));
  await updateStored(coacheesStore, (list) => list.filter((c) => c.id !== coacheeId));
}

/** Delete everything Sidecoach keeps, in both areas. */
export async function wipeAll(): Promise<void> {
  await Promise.all([browser.storage.local.clear(), browser.storage.sync.clear()]);
}

/** Bytes used in local storage (undefined where the browser cannot tell). */
export async function bytesInUse(): Promise<number | undefined> {
  const local = browser.storage.local as { getBytesInUse?: (keys: null) => Promise<number> };
  return local.getBytesInUse ? local.getBytesInUse(null).catch(() => undefined) : undefined;
}
