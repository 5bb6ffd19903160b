/**
 * Exports of stored sessions as files (a platform adapter): the Markdown
 * notes (one file, or one file per session in a zip), the JSON backup and the
 * records a print view shows. Each reads the
 * sessions a batch at a time (session-repo's forEachRecordBatch) into a file of
 * pieces, so years of notes never sit in memory as one string, and each says
 * which sessions could not be read whole (the read policy in storage.ts).
 */
import { BACKUP_TAIL, backupHead, backupSessions, type SessionRecord } from '../domain/backup';
import { documentMarkdown, exportFileName, type MarkdownContext } from '../domain/export-markdown';
import { sessionDay, sessionFileName, sessionNote } from '../domain/export-notes';
import type { ExportScope } from '../domain/export-scope';
import type { IndexEntry } from '../domain/history/session-index';
import { progressDocument } from '../domain/progress-doc';
import { zipWriter } from '../domain/zip';
import { readSmall } from './data-store';
import { formatSessionDate } from './dates';
import { localDefaultTemplate } from './default-template';
import { downloadBlob } from './download';
import { t, uiLanguage } from './i18n';
import { markdownLabels, progressFormats, progressLabels } from './markdown-labels';
import { forEachRecordBatch } from './session-repo';

/** A file handed to the browser's downloads, and the sessions that could not be read whole. */
export interface ExportResult {
  file: string;
  unreadable: string[];
}

/** The context every page renders a session's document with (labels, the default agenda, dates). */
export function documentContext(now: number): Omit<MarkdownContext, 'coacheeName'> {
  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' });
  return {
    labels: markdownLabels(),
    defaultAgenda: localDefaultTemplate().phases,
    formatDate: (ms) => dateFormat.format(ms),
    formatSessionDate,
    now,
  };
}

/**
 * The chosen sessions (oldest first) as one Markdown file in the downloads, each
 * opening with its YAML front matter and with its plan as tasks; `who` names the
 * file's coachee when all are one coachee's, and `progressOf` (a coachee's name)
 * ends the file with that coachee's progress figures.
 */
async function downloadMarkdown(
  entries: readonly IndexEntry[],
  nameOf: (coacheeId: string) => string,
  who: string | null,
  kind: 'all-sessions' | 'notes',
  now = Date.now(),
  progressOf: string | null = null,
): Promise<ExportResult> {
  const context = documentContext(now);
  const pieces: Blob[] = [];
  const unreadable = await forEachRecordBatch(
    entries.map((e) => e.id),
    (records) => {
      const text = records.map((r) => sessionNote(r, { ...context, coacheeName: nameOf(r.meta.coacheeId) })).join('\n');
      if (text) pieces.push(new Blob([pieces.length > 0 ? '\n' : '', text]));
    },
  );
  if (progressOf !== null) {
    const progress = progressDocument(entries, progressOf, progressLabels(), progressFormats(uiLanguage()), now);
    if (progress.length > 0) pieces.push(new Blob(['\n', documentMarkdown(progress)]));
  }
  const file = exportFileName(kind, new Date(now), who, 'md');
  downloadBlob(file, new Blob(pieces, { type: 'text/markdown;charset=utf-8' }));
  return { file, unreadable };
}

/**
 * The chosen sessions as one Markdown note each (`YYYY-MM-DD Coachee — topic.md`,
 * front matter and tasks) in a zip in the downloads, written a batch at a time.
 */
async function downloadNotesZip(
  entries: readonly IndexEntry[],
  nameOf: (coacheeId: string) => string,
  who: string | null,
  kind: 'all-sessions' | 'notes',
  now = Date.now(),
): Promise<ExportResult> {
  const context = documentContext(now);
  const zip = zipWriter();
  const taken = new Set<string>();
  const encoder = new TextEncoder();
  const pieces: Blob[] = [];
  const unreadable = await forEachRecordBatch(
    entries.map((e) => e.id),
    (records) => {
      const parts = records.flatMap((r) =>
        zip.add({
          name: sessionFileName(r, nameOf(r.meta.coacheeId), taken),
          data: encoder.encode(sessionNote(r, { ...context, coacheeName: nameOf(r.meta.coacheeId) })),
          modified: new Date(sessionDay(r)),
        }),
      );
      pieces.push(new Blob(parts as BlobPart[]));
    },
  );
  pieces.push(new Blob(zip.finish() as BlobPart[]));
  const file = exportFileName(kind, new Date(now), who, 'zip');
  downloadBlob(file, new Blob(pieces, { type: 'application/zip' }));
  return { file, unreadable };
}

/**
 * The notes of a scope's sessions (`chosen`, oldest first) in the downloads, as the
 * export panel offers them: one Markdown file (a coachee's ending with their
 * progress), or one note per session in a zip (`perSession`).
 */
export function downloadNotes(
  scope: ExportScope,
  chosen: readonly IndexEntry[],
  nameOf: (coacheeId: string) => string,
  perSession: boolean,
  now = Date.now(),
): Promise<ExportResult> {
  const who =
    scope.kind === 'coachee' ? nameOf(scope.coacheeId) : scope.kind === 'session' && chosen[0] ? nameOf(chosen[0].coacheeId) : null;
  const kind = scope.kind === 'all' ? 'all-sessions' : 'notes';
  return perSession
    ? downloadNotesZip(chosen, nameOf, who, kind, now)
    : downloadMarkdown(chosen, nameOf, who, kind, now, scope.kind === 'coachee' ? who : null);
}

/** What the page says after an export: the file, and how many sessions could not be read whole. */
export function exportMessage({ file, unreadable }: ExportResult): string {
  return [t('exportDone', file), unreadable.length > 0 ? t('exportUnreadable', String(unreadable.length)) : ''].filter(Boolean).join(' ');
}

/** Everything kept, as one JSON backup in the downloads (the sessions of `entries`, with the small items). */
export async function downloadBackup(entries: readonly IndexEntry[], now = Date.now()): Promise<ExportResult> {
  const pieces: Blob[] = [new Blob([backupHead(await readSmall(), now)])];
  let first = true;
  const unreadable = await forEachRecordBatch(
    entries.map((e) => e.id),
    (records) => {
      pieces.push(new Blob([backupSessions(records, first)]));
      if (records.length > 0) first = false;
    },
  );
  pieces.push(new Blob([BACKUP_TAIL]));
  const file = exportFileName('backup', new Date(now), null, 'json');
  downloadBlob(file, new Blob(pieces, { type: 'application/json' }));
  return { file, unreadable };
}

/** The records of the chosen sessions for a print view (read in batches), and those not read whole. */
export async function readForPrint(entries: readonly IndexEntry[]): Promise<{ records: SessionRecord[]; unreadable: string[] }> {
  const records: SessionRecord[] = [];
  const unreadable = await forEachRecordBatch(
    entries.map((e) => e.id),
    (batch) => void records.push(...batch),
  );
  return { records, unreadable };
}
