/**
 * Adding coachees and switching between them (a platform adapter: writes the
 * stored lists). Only the popup loads it.
 */
import type { SessionMeta } from '../domain/model';
import { activeSessionIdStore, coacheesStore, readChecked, sessionsStore } from './storage';

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
