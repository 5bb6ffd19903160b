/**
 * The one writer of sessions (a platform adapter): applies a change described
 * by the pure rules (domain/session-change.ts, domain/intake-change.ts) in one
 * storage call, then makes its session the active one. Nothing else writes the
 * active session id (tests/unit/architecture.test.ts holds it).
 *
 * Why one place: the session list, the coachees, the new session's parts and the
 * active id are written together, one page at a time, so two pages opening at once
 * on a new install make one session, a card and a mail fill a session the same way,
 * and no page ever shows (and writes) a session that is half made.
 */
import type { NewSessionParts, SessionChange, SessionState } from '../domain/session-change';
import { changedLists } from '../domain/session-change';
import { SESSION_PART_NAMES } from '../domain/session-parts';
import { exclusive } from './list-writes';
import {
  activeSessionIdStore,
  coacheesStore,
  type Put,
  partStore,
  put,
  readChecked,
  sessionsStore,
  settingsStore,
  templatesStore,
  writeAll,
} from './storage';

/**
 * Which session is active, and every change to the session list, are decided one
 * page at a time: under this lock, then the lists' own (a page that comes second
 * takes what the first one chose instead of writing over it).
 */
const ACTIVE_LOCK = 'active-session';

/**
 * Read the active id and the lists afresh under the locks, let `plan` describe the
 * change (it must not ask for these locks itself), write it in one call, then
 * activate. Returns the active session's id afterwards.
 */
export function writeSessions(plan: (state: SessionState) => SessionChange | Promise<SessionChange>): Promise<string | null> {
  return exclusive(ACTIVE_LOCK, () =>
    exclusive(sessionsStore.bare, () =>
      exclusive(coacheesStore.bare, async () => {
        // Fresh reads (shared=false): never one begun before another page's write.
        const now = Date.now();
        const [active, sessions, coachees] = await Promise.all([
          readChecked(activeSessionIdStore, now, false),
          readChecked(sessionsStore, now, false),
          readChecked(coacheesStore, now, false),
        ]);
        const state: SessionState = { active: active.value, sessions: sessions.value, coachees: coachees.value };
        const change = await plan(state);
        const lists = changedLists(state, change);
        const puts: Put[] = (change.parts ?? []).map((p) => ({ key: partStore(p.name, p.sessionId).key, value: p.value }));
        if (lists.sessions !== state.sessions) puts.push(put(sessionsStore, lists.sessions));
        if (change.coachee) puts.push(put(coacheesStore, lists.coachees));
        // Each part of a deleted session, and WXT's metadata key beside it.
        const removals = (change.remove ?? []).flatMap((id) =>
          SESSION_PART_NAMES.flatMap((name) => [partStore(name, id).key, `${partStore(name, id).key}$`]),
        );
        await writeAll(puts, removals);
        // Active only once it is whole, so no page opens it half made.
        const next = change.activate === undefined ? state.active : change.activate;
        if (next !== state.active) await writeAll([put(activeSessionIdStore, next)]);
        return next;
      }),
    ),
  );
}

/** Make a listed session the active one (a page's "open it"): under the lock, reading no list. */
export function activateSession(sessionId: string): Promise<void> {
  return exclusive(ACTIVE_LOCK, () => writeAll([put(activeSessionIdStore, sessionId)]));
}

/** What a new session starts with: the phases of the template chosen in the settings (the built-in hour by default). */
export async function newSessionParts(): Promise<NewSessionParts> {
  const [settings, templates] = await Promise.all([readChecked(settingsStore), readChecked(templatesStore)]);
  const agenda = templates.value.find((tpl) => tpl.id === settings.value.defaultTemplateId)?.phases;
  return agenda ? { agenda } : {};
}
