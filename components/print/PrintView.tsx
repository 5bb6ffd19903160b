import type { SessionRecord } from '../../utils/domain/backup';
import { sessionDocument } from '../../utils/domain/export-markdown';
import { progressDocument } from '../../utils/domain/progress-doc';
import type { IndexEntry } from '../../utils/domain/session-index';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { progressFormats, progressLabels } from '../../utils/platform/markdown-labels';
import { documentContext } from '../../utils/platform/session-export';
import { printBlock } from '../shared/DocumentBlock';

/**
 * Sessions laid out for paper: the browser's "Save as PDF" gives a clean document; a coachee's
 * sessions end with their progress figures. User text is text nodes only.
 */
export function PrintView({
  sessions,
  nameOf,
  unreadable,
  progress = null,
}: {
  /** The sessions in the print's scope, oldest first. */
  sessions: readonly SessionRecord[];
  nameOf: (coacheeId: string) => string;
  /** How many of them could not be read whole. */
  unreadable: number;
  /** A coachee's print: their name and index entries, for the progress figures at the end (`own`: the person's own). */
  progress?: { coachee: string; entries: readonly IndexEntry[]; own?: boolean } | null;
}) {
  return (
    <main class="print">
      <div class="no-print controls">
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('printButton')}
        </button>
      </div>
      {sessions.length === 0 && <p>{t('exportNothing')}</p>}
      {unreadable > 0 && (
        <p class="no-print" role="status">
          {t('exportUnreadable', String(unreadable))}
        </p>
      )}
      {sessions.map((s) => (
        <PrintSession key={s.meta.id} session={s} coachee={nameOf(s.meta.coacheeId)} />
      ))}
      {progress && progress.entries.length > 0 && (
        <article class="print-session">
          {progressDocument(
            progress.entries,
            progress.coachee,
            progressLabels(progress.own),
            progressFormats(uiLanguage()),
            Date.now(),
          ).map(printBlock)}
        </article>
      )}
    </main>
  );
}

function PrintSession({ session, coachee }: { session: SessionRecord; coachee: string }) {
  const doc = sessionDocument(session, { ...documentContext(Date.now()), coacheeName: coachee });
  return <article class="print-session">{doc.map(printBlock)}</article>;
}
