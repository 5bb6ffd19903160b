/**
 * The home of what is done to sessions after start-up (a platform adapter):
 * starting the next one, finding the one whose plan the coachee works on,
 * reading the sessions near one, reading sessions whole (by the read policy, in
 * batches), and deleting them.
 * The callers decide what loads on demand (the panel loads `startNewSession`
 * on the click, the popup `findCurrentPlanSession` after its first paint).
 *
 * Creating a session and choosing the active one, which every page needs at
 * start, are in session-activation.ts: kept apart so the start-up bundles of the
 * panel and the popups (at their size budgets) carry only that.
 */
import { browser } from 'wxt/browser';
import type { SessionRecord } from '../domain/backup';
import type { SessionMeta } from '../domain/model';
import { SELF_COACHEE_ID } from '../domain/session-list';
import { SESSION_PART_NAMES, type SessionPartName, type SessionPartValues } from '../domain/session-parts';
import { updateStored } from './list-writes';
import { createSession, ensureActiveSession } from './session-activation';
import { activeSessionIdStore, CheckedRead, partStore, readChecked, recentSessionsStore, sessionsStore } from './storage';

/**
 * The session `sessionId`, the ones just before and after it for its coachee, and
 * its coachee's newest sessions (oldest first), from the background's record of the
 * sessions near the active one; the whole list (0.6 MB at 10,000 sessions) only when
 * the record does not hold it (a session that is not the active one, or just after a switch).
 */
export async function readSessionsNear(sessionId: string): Promise<readonly SessionMeta[]> {
  const recent = (await readChecked(recentSessionsStore)).value;
  const held = recent.activeId === sessionId && recent.sessions.some((s) => s.id === sessionId);
  return held ? recent.sessions : (await readChecked(sessionsStore)).value;
}

/**
 * Start a new session for the active session's coachee. The previous session
 * stays as it is; its topic is copied forward only when asked.
 */
export async function startNewSession(options: { carryTopic: boolean }, now = Date.now()): Promise<string> {
  const previousId = await ensureActiveSession(now);
  const previous = (await readSessionsNear(previousId)).find((s) => s.id === previousId);
  return createSession(previous?.coacheeId ?? SELF_COACHEE_ID, now, options.carryTopic ? { carryTopicFrom: previousId } : {});
}

/**
 * The session whose plan the coachee is working on now: the newest session of
 * the active session's coachee that has a plan or homework (the active one
 * itself once its plan is written), or null.
 */
export async function findCurrentPlanSession(activeId: string): Promise<string | null> {
  // The background's record of the sessions near the active one answers without reading the whole list.
  const sessions = await readSessionsNear(activeId);
  const active = sessions.find((s) => s.id === activeId);
  if (!active) return null;
  const theirs = sessions.filter((s) => s.coacheeId === active.coacheeId).sort((a, b) => b.createdAt - a.createdAt);
  for (const s of theirs) {
    const [plan, homework] = await Promise.all([readChecked(partStore('plan', s.id)), readChecked(partStore('homework', s.id))]);
    if (plan.value.length > 0 || homework.value.length > 0) return s.id;
  }
  return null;
}

/** Records read by the read policy, with the ids of the sessions one of whose parts could not be read. */
export interface CheckedRecords {
  records: SessionRecord[];
  /** Sessions with a part that failed its check (kept aside in the quarantine; its empty value is used). */
  unreadable: string[];
}

/** The whole records of these sessions (those that exist), in one storage call, by the read policy. */
export async function readRecords(ids: readonly string[]): Promise<CheckedRecords> {
  const metas = new Map((await readChecked(sessionsStore)).value.map((m) => [m.id, m]));
  const raw = await browser.storage.local.get(ids.flatMap((id) => SESSION_PART_NAMES.map((name) => partStore(name, id).bare)));
  const reader = new CheckedRead();
  const unreadable = new Set<string>();
  const records = ids.flatMap((id) => {
    const meta = metas.get(id);
    if (!meta) return [];
    const parts = Object.fromEntries(
      SESSION_PART_NAMES.map((name) => [name, reader.value(partStore(name, id), raw[partStore(name, id).bare])]),
    ) as SessionPartValues;
    return [{ meta, ...parts }];
  });
  for (const problem of await reader.done()) {
    const id = records.find((r) => SESSION_PART_NAMES.some((name) => partStore(name, r.meta.id).key === problem.key))?.meta.id;
    if (id) unreadable.add(id);
  }
  return { records, unreadable: [...unreadable] };
}

/**
 * Visit these sessions' records a batch at a time, so memory holds one batch, not years of notes.
 * Returns the ids of the sessions that could not be read whole (see readRecords).
 */
export async function forEachRecordBatch(
  ids: readonly string[],
  visit: (records: SessionRecord[]) => void | Promise<void>,
  batch = 200,
): Promise<string[]> {
  const unreadable: string[] = [];
  for (let i = 0; i < ids.length; i += batch) {
    const read = await readRecords(ids.slice(i, i + batch));
    unreadable.push(...read.unreadable);
    await visit(read.records);
  }
  return unreadable;
}

/** One part of several sessions, in one storage call (e.g. the reviews of a coachee's sessions), by the read policy. */
export async function readPart<K extends SessionPartName>(name: K, ids: readonly string[]): Promise<Map<string, SessionPartValues[K]>> {
  const raw = await browser.storage.local.get(ids.map((id) => partStore(name, id).bare));
  const reader = new CheckedRead();
  const values = new Map(ids.map((id) => [id, reader.value(partStore(name, id), raw[partStore(name, id).bare])]));
  await reader.done();
  return values;
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
