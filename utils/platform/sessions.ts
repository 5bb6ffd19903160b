/**
 * Finding or creating the session the surfaces work on (a platform adapter:
 * it reads and writes storage through the stored items).
 */
import type { Coachee, SessionMeta } from '../domain/model';
import { activeSessionIdStore, coacheesStore, readChecked, sessionsStore } from './storage';

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
