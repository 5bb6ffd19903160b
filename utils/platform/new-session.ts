/**
 * Starting the next session of a coachee (a platform adapter; the panel loads it on the click).
 */
import { SELF_COACHEE_ID } from '../domain/session-list';
import { createSession, ensureActiveSession } from './session-activation';
import { readChecked, sessionsStore } from './storage';

/**
 * Start a new session for the active session's coachee. The previous session
 * stays as it is; its topic is copied forward only when asked.
 */
export async function startNewSession(options: { carryTopic: boolean }, now = Date.now()): Promise<string> {
  const previousId = await ensureActiveSession(now);
  const previous = (await readChecked(sessionsStore)).value.find((s) => s.id === previousId);
  return createSession(previous?.coacheeId ?? SELF_COACHEE_ID, now, options.carryTopic ? { carryTopicFrom: previousId } : {});
}
