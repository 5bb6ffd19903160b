/**
 * Finding or creating the session the surfaces work on (a platform adapter:
 * it reads and writes storage through the stored items). Every session is
 * created here, by `createSession`.
 */
import type { Coachee, SessionMeta } from '../domain/model';
import { newestSessionOf, newSessionId, SELF_COACHEE_ID, withItem } from '../domain/session-list';
import { exclusive, updateStored } from './list-writes';
import {
  activeSessionIdStore,
  coacheesStore,
  partStore,
  readChecked,
  recentSessionsStore,
  sessionsStore,
  settingsStore,
  templatesStore,
} from './storage';

export interface NewSessionOptions {
  /** The session id (default: a new one from the coachee and the time). */
  id?: string;
  /** Copy this session's topic into the new one. */
  carryTopicFrom?: string;
  /** Make it the active session (default); a caller that fills its parts first activates it after. */
  activate?: boolean;
}

/**
 * Create a session for a coachee and make it the active one. It gets the
 * template chosen in the settings (the built-in hour by default) and, when
 * asked, the topic of an earlier session.
 */
export async function createSession(coacheeId: string, now: number, options: NewSessionOptions = {}): Promise<string> {
  const session: SessionMeta = { id: options.id ?? newSessionId(coacheeId, now), coacheeId, createdAt: now };
  if (options.carryTopicFrom) {
    const topic = (await readChecked(partStore('topic', options.carryTopicFrom))).value;
    await partStore('topic', session.id).item.setValue({ ...topic, updatedAt: now });
  }
  const [settings, templates] = await Promise.all([readChecked(settingsStore), readChecked(templatesStore)]);
  const chosen = templates.value.find((tpl) => tpl.id === settings.value.defaultTemplateId);
  if (chosen) await partStore('agenda', session.id).item.setValue(chosen.phases);
  await updateStored(sessionsStore, (sessions) => withItem(sessions, session));
  if (options.activate !== false) await activeSessionIdStore.item.setValue(session.id);
  return session.id;
}

/**
 * Return the active session's id, creating the first coachee and session if
 * there are none. The first session is created under a lock shared by every page
 * (and its id is deterministic besides), so the popup and the panel opening at once
 * on a new install create one session, not two.
 */
export async function ensureActiveSession(now = Date.now()): Promise<string> {
  const active = (await readChecked(activeSessionIdStore)).value;
  if (active) {
    // The pages open on it at once; the session list (large after years) is checked behind them,
    // and a dangling id (its session deleted elsewhere) is replaced, which every page follows.
    void verifyActive(active);
    return active;
  }
  return chooseActive(now);
}

async function verifyActive(active: string): Promise<void> {
  // The background's small record of the sessions near the active one says it exists, without reading the whole list.
  const recent = (await readChecked(recentSessionsStore)).value;
  if (recent.activeId === active) return;
  const sessions = (await readChecked(sessionsStore)).value;
  if (!sessions.some((s) => s.id === active)) await chooseActive(Date.now());
}

/**
 * Which session is active, and a coachee's first session, are decided one page at a
 * time (a lock apart from the lists' own, which the steps inside take in turn): two
 * panels opening at once on a new install, or a coachee added in the popup while a
 * panel opens, make one session, and a page that comes second takes what the first
 * one chose instead of writing over it.
 */
const ACTIVE_LOCK = 'active-session';

/** Make the newest session active, or create the first coachee and session when there is none. */
function chooseActive(now: number): Promise<string> {
  return exclusive(ACTIVE_LOCK, async () => {
    // Read afresh under the lock (never a read begun before another page's write).
    const [active, sessions] = await Promise.all([readChecked(activeSessionIdStore, now, false), readChecked(sessionsStore, now, false)]);
    if (active.value && sessions.value.some((s) => s.id === active.value)) return active.value;

    const newest = sessions.value.at(-1);
    if (newest) {
      await activeSessionIdStore.item.setValue(newest.id);
      return newest.id;
    }

    const self: Coachee = { id: SELF_COACHEE_ID, name: '', createdAt: now };
    const coachees = await updateStored(coacheesStore, (list) => (list.length > 0 ? list : [self]));
    const coachee = coachees[0] ?? self;
    return createSession(coachee.id, now, { id: `${coachee.id}-1` });
  });
}

/**
 * Make `coacheeId` the one the popup and the panel work on: their newest
 * session becomes active, or a first session is created for them.
 */
export function switchToCoachee(coacheeId: string, now = Date.now()): Promise<string> {
  return exclusive(ACTIVE_LOCK, async () => {
    const theirs = newestSessionOf((await readChecked(sessionsStore, now, false)).value, coacheeId);
    if (!theirs) return createSession(coacheeId, now);
    await activeSessionIdStore.item.setValue(theirs.id);
    return theirs.id;
  });
}
