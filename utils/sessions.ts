/**
 * Finding or creating the session the surfaces work on (a platform adapter:
 * it reads and writes storage through the stored items).
 */
import type { Coachee, SessionMeta } from './model';
import {
  activeSessionIdStore,
  agendaStore,
  coacheesStore,
  homeworkStore,
  planStore,
  readChecked,
  sessionsStore,
  settingsStore,
  templatesStore,
  topicStore,
} from './storage';

/** The coachee every install starts with: the user themselves. */
export const SELF_COACHEE_ID = 'me';

/**
 * Return the active session's id, creating the first coachee and session if
 * there are none. Ids are deterministic for the first session, so the popup and
 * the panel opening at once on a new install create the same records, not two.
 */
export async function ensureActiveSession(now = Date.now()): Promise<string> {
  const [active, sessions] = await Promise.all([readChecked(activeSessionIdStore), readChecked(sessionsStore)]);
  if (active.value && sessions.value.some((s) => s.id === active.value)) return active.value;

  const newest = sessions.value.at(-1);
  if (newest) {
    await activeSessionIdStore.item.setValue(newest.id);
    return newest.id;
  }

  const coachees = await readChecked(coacheesStore);
  let coachee: Coachee | undefined = coachees.value[0];
  if (!coachee) {
    coachee = { id: SELF_COACHEE_ID, name: '', createdAt: now };
    await coacheesStore.item.setValue([coachee]);
  }
  const session: SessionMeta = { id: `${coachee.id}-1`, coacheeId: coachee.id, createdAt: now };
  await sessionsStore.item.setValue([session]);
  await activeSessionIdStore.item.setValue(session.id);
  return session.id;
}

/** Longest coachee name. */
export const COACHEE_NAME_MAX = 100;

/**
 * Make `coacheeId` the one the popup and the panel work on: their newest
 * session becomes active, or a first session is created for them.
 */
export async function switchToCoachee(coacheeId: string, now = Date.now()): Promise<string> {
  const sessions = (await readChecked(sessionsStore)).value;
  const theirs = sessions.filter((s) => s.coacheeId === coacheeId).at(-1);
  if (theirs) {
    await activeSessionIdStore.item.setValue(theirs.id);
    return theirs.id;
  }
  const session: SessionMeta = { id: `${coacheeId}-${now.toString(36)}`, coacheeId, createdAt: now };
  await sessionsStore.item.setValue([...sessions, session]);
  await activeSessionIdStore.item.setValue(session.id);
  return session.id;
}

/** Add a coachee by name and switch to them. Returns their id. */
export async function addCoachee(name: string, now = Date.now()): Promise<string> {
  const clean = name.trim().slice(0, COACHEE_NAME_MAX);
  const coachees = (await readChecked(coacheesStore)).value;
  const id = `c-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await coacheesStore.item.setValue([...coachees, { id, name: clean, createdAt: now }]);
  await switchToCoachee(id, now);
  return id;
}

/**
 * Start a new session for the active session's coachee. The previous session
 * stays as it is; its topic is copied forward only when asked.
 */
export async function startNewSession(options: { carryTopic: boolean }, now = Date.now()): Promise<string> {
  const previousId = await ensureActiveSession(now);
  const sessions = (await readChecked(sessionsStore)).value;
  const previous = sessions.find((s) => s.id === previousId);
  const coacheeId = previous?.coacheeId ?? SELF_COACHEE_ID;
  const session: SessionMeta = { id: `${coacheeId}-${now.toString(36)}`, coacheeId, createdAt: now };
  if (options.carryTopic) {
    const topic = (await readChecked(topicStore(previousId))).value;
    await topicStore(session.id).item.setValue({ ...topic, updatedAt: now });
  }
  // New sessions follow the template chosen in the settings (the built-in hour by default).
  const [settings, templates] = await Promise.all([readChecked(settingsStore), readChecked(templatesStore)]);
  const chosen = templates.value.find((tpl) => tpl.id === settings.value.defaultTemplateId);
  if (chosen) await agendaStore(session.id).item.setValue(chosen.phases);
  await sessionsStore.item.setValue([...sessions, session]);
  await activeSessionIdStore.item.setValue(session.id);
  return session.id;
}

/** The session of the same coachee just before `sessionId`, if any. Pure. */
export function previousSessionOf(sessions: readonly SessionMeta[], sessionId: string): SessionMeta | undefined {
  const current = sessions.find((s) => s.id === sessionId);
  if (!current) return undefined;
  return sessions
    .filter((s) => s.coacheeId === current.coacheeId && s.createdAt < current.createdAt && s.id !== current.id)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** A fresh id for an item inside a session (a plan step, an assignment). */
export function newItemId(prefix: string, now = Date.now()): string {
  return `${prefix}-${now.toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/**
 * The session whose plan the coachee is working on now: the newest session of
 * the active session's coachee that has a plan or homework (the active one
 * itself once its plan is written), or null.
 */
export async function findCurrentPlanSession(activeId: string): Promise<string | null> {
  const sessions = (await readChecked(sessionsStore)).value;
  const active = sessions.find((s) => s.id === activeId);
  if (!active) return null;
  const theirs = sessions.filter((s) => s.coacheeId === active.coacheeId).sort((a, b) => b.createdAt - a.createdAt);
  for (const s of theirs) {
    const [plan, homework] = await Promise.all([readChecked(planStore(s.id)), readChecked(homeworkStore(s.id))]);
    if (plan.value.length > 0 || homework.value.length > 0) return s.id;
  }
  return null;
}
