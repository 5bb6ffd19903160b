/**
 * Finding the session whose month plan the coachee is working on (a platform adapter).
 */
import { readSessionsNear } from './sessions-near';
import { partStore, readChecked } from './storage';

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
