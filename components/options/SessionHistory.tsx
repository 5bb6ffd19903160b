import { useComputed, useSignal, useSignalEffect } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { HISTORY_PAGE, type HistoryPage } from '../../utils/domain/history-records';
import type { Coachee } from '../../utils/domain/model';
import { type IndexEntry, sessionTime } from '../../utils/domain/session-index';
import type { SnippetPart } from '../../utils/domain/snippet';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { askHistory } from '../../utils/platform/history-client';
import { historyHeadStore, historyRevisionStore } from '../../utils/platform/history-store';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';
import { coacheesStore } from '../../utils/platform/storage';
import { lazyModule, useLazy } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';

/** One past session read whole: its code (the session's document, the editors) loads when a session is opened. */
const sessionDetail = lazyModule(() => import('./SessionDetail').then((m) => m.SessionDetail));

const PAGE = HISTORY_PAGE;

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
  const head = useStored(historyHeadStore);
  const revision = useStored(historyRevisionStore);
  const query = useSignal('');
  const coacheeId = useSignal('');
  const shown = useSignal(PAGE);
  const open = useSignal<IndexEntry | null>(null);
  /** The background's answer for the current search, filter and length (null while the head answers). */
  const answer = useSignal<HistoryPage | null>(null);
  const asking = useSignal(false);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }), []);
  const numbers = useMemo(() => new Intl.NumberFormat(uiLanguage()), []);

  const names = useComputed(() => new Map(coachees.value.value.map((c: Coachee) => [c.id, coacheeLabel(c.name)])));
  /** Whether the head record answers: no search, no filter, the first page. */
  const plain = useComputed(() => query.value.trim() === '' && coacheeId.value === '' && shown.value <= PAGE);

  // Wake the background and have it load its indexes while the person looks at the list, so the first keystroke is answered at once.
  useEffect(() => void askHistory({ query: '', coacheeId: null, offset: 0, limit: 0, snippets: false }), []);

  useSignalEffect(() => {
    const q = query.value;
    const c = coacheeId.value;
    const limit = shown.value;
    // A change of the indexes or of the newest rows asks again.
    void revision.value.value;
    void head.value.value;
    if (plain.value) {
      answer.value = null;
      asking.value = false;
      return;
    }
    let stale = false;
    asking.value = true;
    const asked = { query: q, coacheeId: c || null, offset: 0, limit };
    // The rows at once; the words in context (the rows' texts read) follow in a second answer.
    void askHistory({ ...asked, snippets: false }).then((page) => {
      if (stale) return;
      asking.value = false;
      if (page) answer.value = page;
      if (page && page.rows.length > 0 && q.trim() !== '') {
        void askHistory(asked).then((full) => {
          if (!stale && full) answer.value = full;
        });
      }
    });
    return () => {
      stale = true;
    };
  });

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

  const h = head.value.value;
  const page = answer.value;
  // Until the background's first answer to a search, the list shown before stays.
  const answered = !plain.value && page !== null;
  const rows = answered ? page.rows : h.rows;
  const matched = answered ? page.matched : h.total;
  const total = answered ? page.total : h.total;
  const snippets = answered ? page.snippets : {};
  const ready = head.loaded.value;
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
      <div class="row wrap">
        <div class="field grow">
          <label for="history-search">{t('historySearchLabel')}</label>
          <input
            id="history-search"
            type="search"
            value={query}
            onInput={(e) => {
              query.value = (e.currentTarget as HTMLInputElement).value;
              shown.value = PAGE;
            }}
          />
        </div>
        {coachees.value.value.length > 1 && (
          <div class="field">
            <label for="history-coachee">{t('historyCoacheeFilter')}</label>
            <select
              id="history-coachee"
              value={coacheeId.value}
              onChange={(e) => {
                coacheeId.value = (e.currentTarget as HTMLSelectElement).value;
                shown.value = PAGE;
              }}
            >
              <option value="">{t('historyAllCoachees')}</option>
              {coachees.value.value.map((c) => (
                <option key={c.id} value={c.id}>
                  {coacheeLabel(c.name)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <p role="status" class="small muted" aria-busy={asking.value}>
        {ready ? tn('historyCount', total, matched, total) : t('historyIndexing')}
      </p>
      {ready && rows.length === 0 && !asking.value && !preparing ? (
        <p>{t('historyEmpty')}</p>
      ) : (
        <ul class="history">
          {rows.slice(0, shown.value).map((e) => (
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
      {matched > shown.value && (
        <button type="button" onClick={() => (shown.value += PAGE)}>
          {t('historyShowMore', Math.min(PAGE, matched - shown.value))}
        </button>
      )}
    </section>
  );
}

/** The matching words in context, marked (text nodes only). */
function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <span class="small snippet">{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</span>;
}
