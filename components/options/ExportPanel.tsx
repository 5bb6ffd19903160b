import { type ReadonlySignal, useSignal } from '@preact/signals';
import type { SessionRecord } from '../../utils/domain/backup';
import { BACKUP_TAIL, backupHead, backupSessions } from '../../utils/domain/backup';
import { documentMarkdown, exportFileName } from '../../utils/domain/export-markdown';
import { sessionDay, sessionFileName, sessionNote } from '../../utils/domain/export-notes';
import { type ExportScope, scopeToHash } from '../../utils/domain/export-scope';
import type { Coachee } from '../../utils/domain/model';
import { progressDocument } from '../../utils/domain/progress-doc';
import { type SessionIndex, sessionTime } from '../../utils/domain/session-index';
import { zipWriter } from '../../utils/domain/zip';
import { forEachRecordBatch, readSmall } from '../../utils/platform/data-store';
import { localDefaultTemplate } from '../../utils/platform/default-template';
import { downloadBlob } from '../../utils/platform/download';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { markdownLabels, progressFormats, progressLabels } from '../../utils/platform/markdown-labels';
import { openExtensionPage } from '../../utils/platform/tabs';

/**
 * Export one session, a coachee's sessions or all of them as Markdown (each
 * session with YAML front matter and its plan as tasks; one file, or one file
 * per session in a zip; a coachee's progress figures at the end) or a print
 * view; back up everything as JSON. Sessions are read and written a batch at a
 * time into a file of pieces, so years of notes never sit in memory at once.
 */
