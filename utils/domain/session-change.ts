/**
 * What a change to the sessions writes, decided before anything is written:
 * the sessions and coachee to add, the parts to put, and the session to make
 * active once all of it is there. Starting a session (the first, the next
 * month, a switch to a coachee) and taking in a card or a mail each describe
 * their change here; one platform module (platform/session-writer.ts) writes it
 * in one storage call under the `active-session` lock, then activates.
 * Pure: no browser calls.
 */
import type { Agenda } from './agenda';
import type { Coachee, SessionMeta, Topic } from './model';
import { newestSessionOf, newSessionId, SELF_COACHEE_ID } from './session-list';
import type { SessionPartName, SessionPartValues } from './session-parts';

/** One part of one session to put. */
export type PartWrite = { [K in SessionPartName]: { name: K; sessionId: string; value: SessionPartValues[K] } }[SessionPartName];

/** A change to the sessions (every field optional: an empty change writes nothing). */
export interface SessionChange {
  /** Sessions to add to the list, in order (one already listed under its id stays as it is). */
  add?: readonly SessionMeta[];
  /** The other person's session id to note on a session (added or listed), by session id. */
  peers?: Readonly<Record<string, string>>;
  /** The day (YYYY-MM-DD) a pre-work card named for a session, by session id. */
  days?: Readonly<Record<string, string>>;
  /** A coachee to add, or to put in place of the one with the same id. */
  coachee?: Coachee;
  /** Parts of sessions to put. */
  parts?: readonly PartWrite[];
  /** Sessions to delete, with all their parts. */
  remove?: readonly string[];
  /** The session made active once the rest is written; null: none; absent: the active one stays. */
  activate?: string | null;
}

/** What the writer reads afresh under its lock and hands to a plan. */
export interface SessionState {
  active: string | null;
  sessions: SessionMeta[];
  coachees: Coachee[];
}

/** The session and coachee lists after a change (the same arrays when it changes neither). */
export function changedLists(state: SessionState, change: SessionChange): Pick<SessionState, 'sessions' | 'coachees'> {
  const gone = new Set(change.remove ?? []);
  const ids = new Set(state.sessions.map((s) => s.id));
  let sessions = [...state.sessions, ...(change.add ?? []).filter((s) => !ids.has(s.id) && !gone.has(s.id))];
  const peers = change.peers ?? {};
  const days = change.days ?? {};
  sessions = sessions
    .filter((s) => !gone.has(s.id))
    .map((s) => (peers[s.id] && s.peer !== peers[s.id] ? { ...s, peer: peers[s.id] } : s))
    .map((s) => (days[s.id] && s.on !== days[s.id] ? { ...s, on: days[s.id] } : s));
  const unchanged = sessions.length === state.sessions.length && sessions.every((s, i) => s === state.sessions[i]);
  const { coachee } = change;
  const coachees = !coachee
    ? state.coachees
    : state.coachees.some((c) => c.id === coachee.id)
      ? state.coachees.map((c) => (c.id === coachee.id ? coachee : c))
      : [...state.coachees, coachee];
  return { sessions: unchanged ? state.sessions : sessions, coachees };
}

/** What a new session starts with: the chosen template's phases, and the topic carried from an earlier session. */
export interface NewSessionParts {
  agenda?: Agenda;
  topic?: Topic;
}

/** A new session of a coachee (`meta`), with its starting parts, made active unless `activate` is false. */
export function newSession(meta: SessionMeta, parts: NewSessionParts = {}, activate = true): SessionChange {
  const writes: PartWrite[] = [];
  if (parts.topic) writes.push({ name: 'topic', sessionId: meta.id, value: parts.topic });
  if (parts.agenda) writes.push({ name: 'agenda', sessionId: meta.id, value: parts.agenda });
  return { add: [meta], parts: writes, ...(activate ? { activate: meta.id } : {}) };
}

/**
 * The session the pages work on when they open: the active one while it exists,
 * else the newest, else the first session of the first coachee (the user
 * themselves on a new install, with a deterministic id so two pages make one).
 */
export function chooseActive(state: SessionState, now: number, parts: NewSessionParts): SessionChange {
  if (state.active && state.sessions.some((s) => s.id === state.active)) return {};
  const newest = state.sessions.at(-1);
  if (newest) return { activate: newest.id };
  const coachee = state.coachees[0] ?? { id: SELF_COACHEE_ID, name: '', createdAt: now };
  const change = newSession({ id: `${coachee.id}-1`, coacheeId: coachee.id, createdAt: now }, parts);
  return state.coachees.length > 0 ? change : { ...change, coachee };
}

/** Switch to a coachee: their newest session becomes active, or a first one is made for them. */
export function switchTo(state: SessionState, coacheeId: string, now: number, parts: NewSessionParts): SessionChange {
  const theirs = newestSessionOf(state.sessions, coacheeId);
  return theirs ? { activate: theirs.id } : newSession({ id: newSessionId(coacheeId, now), coacheeId, createdAt: now }, parts);
}

/**
 * The next month of a coachee after `fromId`: a later session of theirs that no
 * card filled (a second click, another page) made active, else a new one.
 */
export function nextMonth(state: SessionState, fromId: string, now: number, parts: NewSessionParts): SessionChange {
  const from = state.sessions.find((s) => s.id === fromId);
  if (!from) return {};
  const later = state.sessions.find((s) => s.coacheeId === from.coacheeId && s.createdAt > from.createdAt && s.peer === undefined);
  if (later) return { activate: later.id };
  const at = Math.max(now, from.createdAt + 1);
  return newSession({ id: newSessionId(from.coacheeId, at), coacheeId: from.coacheeId, createdAt: at }, parts);
}

/** Delete sessions: the active one, when deleted, gives way to the newest left (or none). */
export function removeSessions(state: SessionState, ids: readonly string[]): SessionChange {
  const gone = new Set(ids);
  const change: SessionChange = { remove: ids };
  if (state.active && gone.has(state.active)) change.activate = state.sessions.filter((s) => !gone.has(s.id)).at(-1)?.id ?? null;
  return change;
}
