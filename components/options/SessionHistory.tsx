import { type ReadonlySignal, useComputed, useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { DataSet } from '../../utils/domain/backup';
import { buildHistory, type HistoryEntry, historyInputFrom, searchHistory } from '../../utils/domain/history';
import { deleteSessions } from '../../utils/platform/data-store';
import { localDefaultTemplate } from '../../utils/platform/default-template';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { partStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { NotesEditor } from '../shared/NotesEditor';
import { SaveStatus } from '../shared/SaveStatus';
import { TopicForm } from '../shared/TopicForm';

/** Every session, newest first, searchable as you type; each opens to read and edit. */
export function SessionHistory({ data, problems }: { data: ReadonlySignal<DataSet | null>; problems: ReadonlySignal<string[]> }) {
  const query = useSignal('');
  const openId = useSignal<string | null>(null);
  // The options page reads storage once per change (useDataSet); the history is derived from that.
  const entries = useComputed(() =>
    data.value ? buildHistory(historyInputFrom(data.value), localDefaultTemplate().phases, t('coacheeSelf'), Date.now()) : [],
  );
  const results = useComputed(() => searchHistory(entries.value, query.value));
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }), []);

  const open = entries.value.find((e) => e.id === openId.value);
  if (open)
    return <SessionDetail entry={open} date={dateFormat.format(open.startedAt ?? open.createdAt)} onBack={() => (openId.value = null)} />;

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      {problems.value.length > 0 && (
        <p role="alert" class="problem">
          {t('historyProblems', problems.value.join(', '))}
        </p>
      )}
      <div class="field">
        <label for="history-search">{t('historySearchLabel')}</label>
        <input
          id="history-search"
          type="search"
          value={query}
          onInput={(e) => (query.value = (e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <p role="status" class="small muted">
        {t('historyCount', results.value.length, entries.value.length)}
      </p>
      {results.value.length === 0 ? (
        <p>{t('historyEmpty')}</p>
      ) : (
        <ul class="history">
          {results.value.slice(0, 200).map((e) => (
            <li key={e.id}>
              <button type="button" class="history-item" onClick={() => (openId.value = e.id)}>
                <span class="topic-title">{e.topicTitle || t('historyNoTopic')}</span>
                <span class="small muted">
                  {dateFormat.format(e.startedAt ?? e.createdAt)} · {e.coacheeName} ·{' '}
                  {e.startedAt === null ? t('historyNotStarted') : t('historyLength', Math.round(e.lengthMs / 60_000))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One past session, to read and edit. */
function SessionDetail({ entry, date, onBack }: { entry: HistoryEntry; date: string; onBack: () => void }) {
  const topic = useStored(partStore('topic', entry.id));
  const confirming = useSignal(false);
  return (
    <section aria-labelledby="detail-heading">
      <button type="button" class="link" onClick={onBack}>
        {t('historyBack')}
      </button>
      <h2 id="detail-heading">{t('historySessionHeading', date, entry.coacheeName)}</h2>
      <TopicForm topic={topic} idPrefix="history-topic" />
      <SaveStatus bridges={[topic]} />
      <NotesEditor sessionId={entry.id} />
      <div class="controls">
        <button type="button" onClick={() => (confirming.value = true)}>
          {t('deleteSession')}
        </button>
        {confirming.value && (
          <>
            <button type="button" class="danger" onClick={() => void deleteSessions([entry.id]).then(onBack)}>
              {t('deleteSessionConfirm')}
            </button>
            <button type="button" onClick={() => (confirming.value = false)}>
              {t('confirmCancel')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
