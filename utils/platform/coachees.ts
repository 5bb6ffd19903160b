/**
 * Adding coachees (a platform adapter: writes the stored list). Only the popup loads it.
 */
import { COACHEE_NAME_MAX } from '../domain/model';
import { newItemId, withItem } from '../domain/session-list';
import { updateStored } from './list-writes';
import { switchToCoachee } from './session-activation';
import { coacheesStore } from './storage';

/** Add a coachee by name and switch to them. Returns their id. */
export async function addCoachee(name: string, now = Date.now()): Promise<string> {
  const id = newItemId('c', now);
  await updateStored(coacheesStore, (list) => withItem(list, { id, name: name.trim().slice(0, COACHEE_NAME_MAX), createdAt: now }));
  await switchToCoachee(id, now);
  return id;
}
