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
import { notesFileFrontMatter, sessionDay, sessionFields, sessionFileName, sessionNote, sessionSection } from '../domain/export-notes';
import type { ExportScope } from '../domain/export-scope';
import { progressDocument } from '../domain/progress-doc';
import type { IndexEntry } from '../domain/session-index';
import { SELF_COACHEE_ID } from '../domain/session-list';
import { zipWriter } from '../domain/zip';
import { readSmall } from './data-store';
import { formatDay, formatSessionDate } from './dates';
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

/**
 * The context every page renders a session's document with (labels, the default
 * agenda, dates). Dates in prose read one way, the reader's medium style (as the
 * progress figures write them): a day as a day, a time with its day.
 */
export function documentContext(now: number): Omit<MarkdownContext, 'coacheeName'> {
  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  return {
    labels: markdownLabels(),
    defaultAgenda: localDefaultTemplate().phases,
    formatDate: (ms) => dateFormat.format(ms),
    formatSessionDate: (date) => formatSessionDate(date, 'medium'),
    formatDay: (day) => formatDay(day, 'medium'),
    now,
  };
}

/**
 * The chosen sessions (oldest first) as one Markdown file in the downloads that
 * notes tools read whole: one YAML front matter at the top (what the file holds,
 * and each session's details), the file's title, then each session as a section
 * headed with its date (the plan as tasks), then — when `progressOf` names a
 * coachee — their progress figures as a section of their own. `who` names the
 * file's coachee when all are one coachee's. The sections are written a batch
 * at a time; only the front matter's small lines are held until the end.
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
  const sections: Blob[] = [];
  const fields: string[][] = [];
  const coachees: string[] = [];
  const unreadable = await forEachRecordBatch(
    entries.map((e) => e.id),
    (records) => {
      for (const r of records) {
        const ctx = { ...context, coacheeName: nameOf(r.meta.coacheeId) };
        if (!coachees.includes(ctx.coacheeName)) coachees.push(ctx.coacheeName);
        fields.push(sessionFields(r, ctx));
        sections.push(new Blob(['\n', sessionSection(r, ctx)]));
      }
    },
  );
  // The person's own progress reads "My progress", never "Progress: Me".
  const own = entries.length > 0 && entries.every((e) => e.coacheeId === SELF_COACHEE_ID);
  const progress =
    progressOf === null ? [] : progressDocument(entries, progressOf, progressLabels(own), progressFormats(uiLanguage()), now);
  if (progress.length > 0) sections.push(new Blob(['\n', documentMarkdown(progress, 1)]));
  const title = who === null ? t('notesFileTitleAll') : t('notesFileTitle', who);
  const head = notesFileFrontMatter({ title, coachees, exportedAt: now, progress: progress.length > 0 }, fields);
  const file = exportFileName(kind, new Date(now), who, 'md');
  downloadBlob(
    file,
    new Blob([head, '\n', documentMarkdown([{ kind: 'heading', level: 1, text: title }]), ...sections], {
      type: 'text/markdown;charset=utf-8',
    }),
  );
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
