/**
 * What sync carries, and how each of its keys merges.
 * Pure: no browser calls.
 *
 * Every session and its parts, the coachees, the settings and the templates
 * sync; the call state of a tab, the active session (each computer has its
 * own), the quarantine and the session index (rebuilt from the sessions) do
 * not. The session list is carried one session a key (`s:<id>`), so a new
 * session after years uploads one small change, not the whole list.
 */
import type * as v from 'valibot';
import { TemplateListSchema } from '../agenda';
import { mergeValues } from '../merge';
import { CoacheeListSchema, type SessionMeta, SessionMetaSchema } from '../model';
import { SESSION_PARTS, type SessionPartName } from '../session-parts';
import { DEFAULT_SETTINGS, SettingsSchema } from '../settings';
import type { KeyRule } from './log';
import { mergeTextKeepingWords } from './text';

/**
 * The line between two computers' texts in notes merged by sync. The same bytes on every computer, whatever
 * its language (a translated marker would make an English and a German computer hold different notes).
 */
export const SYNC_CONFLICT_MARKER = '— Also typed on another computer / Auch auf einem anderen Computer getippt —';

/** The stored (bare) key of the session list, carried one session a sync key. */
export const SESSION_LIST_KEY = 'sessions';
/** The stored keys that sync whole, as they are. */
const WHOLE_KEYS = ['coachees', 'settings', 'templates'] as const;
const SESSION_PREFIX = 's:';

/** A sync key's rule, with the schema a value from another computer must pass before it is written. */
export interface SyncKeyRule extends KeyRule {
  schema: v.GenericSchema;
}

const plain = (schema: v.GenericSchema, fallback: unknown): SyncKeyRule => ({ schema, fallback, merge: mergeValues });

/**
 * The part a stored key holds (`<prefix>.<sessionId>`), or null. (session-parts' `partOfKey` does the
 * same; a lookup of our own keeps that function out of the popup's shared chunk.)
 */
function partOfKey(key: string): { name: SessionPartName } | null {
  const prefix = key.slice(0, key.indexOf('.'));
  const name = (Object.keys(SESSION_PARTS) as SessionPartName[]).find((n) => SESSION_PARTS[n].prefix === prefix);
  return name && key.length > prefix.length + 1 ? { name } : null;
}

/** Whether a stored (bare, local) key syncs. */
export function isSyncedStorageKey(key: string): boolean {
  return key === SESSION_LIST_KEY || (WHOLE_KEYS as readonly string[]).includes(key) || partOfKey(key) !== null;
}

/** The sync key of one session's metadata. */
export const sessionSyncKey = (id: string): string => `${SESSION_PREFIX}${id}`;

/** The session id a sync key names, when it is a session's metadata. */
export function sessionIdOfSyncKey(key: string): string | null {
  return key.startsWith(SESSION_PREFIX) ? key.slice(SESSION_PREFIX.length) : null;
}

/** The stored key a sync key is written to (a session's metadata goes into the session list). */
export function storageKeyOf(syncKey: string): string {
  return sessionIdOfSyncKey(syncKey) !== null ? SESSION_LIST_KEY : syncKey;
}

/** How a sync key merges, or null for a key that does not sync (refused when it comes from the server). */
export function ruleOf(syncKey: string, conflictMarker: string): SyncKeyRule | null {
  if (sessionIdOfSyncKey(syncKey) !== null) return plain(SessionMetaSchema, null);
  if (syncKey === 'coachees') return plain(CoacheeListSchema, []);
  if (syncKey === 'templates') return plain(TemplateListSchema, []);
  if (syncKey === 'settings') return plain(SettingsSchema, DEFAULT_SETTINGS);
  const found = partOfKey(syncKey);
  if (!found) return null;
  if (found.name === 'notes') {
    const notes = SESSION_PARTS.notes;
    return {
      schema: notes.schema,
      fallback: notes.fallback,
      merge: (base, local, remote) => mergeTextKeepingWords(base as string, local as string, remote as string, conflictMarker),
    };
  }
  const part = SESSION_PARTS[found.name] as unknown as {
    schema: v.GenericSchema;
    fallback: unknown;
    merge: (b: unknown, l: unknown, r: unknown, c: { conflictMarker: string }) => unknown;
  };
  return {
    schema: part.schema,
    fallback: part.fallback,
    merge: (base, local, remote) => part.merge(base, local, remote, { conflictMarker }),
  };
}

/** The session list with some sessions' metadata replaced, added (in creation order) or removed. */
export function withSessions(list: readonly SessionMeta[], changed: ReadonlyMap<string, SessionMeta | null>): SessionMeta[] {
  const result = list.filter((m) => !changed.has(m.id));
  for (const meta of changed.values()) if (meta) result.push(meta);
  // The list is kept oldest first (a stable sort keeps the order of sessions made in the same millisecond).
  return result.sort((x, y) => x.createdAt - y.createdAt);
}
