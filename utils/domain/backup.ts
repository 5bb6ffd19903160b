/**
 * The JSON backup: its format, a strict reader that refuses anything it does
 * not fully understand, and the merge of a backup into what is stored.
 * Pure: no browser calls.
 */
import * as v from 'valibot';
import { TemplateListSchema } from './agenda';
import { sameJson } from './json';
import { CoacheeListSchema, describeIssues, SessionMetaSchema } from './model';
import { SESSION_PART_SCHEMAS } from './session-parts';
import { SettingsSchema } from './settings';

const BACKUP_FORMAT = 'sidecoach-backup';
const BACKUP_VERSION = 1;
/**
 * Largest backup file accepted: 100 MB. A coach with 10,000 sessions (years of
 * weekly sessions with twenty coachees) has a backup of about 42 MB.
 */
export const BACKUP_MAX_BYTES = 100 * 1024 * 1024;

/** Everything Sidecoach keeps about one session: its metadata and each of its parts. */
const SessionRecordSchema = v.strictObject({ meta: SessionMetaSchema, ...SESSION_PART_SCHEMAS });
export type SessionRecord = v.InferOutput<typeof SessionRecordSchema>;

/** Everything Sidecoach keeps. */
const DataSetSchema = v.strictObject({
  coachees: CoacheeListSchema,
  sessions: v.pipe(v.array(SessionRecordSchema), v.maxLength(100_000)),
  settings: SettingsSchema,
  templates: TemplateListSchema,
  activeSessionId: v.nullable(v.string()),
});
export type DataSet = v.InferOutput<typeof DataSetSchema>;

const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  data: DataSetSchema,
});
export type Backup = v.InferOutput<typeof BackupSchema>;

/** Why a file was not accepted; the UI words each kind. */
export type BackupProblem =
  | { kind: 'tooLarge'; bytes: number }
  | { kind: 'notJson'; detail: string }
  | { kind: 'unsafeKey'; key: string }
  | { kind: 'notSidecoach' }
  | { kind: 'futureVersion'; version: number }
  | { kind: 'wrongVersion' }
  | { kind: 'invalid'; detail: string };

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class UnsafeKeyError extends Error {
  constructor(readonly key: string) {
    super(`unsafe key ${key}`);
  }
}

/**
 * Read a backup file's text. Nothing is trusted: size, JSON syntax, keys that
 * could pollute prototypes, the format and version, and every field's type and
 * length are checked before anything is used.
 */
export function parseBackup(text: string): ParsedBackup {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > BACKUP_MAX_BYTES) return { ok: false, problem: { kind: 'tooLarge', bytes } };
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) throw new UnsafeKeyError(key);
      return value;
    });
  } catch (err) {
    if (err instanceof UnsafeKeyError) return { ok: false, problem: { kind: 'unsafeKey', key: err.key } };
    return { ok: false, problem: { kind: 'notJson', detail: err instanceof Error ? err.message : String(err) } };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: { kind: 'notSidecoach' } };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) return { ok: false, problem: { kind: 'futureVersion', version } };
  if (version !== BACKUP_VERSION) return { ok: false, problem: { kind: 'wrongVersion' } };
  const parsed = v.safeParse(BackupSchema, raw);
  if (!parsed.success) return { ok: false, problem: { kind: 'invalid', detail: describeIssues(parsed.issues) } };
  return { ok: true, backup: parsed.output };
}

/** What importing a backup would do: what is new, what would change, what is the same. */
export interface ImportPlan {
  newCoachees: number;
  changedCoachees: number;
  newSessions: string[];
  changedSessions: string[];
  unchangedSessions: number;
}

/** Compare a backup with what is stored, by id. */
export function planImport(current: DataSet, incoming: DataSet): ImportPlan {
  const coachees = new Map(current.coachees.map((c) => [c.id, c]));
  const sessions = new Map(current.sessions.map((s) => [s.meta.id, s]));
  const plan: ImportPlan = { newCoachees: 0, changedCoachees: 0, newSessions: [], changedSessions: [], unchangedSessions: 0 };
  for (const c of incoming.coachees) {
    const mine = coachees.get(c.id);
    if (!mine) plan.newCoachees++;
    else if (!sameJson(mine, c)) plan.changedCoachees++;
  }
  for (const s of incoming.sessions) {
    const mine = sessions.get(s.meta.id);
    if (!mine) plan.newSessions.push(s.meta.id);
    else if (!sameJson(mine, s)) plan.changedSessions.push(s.meta.id);
    else plan.unchangedSessions++;
  }
  return plan;
}

/**
 * Merge a backup into the stored data by id. New coachees and sessions are
 * added; ones that differ replace the stored ones only with `overwrite`
 * (the user's explicit confirmation); settings and templates are kept unless
 * overwriting. Nothing stored is ever removed.
 */
export function mergeImport(current: DataSet, incoming: DataSet, overwrite: boolean): DataSet {
  const coachees = new Map(current.coachees.map((c) => [c.id, c]));
  for (const c of incoming.coachees) if (!coachees.has(c.id) || overwrite) coachees.set(c.id, c);
  const sessions = new Map(current.sessions.map((s) => [s.meta.id, s]));
  for (const s of incoming.sessions) if (!sessions.has(s.meta.id) || overwrite) sessions.set(s.meta.id, s);
  const templates = new Map(current.templates.map((tpl) => [tpl.id, tpl]));
  for (const tpl of incoming.templates) if (!templates.has(tpl.id) || overwrite) templates.set(tpl.id, tpl);
  const merged = [...sessions.values()].sort((a, b) => a.meta.createdAt - b.meta.createdAt);
  const activeSessionId =
    current.activeSessionId && sessions.has(current.activeSessionId)
      ? current.activeSessionId
      : (incoming.activeSessionId ?? merged.at(-1)?.meta.id ?? null);
  return {
    coachees: [...coachees.values()],
    sessions: merged,
    settings: overwrite ? incoming.settings : current.settings,
    templates: [...templates.values()],
    activeSessionId,
  };
}

/**
 * A backup written a piece at a time (the small items, then each batch of
 * sessions), so a large one never has to be one string in memory. The pieces
 * joined are a backup `parseBackup` reads.
 */
export function backupHead(small: Omit<DataSet, 'sessions'>, now: number): string {
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now };
  const data = { coachees: small.coachees, settings: small.settings, templates: small.templates, activeSessionId: small.activeSessionId };
  return `${JSON.stringify(head).slice(0, -1)},"data":${JSON.stringify(data).slice(0, -1)},"sessions":[`;
}
/** One batch of sessions for a backup written in pieces; `first` says whether any came before. */
export function backupSessions(records: readonly SessionRecord[], first: boolean): string {
  const body = records.map((r) => JSON.stringify(r)).join(',');
  return body && !first ? `,${body}` : body;
}
export const BACKUP_TAIL = ']}}';
