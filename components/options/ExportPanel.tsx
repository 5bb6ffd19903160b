import { type ReadonlySignal, type Signal, useSignal } from '@preact/signals';
import { chosenScope, type ExportScope, entriesIn, scopeToHash } from '../../utils/domain/export-scope';
import type { Coachee } from '../../utils/domain/model';
import { type IndexEntry, type SessionIndex, sessionTime } from '../../utils/domain/session-index';
import { SELF_COACHEE_ID } from '../../utils/domain/session-list';
import type { Role } from '../../utils/domain/settings';
import { selfLabel } from '../../utils/platform/coachee-name';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { downloadBackup, downloadNotes, type ExportResult, exportMessage } from '../../utils/platform/session-export';
import { openExtensionPage } from '../../utils/platform/tabs';

/**
 * Export one session, a coachee's sessions or all of them as Markdown or a print
 * view; back up everything as JSON. Sessions are read and written a batch at a
 * time into a file of pieces, so years of notes never sit in memory at once.
 */
export function ExportPanel({
  index,
  coachees,
  role,
}: {
  index: ReadonlySignal<SessionIndex>;
  coachees: ReadonlySignal<Coachee[]>;
  /** A coachee exports their own sessions and progress: no choice of coachee. */
  role?: Role;
}) {
  const kind = useSignal<ExportScope['kind']>('all');
  const coacheeId = useSignal('');
  const sessionId = useSignal('');
  const message = useSignal<string | null>(null);
  const busy = useSignal(false);
  const perSession = useSignal(false);
  const selfName = selfLabel();
  const nameOf = (id: string) => coachees.value.find((c) => c.id === id)?.name || selfName;
  const entries = entriesIn(Object.values(index.value.entries), { kind: 'all' });
  const scope = chosenScope(
    kind.value,
    { coacheeId: role === 'coachee' ? SELF_COACHEE_ID : coacheeId.value, sessionId: sessionId.value },
    { coacheeId: coachees.value[0]?.id, sessionId: entries.at(-1)?.id },
  );
  const chosen = entriesIn(entries, scope);

  const run = async (work: () => Promise<ExportResult>) => {
    busy.value = true;
    try {
      message.value = exportMessage(await work());
    } finally {
      busy.value = false;
    }
  };
  const onMarkdown = () => {
    if (chosen.length === 0) message.value = t('exportNothing');
    else void run(() => downloadNotes(scope, chosen, nameOf, perSession.value));
  };

  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <ScopeFields
        kind={kind}
        scope={scope}
        entries={entries}
        coachees={coachees.value}
        own={role === 'coachee'}
        nameOf={nameOf}
        onCoachee={(id) => (coacheeId.value = id)}
        onSession={(id) => (sessionId.value = id)}
      />
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
        <button type="button" onClick={() => void openExtensionPage(`/print.html#${scopeToHash(scope)}`)}>
          {t('exportPrint')}
        </button>
        <button type="button" onClick={() => void run(() => downloadBackup(entries))} disabled={busy.value}>
          {t('exportBackup')}
        </button>
      </div>
      <p role="status" class="small">
        {message.value}
      </p>
    </section>
  );
}

/** Which sessions to export: all, a coachee's (with the coachee to choose) or one (with the session to choose). */
function ScopeFields({
  kind,
  scope,
  entries,
  coachees,
  own,
  nameOf,
  onCoachee,
  onSession,
}: {
  kind: Signal<ExportScope['kind']>;
  scope: ExportScope;
  entries: IndexEntry[];
  coachees: Coachee[];
  /** The coachee's own export: "my sessions and progress", without a list of coachees. */
  own: boolean;
  nameOf: (id: string) => string;
  onCoachee: (id: string) => void;
  onSession: (id: string) => void;
}) {
  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' });
  return (
    <>
      <fieldset>
        <legend>{t('exportScopeLegend')}</legend>
        {(['all', 'coachee', 'session'] as const).map((k) => (
          <label class="check" key={k}>
            <input type="radio" name="export-scope" value={k} checked={kind.value === k} onChange={() => (kind.value = k)} />
            {k === 'all'
              ? t('exportScopeAll')
              : k === 'coachee'
                ? t(own ? 'exportScopeMine' : 'exportScopeCoachee')
                : t('exportScopeSession')}
          </label>
        ))}
      </fieldset>
      {scope.kind === 'coachee' && !own && (
        <div class="field">
          <label for="export-coachee">{t('exportCoacheeLabel')}</label>
          <select id="export-coachee" value={scope.coacheeId} onChange={(e) => onCoachee((e.currentTarget as HTMLSelectElement).value)}>
            {coachees.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id === SELF_COACHEE_ID ? t('exportOptionMine') : nameOf(c.id)}
              </option>
            ))}
          </select>
        </div>
      )}
      {scope.kind === 'session' && (
        <div class="field">
          <label for="export-session">{t('exportSessionLabel')}</label>
          <select id="export-session" value={scope.sessionId} onChange={(e) => onSession((e.currentTarget as HTMLSelectElement).value)}>
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
    </>
  );
}
