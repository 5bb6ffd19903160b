import { type ReadonlySignal, useSignal } from '@preact/signals';
import { type DataSet, makeBackup } from '../../utils/domain/backup';
import { exportFileName, sessionsMarkdown } from '../../utils/domain/export-markdown';
import { coacheeName, type ExportScope, markdownContextFor, scopeToHash, sessionsIn } from '../../utils/domain/export-scope';
import { firstStartAt } from '../../utils/domain/timer-log';
import { localDefaultTemplate } from '../../utils/platform/default-template';
import { downloadText } from '../../utils/platform/download';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { markdownLabels } from '../../utils/platform/markdown-labels';
import { openExtensionPage } from '../../utils/platform/tabs';

/** Export one session, a coachee's sessions or all of them as Markdown or a print view; back up everything as JSON. */
export function ExportPanel({ data }: { data: ReadonlySignal<DataSet | null> }) {
  const kind = useSignal<ExportScope['kind']>('all');
  const coacheeId = useSignal('');
  const sessionId = useSignal('');
  const message = useSignal<string | null>(null);
  const set = data.value;
  if (!set) return null;
  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' });
  const selfName = t('coacheeSelf');
  const scope: ExportScope =
    kind.value === 'coachee'
      ? { kind: 'coachee', coacheeId: coacheeId.value || set.coachees[0]?.id || '' }
      : kind.value === 'session'
        ? { kind: 'session', sessionId: sessionId.value || set.sessions.at(-1)?.meta.id || '' }
        : { kind: 'all' };
  const chosen = sessionsIn(set, scope);

  const onMarkdown = () => {
    if (chosen.length === 0) {
      message.value = t('exportNothing');
      return;
    }
    const now = Date.now();
    const options = {
      labels: markdownLabels(),
      defaultAgenda: localDefaultTemplate().phases,
      selfName,
      formatDate: (ms: number) => dateFormat.format(ms),
      now,
    };
    const text = sessionsMarkdown(chosen, (s) => markdownContextFor(set, s, options));
    const who =
      scope.kind === 'coachee'
        ? coacheeName(set, scope.coacheeId, selfName)
        : scope.kind === 'session' && chosen[0]
          ? coacheeName(set, chosen[0].meta.coacheeId, selfName)
          : null;
    const file = exportFileName(scope.kind === 'all' ? 'all-sessions' : 'notes', new Date(now), who, 'md');
    downloadText(file, text, 'text/markdown');
    message.value = t('exportDone', file);
  };
  const onBackup = () => {
    const now = Date.now();
    const file = exportFileName('backup', new Date(now), null, 'json');
    downloadText(file, JSON.stringify(makeBackup(set, now), null, 2), 'application/json');
    message.value = t('exportDone', file);
  };
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
            {set.coachees.map((c) => (
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
            {[...set.sessions].reverse().map((s) => (
              <option key={s.meta.id} value={s.meta.id}>
                {dateFormat.format(firstStartAt(s.timer) ?? s.meta.createdAt)} · {coacheeName(set, s.meta.coacheeId, selfName)} ·{' '}
                {s.topic.title || t('historyNoTopic')}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="controls">
        <button type="button" class="primary" onClick={onMarkdown}>
          {t('exportMarkdown')}
        </button>
        <button type="button" onClick={onPrint}>
          {t('exportPrint')}
        </button>
        <button type="button" onClick={onBackup}>
          {t('exportBackup')}
        </button>
      </div>
      <p role="status" class="small">
        {message.value}
      </p>
    </section>
  );
}
