/**
 * Starting sessions (a platform adapter, loaded on demand): the first session of
 * an install, a switch to a coachee, and the next month. Each is decided by the
 * pure rules (domain/session-change.ts) on what the writer of sessions reads under
 * its lock, and written by it (session-writer.ts). Apart from session-activation.ts,
 * which every page loads at start: pages that find their session need none of this.
 */
import { chooseActive, nextMonth, switchTo } from '../domain/session-change';
import { ensureActiveSession } from './session-activation';
import { newSessionParts, writeSessions } from './session-writer';
import { partStore, readChecked } from './storage';

/** Make the newest session active, or create the first coachee and session when there is none. */
export async function chooseActiveSession(now: number): Promise<string> {
  const parts = await newSessionParts();
  return (await writeSessions((state) => chooseActive(state, now, parts))) as string;
}

/** Make a coachee's newest session active, or create a first one for them. */
export async function switchCoachee(coacheeId: string, now: number): Promise<string> {
  const parts = await newSessionParts();
  return (await writeSessions((state) => switchTo(state, coacheeId, now, parts))) as string;
}

/**
 * The next session of the same coachee after `fromSessionId`, made the active one:
 * a later one already started for it (a second click, another page) is reused,
 * else a new one (its topic copied forward only when asked). The only way a next
 * session starts: the panel's *New session* and the popup's *Write the pre-work for …*.
 */
export async function startNextSession(fromSessionId: string, options: { carryTopic?: boolean } = {}, now = Date.now()): Promise<string> {
  const parts = await newSessionParts();
  if (options.carryTopic) parts.topic = { ...(await readChecked(partStore('topic', fromSessionId))).value, updatedAt: now };
  return (await writeSessions((state) => nextMonth(state, fromSessionId, now, parts))) ?? fromSessionId;
}

/** The panel's *New session*: the next session after the active one. */
export async function startNewSession(options: { carryTopic: boolean }, now = Date.now()): Promise<string> {
  return startNextSession(await ensureActiveSession(now), options, now);
}