export function ExportPanel({ index, coachees }: { index: ReadonlySignal<SessionIndex>; coachees: ReadonlySignal<Coachee[]> }) {
  const kind = useSignal<ExportScope['kind']>('all');
  const coacheeId = useSignal('');
  const sessionId = useSignal('');
  const message = useSignal<string | null>(null);
  const busy = useSignal(false);
  const perSession = useSignal(false);
  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' });
  const selfName = t('coacheeSelf');
  const nameOf = (id: string) => coachees.value.find((c) => c.id === id)?.name || selfName;
  const entries = Object.values(index.value.entries).sort((a, b) => sessionTime(a) - sessionTime(b));
  const scope: ExportScope =
    kind.value === 'coachee'
      ? { kind: 'coachee', coacheeId: coacheeId.value || coachees.value[0]?.id || '' }
      : kind.value === 'session'
        ? { kind: 'session', sessionId: sessionId.value || entries.at(-1)?.id || '' }
        : { kind: 'all' };
  const chosen = entries.filter((e) =>
    scope.kind === 'coachee' ? e.coacheeId === scope.coacheeId : scope.kind === 'session' ? e.id === scope.sessionId : true,
  );

  const run = async (work: () => Promise<string>) => {
    busy.value = true;
    try {
      message.value = t('exportDone', await work());
    } finally {
      busy.value = false;
    }
  };
  const onMarkdown = () => {
    if (chosen.length === 0) {
      message.value = t('exportNothing');
      return;
    }
    void run(async () => {
      const now = Date.now();
      const options = {
        labels: markdownLabels(),
        defaultAgenda: localDefaultTemplate().phases,
        formatDate: (ms: number) => dateFormat.format(ms),
        now,
      };
      const contextOf = (r: SessionRecord) => ({ ...options, coacheeName: nameOf(r.meta.coacheeId) });
      const ids = chosen.map((e) => e.id);
      const who =
        scope.kind === 'coachee' ? nameOf(scope.coacheeId) : scope.kind === 'session' && chosen[0] ? nameOf(chosen[0].coacheeId) : null;
      const kindName = scope.kind === 'all' ? 'all-sessions' : 'notes';
      const pieces: Blob[] = [];
      if (perSession.value) {
        // One Markdown file per session, named for its day, coachee and topic, in a zip built a batch at a time.
        const zip = zipWriter();
        const taken = new Set<string>();
        const encoder = new TextEncoder();
        await forEachRecordBatch(ids, (records) => {
          const parts = records.flatMap((r) =>
            zip.add({
              name: sessionFileName(r, nameOf(r.meta.coacheeId), taken),
              data: encoder.encode(sessionNote(r, contextOf(r))),
              modified: new Date(sessionDay(r)),
            }),
          );
          pieces.push(new Blob(parts as BlobPart[]));
        });
        pieces.push(new Blob(zip.finish() as BlobPart[]));
        const file = exportFileName(kindName, new Date(now), who, 'zip');
        downloadBlob(file, new Blob(pieces, { type: 'application/zip' }));
        return file;
      }
      // One file: each session with its own front matter, then (for a coachee) the progress figures.
      await forEachRecordBatch(ids, (records) => {
        const text = records.map((r) => sessionNote(r, contextOf(r))).join('\n');
        pieces.push(new Blob([pieces.length > 0 ? '\n' : '', text]));
      });
      if (scope.kind === 'coachee') {
        const progress = progressDocument(chosen, nameOf(scope.coacheeId), progressLabels(), progressFormats(uiLanguage()), now);
        if (progress.length > 0) pieces.push(new Blob(['\n', documentMarkdown(progress)]));
      }
      const file = exportFileName(kindName, new Date(now), who, 'md');
      downloadBlob(file, new Blob(pieces, { type: 'text/markdown;charset=utf-8' }));
      return file;
    });
  };
  const onBackup = () =>
    void run(async () => {
      const now = Date.now();
      const pieces: Blob[] = [new Blob([backupHead(await readSmall(), now)])];
      let first = true;
      await forEachRecordBatch(
        entries.map((e) => e.id),
        (records) => {
          pieces.push(new Blob([backupSessions(records, first)]));
          if (records.length > 0) first = false;
        },
      );
      pieces.push(new Blob([BACKUP_TAIL]));
      const file = exportFileName('backup', new Date(now), null, 'json');
      downloadBlob(file, new Blob(pieces, { type: 'application/json' }));
      return file;
    });
  const onPrint = () => void openExtensionPage(`/print.html#${scopeToHash(scope)}`);

  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <fieldset>
        <legend>{t('exportScopeLegend')}</legend>
        {(['all', 'coachee', 'session'] as const).map((k) => (
          <label class="check" key={k}>
            <input type="radio" name="export-scope" value={k} checked={kind.value === k} onChange={() => (kind.value = k)} />
            {k === 'all' ? t('exportScopeAll') : k === 'coachee' ? t('exportScopeCoachee') : t('exportScopeSession')}
          </label>
        ))}
      </fieldset>
      {kind.value === 'coachee' && (
        <div class="field">
          <label for="export-coachee">{t('exportCoacheeLabel')}</label>
          <select
            id="export-coachee"
            value={scope.kind === 'coachee' ? scope.coacheeId : ''}
            onChange={(e) => (coacheeId.value = (e.currentTarget as HTMLSelectElement).value)}
          >
            {coachees.value.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name || selfName}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind.value === 'session' && (
        <div class="field">
          <label for="export-session">{t('exportSessionLabel')}</label>
          <select
            id="export-session"
            value={scope.kind === 'session' ? scope.sessionId : ''}
            onChange={(e) => (sessionId.value = (e.currentTarget as HTMLSelectElement).value)}
          >
            {[...entries]
              .reverse()
              .slice(0, 500)
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {dateFormat.format(sessionTime(e))} · {nameOf(e.coacheeId)} · {e.title || t('historyNoTopic')}
                </option>
              ))}
          </select>
        </div>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={perSession.value}
          onChange={(e) => (perSession.value = (e.currentTarget as HTMLInputElement).checked)}
        />
        {t('exportPerSession')}
      </label>
      <p class="small muted">{t('exportNotesHint')}</p>
      <div class="controls">
        <button type="button" class="primary" onClick={onMarkdown} disabled={busy.value}>
          {t('exportMarkdown')}
        </button>
        <button type="button" onClick={onPrint}>
          {t('exportPrint')}
        </button>
        <button type="button" onClick={onBackup} disabled={busy.value}>
          {t('exportBackup')}
        </button>
      </div>
      <p role="status" class="small">
        {message.value}
      </p>
    </section>
  );
}
