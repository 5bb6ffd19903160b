/**
 * The record of the sessions near the active one (a platform adapter over
 * domain/recent-sessions.ts), kept by the background so the panel and the popup
 * never read the whole session list. Derived, in `storage.session`: made again
 * at every start of the worker when missing (empty after a browser start and an update).
 */
import { sameJson } from '../domain/json';
import { recentSessions } from '../domain/recent-sessions';
import { activeSessionIdStore, readChecked, recentSessionsStore, sessionsStore } from './storage';
import { isStored } from './storage-area';

/** Whether a change of these local keys changes the record (the session list, the active session). */
export const concernsRecent = (keys: readonly string[]): boolean =>
  keys.includes(sessionsStore.bare) || keys.includes(activeSessionIdStore.bare);

/** Write the record from the session list and the active session (nothing when it is stored as it is). */
async function writeRecentSessions(): Promise<void> {
  const [sessions, active, stored, present] = await Promise.all([
    readChecked(sessionsStore),
    readChecked(activeSessionIdStore),
    readChecked(recentSessionsStore),
    isStored(recentSessionsStore),
  ]);
  const recent = recentSessions(sessions.value, active.value);
  if (!present || !sameJson(recent, stored.value)) await recentSessionsStore.item.setValue(recent);
}

let queue: Promise<void> = Promise.resolve();

/** Write the record again (install, update, browser start), one write after another (never an older one last). */
export function refreshRecentSessions(): Promise<void> {
  queue = queue.then(writeRecentSessions).catch((e: unknown) => console.warn('recent sessions not written', e));
  return queue;
}

/** Make the record again when it is missing (each start of the worker). */
export async function keepRecentSessions(): Promise<void> {
  if (!(await isStored(recentSessionsStore))) await refreshRecentSessions();
}

/** Follow changes of extension storage: the record written again when the list or the active session changed. */
export function followRecentSessions(keys: readonly string[]): Promise<void> {
  return concernsRecent(keys) ? refreshRecentSessions() : queue;
}
