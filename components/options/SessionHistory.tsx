import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { EMPTY_HEAD, HISTORY_PAGE } from '../../utils/domain/history/records';
import { type IndexEntry, sessionTime } from '../../utils/domain/history/session-index';
import type { SnippetPart } from '../../utils/domain/history/snippet';
import type { Coachee } from '../../utils/domain/model';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { historyHeadStore, historyRevisionStore } from '../../utils/platform/history/records-store';
import { type HistorySearch, warmHistory } from '../../utils/platform/history/search';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';
import { coacheesStore } from '../../utils/platform/storage';
import { lazyModule, useLazy } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';
import { useHistorySearch } from './useHistorySearch';

/** One past session read whole: its code (the session's document, the editors) loads when a session is opened. */
const sessionDetail = lazyModule(() => import('./SessionDetail').then((m) => m.SessionDetail));

/**
 * Every session, newest first, a page at a time, for everyone or one coachee;
 * searchable as you type through the background's full-text index (best match
 * first, the matching words shown in context). The first view comes from a small
 * record the background keeps (the newest rows), so opening the page reads the
 * same few kilobytes with ten sessions or ten thousand; while a bulk build runs
 * (after a restore) it shows its progress and the rows ready so far.
 * Each session opens to read and edit.
 */
export function SessionHistory() {
  const coachees = useStored(coacheesStore);
  const stored = useStored(historyHeadStore);
  // Missing (null) until the background has made it again after a start or an update: shown as being prepared.
  const head = useComputed(() => stored.value.value ?? EMPTY_HEAD);
  const revision = useStored(historyRevisionStore);
  const search = useHistorySearch(head, revision.value);
  // Found missing (a browser start or an update, and the background not yet at it): ask it to make it again.
  const missing = stored.loaded.value && stored.value.value === null;
  useEffect(() => {
    if (missing) warmHistory();
  }, [missing]);
  const open = useSignal<IndexEntry | null>(null);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }), []);
  const numbers = useMemo(() => new Intl.NumberFormat(uiLanguage()), []);
  const names = useComputed(() => new Map(coachees.value.value.map((c: Coachee) => [c.id, coacheeLabel(c.name)])));

  const SessionDetail = useLazy(sessionDetail, open.value !== null);
  if (open.value) {
    const entry = open.value;
    if (!SessionDetail) return null;
    return (
      <SessionDetail
        entry={entry}
        name={names.value.get(entry.coacheeId) ?? ''}
        date={dateFormat.format(sessionTime(entry))}
        onBack={() => (open.value = null)}
      />
    );
  }

  const h = head.value;
  const { rows, matched, total, snippets, answered, complete } = search.view.value;
  const shown = search.shown.value;
  // The count once the head is there or a search was answered; until then the history is being prepared.
  const ready = answered || (stored.loaded.value && stored.value.value !== null);
  const preparing = h.prepared < h.total;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      {preparing && (
        <div class="field">
          <p id="history-progress">{t('historyPreparing', numbers.format(h.prepared), numbers.format(h.total))}</p>
          <progress aria-labelledby="history-progress" max={h.total} value={h.prepared} />
        </div>
      )}
      <HistoryFilters search={search} coachees={coachees.value.value} />
      <p role="status" class="small muted" aria-busy={search.asking.value}>
        {ready ? tn('historyCount', total, matched, total) : t('historyIndexing')}
        {ready && !complete && <> · {t('historyStillIndexing')}</>}
      </p>
      {ready && rows.length === 0 && !search.asking.value && !preparing ? (
        <p>{t('historyEmpty')}</p>
      ) : (
        <ul class="history">
          {rows.slice(0, shown).map((e) => (
            <li key={e.id}>
              <button type="button" class="history-item" onClick={() => (open.value = e)}>
                <span class="topic-title">{e.title || t('historyNoTopic')}</span>
                <span class="small muted">
                  {dateFormat.format(sessionTime(e))} · {names.value.get(e.coacheeId) ?? ''} ·{' '}
                  {e.startedAt === null ? t('historyNotStarted') : t('historyLength', Math.round(e.lengthMs / 60_000))}
                </span>
                {snippets[e.id] && <Snippet parts={snippets[e.id] ?? []} />}
              </button>
            </li>
          ))}
        </ul>
      )}
      {matched > shown && (
        <button type="button" onClick={search.more}>
          {t('historyShowMore', Math.min(HISTORY_PAGE, matched - shown))}
        </button>
      )}
    </section>
  );
}

/** The search field and, with more than one coachee, the coachee filter. */
function HistoryFilters({ search, coachees }: { search: HistorySearch; coachees: Coachee[] }) {
  return (
    <div class="row wrap">
      <div class="field grow">
        <label for="history-search">{t('historySearchLabel')}</label>
        <input
          id="history-search"
          type="search"
          value={search.query}
          onInput={(e) => search.search((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {coachees.length > 1 && (
        <div class="field">
          <label for="history-coachee">{t('historyCoacheeFilter')}</label>
          <select
            id="history-coachee"
            value={search.coacheeId.value}
            onChange={(e) => search.filter((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t('historyAllCoachees')}</option>
            {coachees.map((c) => (
              <option key={c.id} value={c.id}>
                {coacheeLabel(c.name)}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

/** The matching words in context, marked (text nodes only). */
function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <span class="small snippet">{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</span>;
}
