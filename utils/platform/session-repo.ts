/**
 * The home of what is done to sessions after start-up (a platform adapter):
 * finding the one whose plan the coachee works on,
 * reading the sessions near one, reading sessions whole (by the read policy, in
 * batches), and deleting them.
 * The callers decide what loads on demand (the popup loads `findCurrentPlanSession`
 * after its first paint).
 *
 * Choosing the active session, which every page needs at start, is in
 * session-activation.ts; starting sessions in session-start.ts (on demand).
 */
import type { SessionRecord } from '../domain/backup';
import type { SessionMeta } from '../domain/model';
import { removeSessions } from '../domain/session-change';
import { SESSION_PART_NAMES, type SessionPartName, type SessionPartValues } from '../domain/session-parts';
import { writeSessions } from './session-writer';
import { partStore, readChecked, recentSessionsStore, sessionsStore } from './storage';
import { readBatch } from './storage-area';

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
  const reader = await readBatch(ids.flatMap((id) => SESSION_PART_NAMES.map((name) => partStore(name, id))));
  const unreadable = new Set<string>();
  const records = ids.flatMap((id) => {
    const meta = metas.get(id);
    if (!meta) return [];
    const parts = Object.fromEntries(SESSION_PART_NAMES.map((name) => [name, reader.take(partStore(name, id))])) as SessionPartValues;
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
  const reader = await readBatch(ids.map((id) => partStore(name, id)));
  const values = new Map(ids.map((id) => [id, reader.take(partStore(name, id))]));
  await reader.done();
  return values;
}

/** Delete sessions and everything kept about them (the active one gives way to the newest left). */
export async function deleteSessions(ids: readonly string[]): Promise<void> {
  await writeSessions((state) => removeSessions(state, ids));
}
