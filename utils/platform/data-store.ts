/**
 * Everything Sidecoach keeps, read and written as one data set (a platform
 * adapter for export, backup, restore and deleting data).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { DataSet, SessionRecord } from '../domain/backup';
import {
  activeSessionIdStore,
  agendaStore,
  check,
  coacheesStore,
  homeworkStore,
  notesStore,
  planStore,
  reviewStore,
  type Stored,
  sessionsStore,
  settingsStore,
  templatesStore,
  timerStore,
  topicStore,
  wrapUpStore,
} from './storage';

const PER_SESSION = [topicStore, notesStore, timerStore, agendaStore, planStore, homeworkStore, reviewStore, wrapUpStore] as const;

const bare = (key: string) => key.replace(/^(local|sync):/, '');

/** Read everything in one storage call; values that fail their schema come back as their fallbacks and are listed. */
export async function readDataSet(): Promise<{ data: DataSet; problems: string[] }> {
  const local = await storage.snapshot('local');
  const problems: string[] = [];
  const read = <T>(stored: Stored<T>): T => {
    const checked = check(stored, local[bare(stored.key)]);
    if (!checked.valid) problems.push(bare(stored.key));
    return checked.value;
  };
  const metas = read(sessionsStore);
  const sessions: SessionRecord[] = metas.map((meta) => ({
    meta,
    topic: read(topicStore(meta.id)),
    notes: read(notesStore(meta.id)),
    timer: read(timerStore(meta.id)),
    agenda: read(agendaStore(meta.id)),
    plan: read(planStore(meta.id)),
    homework: read(homeworkStore(meta.id)),
    review: read(reviewStore(meta.id)),
    wrapUp: read(wrapUpStore(meta.id)),
  }));
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
    [bare(coacheesStore.key)]: data.coachees,
    [bare(sessionsStore.key)]: data.sessions.map((s) => s.meta),
    [bare(activeSessionIdStore.key)]: data.activeSessionId,
  };
  for (const s of data.sessions) {
    const id = s.meta.id;
    local[bare(topicStore(id).key)] = s.topic;
    local[bare(notesStore(id).key)] = s.notes;
    local[bare(timerStore(id).key)] = s.timer;
    local[bare(agendaStore(id).key)] = s.agenda;
    local[bare(planStore(id).key)] = s.plan;
    local[bare(homeworkStore(id).key)] = s.homework;
    local[bare(reviewStore(id).key)] = s.review;
    local[bare(wrapUpStore(id).key)] = s.wrapUp;
  }
  local[bare(settingsStore.key)] = data.settings;
  local[bare(templatesStore.key)] = data.templates;
  await browser.storage.local.set(local);
}

/** Delete sessions and everything kept about them. */
export async function deleteSessions(ids: readonly string[]): Promise<void> {
  const { data } = await readDataSet();
  const gone = new Set(ids);
  const remaining = data.sessions.filter((s) => !gone.has(s.meta.id));
  const keys = ids.flatMap((id) => PER_SESSION.flatMap((store) => [bare(store(id).key), `${bare(store(id).key)}$`]));
  await browser.storage.local.remove(keys);
  const update: Record<string, unknown> = { [bare(sessionsStore.key)]: remaining.map((s) => s.meta) };
  if (data.activeSessionId && gone.has(data.activeSessionId)) update[bare(activeSessionIdStore.key)] = remaining.at(-1)?.meta.id ?? null;
  await browser.storage.local.set(update);
}

/** Delete a coachee and all their sessions. */
export async function deleteCoachee(coacheeId: string): Promise<void> {
  const { data } = await readDataSet();
  await deleteSessions(data.sessions.filter((s) => s.meta.coacheeId === coacheeId).map((s) => s.meta.id));
  await browser.storage.local.set({ [bare(coacheesStore.key)]: data.coachees.filter((c) => c.id !== coacheeId) });
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
