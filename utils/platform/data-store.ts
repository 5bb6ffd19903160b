/**
 * Everything Sidecoach keeps, read and written as one data set (a platform
 * adapter for backup, restore and deleting everything). Sessions read whole and
 * deleted one by one are in session-repo.ts, coachees in coachee-repo.ts.
 */
import {
  BACKUP_MAX_BYTES,
  type Backup,
  type BackupProblem,
  type DataSet,
  type ImportPlan,
  mergeImport,
  parseBackup,
  planImport,
  type SessionRecord,
} from '../domain/backup';
import { SESSION_PART_NAMES, type SessionPartValues } from '../domain/session-parts';
import { updateStored } from './list-writes';
import { readRecords } from './session-repo';
import { writeSessions } from './session-writer';
import {
  activeSessionIdStore,
  bareKey,
  coacheesStore,
  type Put,
  partStore,
  put,
  readChecked,
  type Stored,
  sessionsStore,
  settingsStore,
  templatesStore,
  writeAll,
} from './storage';
import { clearAll, localBytesInUse, readBatch } from './storage-area';
import { forgetSync } from './sync/forget';
import { askSync } from './sync/messages';

/**
 * Read everything in one storage call, by the read policy (storage.ts, CheckedRead):
 * values that fail their schema are quarantined, come back as their fallbacks and
 * are listed (by key without area).
 */
export async function readDataSet(): Promise<{ data: DataSet; problems: string[] }> {
  const reader = await readBatch(null);
  const read = <T>(stored: Stored<T>): T => reader.take(stored);
  const sessions: SessionRecord[] = read(sessionsStore).map((meta) => {
    const parts = Object.fromEntries(SESSION_PART_NAMES.map((name) => [name, read(partStore(name, meta.id))])) as SessionPartValues;
    return { meta, ...parts };
  });
  const data = {
    coachees: read(coacheesStore),
    sessions,
    settings: read(settingsStore),
    templates: read(templatesStore),
    activeSessionId: read(activeSessionIdStore),
  };
  return { data, problems: (await reader.done()).map((p) => bareKey(p.key)) };
}

/**
 * Write a data set (a restore): its small items, and each of its sessions' parts.
 * The session list is merged by id with what is stored, so sessions not in the
 * set are kept; the active session changes only if there was none.
 */
export async function writeDataSet(data: DataSet): Promise<void> {
  const puts: Put[] = [put(coacheesStore, data.coachees), put(settingsStore, data.settings), put(templatesStore, data.templates)];
  for (const s of data.sessions) {
    for (const name of SESSION_PART_NAMES) puts.push({ key: partStore(name, s.meta.id).key, value: s[name] });
  }
  await writeAll(puts);
  const incoming = new Map(data.sessions.map((s) => [s.meta.id, s.meta]));
  await updateStored(sessionsStore, (list) =>
    [...list.filter((m) => !incoming.has(m.id)), ...incoming.values()].sort((x, y) => x.createdAt - y.createdAt),
  );
  // The active session stays while it exists; else the backup's, else the newest (decided and written by the writer of sessions).
  await writeSessions(({ active, sessions }) => ({
    activate: active && sessions.some((m) => m.id === active) ? active : (data.activeSessionId ?? sessions.at(-1)?.id ?? null),
  }));
}

/** What is stored of a backup's contents: the small items and the stored sessions with the backup's ids (not every note ever kept). */
async function storedCounterpart(incoming: DataSet): Promise<DataSet> {
  const [small, stored] = await Promise.all([readSmall(), readRecords(incoming.sessions.map((s) => s.meta.id))]);
  return { ...small, sessions: stored.records };
}

/** What restoring `incoming` would add and change, compared with what is stored now. */
export async function previewRestore(incoming: DataSet): Promise<ImportPlan> {
  return planImport(await storedCounterpart(incoming), incoming);
}

/**
 * Read a backup file the person chose: refused before reading when too large, then
 * parsed and checked, and compared with what is stored (nothing is written).
 */
export async function readBackupFile(
  file: File,
): Promise<{ ok: true; backup: Backup; plan: ImportPlan } | { ok: false; problem: BackupProblem }> {
  if (file.size > BACKUP_MAX_BYTES) return { ok: false, problem: { kind: 'tooLarge', bytes: file.size } };
  const parsed = parseBackup(await file.text());
  if (!parsed.ok) return parsed;
  return { ok: true, backup: parsed.backup, plan: await previewRestore(parsed.backup.data) };
}

/** Restore `incoming`: merged by id with what is stored now (read again), replacing changed sessions only when `overwrite`. */
export async function applyRestore(incoming: DataSet, overwrite: boolean): Promise<void> {
  await writeDataSet(mergeImport(await storedCounterpart(incoming), incoming, overwrite));
}

/** Everything but the sessions: the coachees, settings, templates and the active session. */
export async function readSmall(): Promise<Omit<DataSet, 'sessions'>> {
  const [coachees, settings, templates, activeSessionId] = await Promise.all([
    readChecked(coacheesStore),
    readChecked(settingsStore),
    readChecked(templatesStore),
    readChecked(activeSessionIdStore),
  ]);
  return { coachees: coachees.value, settings: settings.value, templates: templates.value, activeSessionId: activeSessionId.value };
}

/** Delete everything Sidecoach keeps, in both areas, and sync with it (its database, the server's access given back). */
export async function wipeAll(): Promise<void> {
  // The background stops sync after a sync under way; with no background to answer, this page does it.
  if (!(await askSync({ type: 'syncStop' })).ok) await forgetSync().catch(() => undefined);
  await clearAll();
}

/** Bytes used in local storage (undefined where the browser cannot tell). */
export const bytesInUse = localBytesInUse;
