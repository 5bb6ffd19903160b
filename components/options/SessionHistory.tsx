import { useComputed, useSignal, useSignalEffect } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { hasAll, queryWords } from '../../utils/domain/history';
import type { Coachee } from '../../utils/domain/model';
import { newestFirst, type SessionIndex, sessionTime } from '../../utils/domain/session-index';
import type { SnippetPart } from '../../utils/domain/snippet';
import { fold } from '../../utils/domain/text';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';
import { searchSessions } from '../../utils/platform/session-index';
import { coacheesStore } from '../../utils/platform/storage';
import { lazyModule, useLazy } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';

/** One past session read whole: its code (the session's document, the editors) loads when a session is opened. */
const sessionDetail = lazyModule(() => import('./SessionDetail').then((m) => m.SessionDetail));

const PAGE = 50;

/**
 * Every session, newest first, a page at a time, for everyone or one coachee;
 * searchable as you type: titles and names answer at once from the index, the
 * topics and notes are searched in batches behind it and their matches join the
 * list as they are found. Each session opens to read and edit.
 */
export function SessionHistory({ index, ready }: { index: { value: SessionIndex }; ready: boolean }) {
  const coachees = useStored(coacheesStore);
  const query = useSignal('');
  const coacheeId = useSignal('');
  const shown = useSignal(PAGE);
  const openId = useSignal<string | null>(null);
  /** Sessions whose topic or notes matched the current query (filled in batches). */
  const textMatches = useSignal<ReadonlyMap<string, SnippetPart[]>>(new Map());
  const searched = useSignal(0);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }), []);

  const names = useComputed(() => new Map(coachees.value.value.map((c: Coachee) => [c.id, coacheeLabel(c.name)])));
  const all = useComputed(() => newestFirst(index.value, coacheeId.value || null));
  const words = useComputed(() => queryWords(query.value));
  // Each entry's title and coachee name, folded once per index change rather than on every keystroke.
  const quick = useComputed(() => all.value.map((e) => fold(`${e.title}\n${names.value.get(e.coacheeId) ?? ''}`)));
  // At once: the title and the coachee's name; the topic's other fields and the notes follow from storage.
  const results = useComputed(() => {
    const w = words.value;
    if (w.length === 0) return all.value;
    const more = textMatches.value;
    const folded = quick.value;
    return all.value.filter((e, i) => more.has(e.id) || hasAll(folded[i] ?? '', w));
  });

  useSignalEffect(() => {
    const w = words.value;
    const ids = all.value.map((e) => e.id);
    const nameMap = names.peek();
    textMatches.value = new Map();
    searched.value = 0;
    if (w.length === 0) return;
    let stop = false;
    const found = new Map<string, SnippetPart[]>();
    void searchSessions(
      ids,
      w,
      (id) => nameMap.get(index.value.entries[id]?.coacheeId ?? '') ?? '',
      (matched, done) => {
        if (matched.length > 0) {
          for (const m of matched) found.set(m.id, m.snippet);
          textMatches.value = new Map(found);
        }
        searched.value = done;
      },
      () => stop,
    );
    return () => {
      stop = true;
    };
  });

  const open = openId.value ? index.value.entries[openId.value] : undefined;
  const SessionDetail = useLazy(sessionDetail, open !== undefined);
  if (open)
    return (
      SessionDetail && (
        <SessionDetail
          entry={open}
          name={names.value.get(open.coacheeId) ?? ''}
          date={dateFormat.format(sessionTime(open))}
          onBack={() => (openId.value = null)}
        />
      )
    );

  const total = all.value.length;
  const list = results.value;
  const searching = words.value.length > 0 && searched.value < total;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
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
      <p role="status" class="small muted">
        {ready ? tn('historyCount', total, list.length, total) : t('historyIndexing')}
        {searching && ` · ${tn('historySearchingNotes', total, searched.value, total)}`}
      </p>
      {ready && list.length === 0 && !searching ? (
        <p>{t('historyEmpty')}</p>
      ) : (
        <ul class="history">
          {list.slice(0, shown.value).map((e) => (
            <li key={e.id}>
              <button type="button" class="history-item" onClick={() => (openId.value = e.id)}>
                <span class="topic-title">{e.title || t('historyNoTopic')}</span>
                <span class="small muted">
                  {dateFormat.format(sessionTime(e))} · {names.value.get(e.coacheeId) ?? ''} ·{' '}
                  {e.startedAt === null ? t('historyNotStarted') : t('historyLength', Math.round(e.lengthMs / 60_000))}
                </span>
                <Snippet parts={textMatches.value.get(e.id)} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.length > shown.value && (
        <button type="button" onClick={() => (shown.value += PAGE)}>
          {t('historyShowMore', Math.min(PAGE, list.length - shown.value))}
        </button>
      )}
    </section>
  );
}

/** The matching words in context under a result, the words marked (text nodes only, never HTML). */
function Snippet({ parts }: { parts: SnippetPart[] | undefined }) {
  if (!parts || parts.length === 0) return null;
  return <span class="small snippet">{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</span>;
}
