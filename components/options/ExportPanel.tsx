import { type ReadonlySignal, useSignal } from '@preact/signals';
import { type ExportScope, entriesIn, scopeToHash } from '../../utils/domain/export-scope';
import type { Coachee } from '../../utils/domain/model';
import { type SessionIndex, sessionTime } from '../../utils/domain/session-index';
import { selfLabel } from '../../utils/platform/coachee-name';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { downloadBackup, downloadMarkdown, type ExportResult } from '../../utils/platform/session-export';
import { openExtensionPage } from '../../utils/platform/tabs';

/**
 * Export one session, a coachee's sessions or all of them as Markdown or a print
 * view; back up everything as JSON. Sessions are read and written a batch at a
 * time into a file of pieces, so years of notes never sit in memory at once.
 */
export function ExportPanel({ index, coachees }: { index: ReadonlySignal<SessionIndex>; coachees: ReadonlySignal<Coachee[]> }) {
  const kind = useSignal<ExportScope['kind']>('all');
  const coacheeId = useSignal('');
  const sessionId = useSignal('');
  const message = useSignal<string | null>(null);
  const busy = useSignal(false);
  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' });
  const selfName = selfLabel();
  const nameOf = (id: string) => coachees.value.find((c) => c.id === id)?.name || selfName;
  const entries = entriesIn(Object.values(index.value.entries), { kind: 'all' });
  const scope: ExportScope =
    kind.value === 'coachee'
      ? { kind: 'coachee', coacheeId: coacheeId.value || coachees.value[0]?.id || '' }
      : kind.value === 'session'
        ? { kind: 'session', sessionId: sessionId.value || entries.at(-1)?.id || '' }
        : { kind: 'all' };
  const chosen = entriesIn(entries, scope);

  const run = async (work: () => Promise<ExportResult>) => {
    busy.value = true;
    try {
      const { file, unreadable } = await work();
      message.value = [t('exportDone', file), unreadable.length > 0 ? t('exportUnreadable', String(unreadable.length)) : '']
        .filter(Boolean)
        .join(' ');
    } finally {
      busy.value = false;
    }
  };
  const onMarkdown = () => {
    if (chosen.length === 0) {
      message.value = t('exportNothing');
      return;
    }
    const who =
      scope.kind === 'coachee' ? nameOf(scope.coacheeId) : scope.kind === 'session' && chosen[0] ? nameOf(chosen[0].coacheeId) : null;
    void run(() => downloadMarkdown(chosen, nameOf, who, scope.kind === 'all' ? 'all-sessions' : 'notes'));
  };
  const onBackup = () => void run(() => downloadBackup(entries));
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
