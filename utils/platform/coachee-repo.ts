/**
 * The home of what is done to coachees (a platform adapter: writes the stored
 * list): adding one, taking one in from a card, keeping their mail language,
 * deleting one with their sessions.
 * The callers decide what loads on demand (the popup loads `addCoachee` with its
 * form). Switching the popup and panel to a coachee is choosing the active
 * session (session-activation.ts, written by session-writer.ts under its lock); a coachee a card names is put by the card's intake; how a name is shown is coachee-name.ts.
 */
import type { MailLanguage } from '../domain/mail/questions';
import { COACHEE_NAME_MAX } from '../domain/model';
import { newItemId, withItem } from '../domain/session-list';
import { updateStored } from './list-writes';
import { switchToCoachee } from './session-activation';
import { deleteSessions } from './session-repo';
import { coacheesStore, readChecked, sessionsStore } from './storage';

/** Add a coachee by name and switch to them. Returns their id. */
export async function addCoachee(name: string, now = Date.now()): Promise<string> {
  const id = newItemId('c', now);
  await updateStored(coacheesStore, (list) => withItem(list, { id, name: name.trim().slice(0, COACHEE_NAME_MAX), createdAt: now }));
  await switchToCoachee(id, now);
  return id;
}

/** Keep a coachee's mail language with the coachee. */
export async function setMailLanguage(coacheeId: string, language: MailLanguage): Promise<void> {
  await updateStored(coacheesStore, (list) => list.map((c) => (c.id === coacheeId ? { ...c, language } : c)));
}

/** Delete a coachee and all their sessions. */
export async function deleteCoachee(coacheeId: string): Promise<void> {
  const sessions = (await readChecked(sessionsStore)).value;
  await deleteSessions(sessions.filter((s) => s.coacheeId === coacheeId).map((s) => s.id));
  await updateStored(coacheesStore, (list) => list.filter((c) => c.id !== coacheeId));
}
