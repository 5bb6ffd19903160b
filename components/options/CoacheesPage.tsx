import { type ReadonlySignal, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { type IndexEntry, newestFirst, type SessionIndex, sessionTime } from '../../utils/domain/history/session-index';
import type { Coachee, Review } from '../../utils/domain/model';
import {
  coacheeGlance,
  heldBackAnswers,
  homeworkByWeek,
  phasesPerSession,
  planDonePerSession,
  sessionsPerMonth,
  weeksSinceFirstSession,
} from '../../utils/domain/progress';
import { onlyNoTime } from '../../utils/domain/review';
import { SELF_COACHEE_ID } from '../../utils/domain/session-list';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';
import { readPart } from '../../utils/platform/session-repo';
import { AskPrework } from '../shared/AskPrework';
import { BarChart } from './Chart';

interface Props {
  index: ReadonlySignal<SessionIndex>;
  coachees: ReadonlySignal<Coachee[]>;
  /** The coachee whose page is open (`#coachee=<id>`), or null for the list. */
  coacheeId: string | null;
}

type SortKey = 'name' | 'plan' | 'homework' | 'last' | 'next';
const SORT_KEYS: SortKey[] = ['name', 'plan', 'homework', 'last', 'next'];
const SORT_LABELS: Record<SortKey, Parameters<typeof t>[0]> = {
  name: 'coacheesColName',
  plan: 'coacheesColPlan',
  homework: 'coacheesColHomework',
  last: 'coacheesColLast',
  next: 'coacheesColNext',
};

/**
 * Everyone coached in one sortable table (read from the index, not from every
 * note): the current plan done of total, last week's homework minutes against
 * the budget, the last and the next session; each name opens their page.
 */
export function CoacheesPage({ index, coachees, coacheeId }: Props) {
  const sort = useSignal<{ key: SortKey; ascending: boolean }>({ key: 'name', ascending: true });
  const open = coachees.value.find((c) => c.id === coacheeId);
  if (open) return <CoacheeProgress index={index} coachee={open} />;
  // The person's own progress is not one of their coachees: it has a page of its own ("My progress").
  if (coacheeId === SELF_COACHEE_ID) return <CoacheeProgress index={index} coachee={{ id: SELF_COACHEE_ID, name: '', createdAt: 0 }} />;
  const now = Date.now();
  const day = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });
  const byCoachee = new Map<string, IndexEntry[]>();
  for (const e of Object.values(index.value.entries)) byCoachee.set(e.coacheeId, [...(byCoachee.get(e.coacheeId) ?? []), e]);
  const collator = new Intl.Collator(uiLanguage());
  const rows = coachees.value
    .filter((c) => c.id !== SELF_COACHEE_ID)
    .map((c) => ({
      coachee: c,
      name: coacheeLabel(c.name),
      glance: coacheeGlance(byCoachee.get(c.id) ?? [], now),
    }));
  type Row = (typeof rows)[number];
  // Missing figures sort last either way.
  const figure = (r: Row): number | null =>
    sort.value.key === 'plan'
      ? r.glance.plan && r.glance.plan.done / r.glance.plan.total
      : sort.value.key === 'homework'
        ? r.glance.lastWeek.minutes
        : sort.value.key === 'last'
          ? r.glance.lastAt
          : r.glance.nextAt;
  const { key, ascending } = sort.value;
  const sign = ascending ? 1 : -1;
  rows.sort((a, b) => {
    if (key === 'name') return sign * collator.compare(a.name, b.name);
    const x = figure(a);
    const y = figure(b);
    if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
    return sign * (x - y) || collator.compare(a.name, b.name);
  });
  return (
    <section aria-labelledby="coachees-heading">
      <h2 id="coachees-heading">{t('coacheesHeading')}</h2>
      <p class="muted">{t('coacheesIntro')}</p>
      {/* On a narrow page the columns scroll sideways: said in words, shown by shadows at the edges, and the box takes the keyboard. */}
      <p class="scroll-hint muted">{t('coacheesScrollHint')}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard to scroll it (axe: scrollable-region-focusable). */}
      <div class="table-scroll" tabIndex={0}>
        <table class="figures coachees-table" aria-labelledby="coachees-heading">
          <thead>
            <tr>
              {SORT_KEYS.map((k) => (
                <th scope="col" key={k} aria-sort={k === key ? (ascending ? 'ascending' : 'descending') : undefined}>
                  <button
                    type="button"
                    class="sort"
                    onClick={() => (sort.value = { key: k, ascending: k === key ? !ascending : k === 'name' || k === 'next' })}
                  >
                    {t(SORT_LABELS[k])}
                    <span aria-hidden="true" class="sort-mark">
                      {k === key ? (ascending ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ coachee: c, name, glance: g }) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={`#coachee=${encodeURIComponent(c.id)}`}>{name}</a>
                  <span class="small muted"> · {tn('coacheeSessionsCount', g.sessions)}</span>
                </th>
                <td>{g.plan ? tn('coacheesPlanDone', g.plan.total, g.plan.done, g.plan.total) : '–'}</td>
                <td class={g.lastWeek.minutes > g.lastWeek.budget ? 'over' : undefined}>
                  {t('coacheesHomework', g.lastWeek.minutes, g.lastWeek.budget)}
                </td>
                <td>{g.lastAt === null ? '–' : day.format(g.lastAt)}</td>
                <td>{g.nextAt === null ? '–' : day.format(g.nextAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One coachee's months: their sessions, the current plan, four charts with their figures, and what held them back. */
function CoacheeProgress({ index, coachee }: { index: ReadonlySignal<SessionIndex>; coachee: Coachee }) {
  // The person's own page speaks to them: "My progress", and no asking themselves for the pre-work.
  const own = coachee.id === SELF_COACHEE_ID;
  const name = coacheeLabel(coachee.name);
  const entries = newestFirst(index.value, coachee.id);
  const day = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }), []);
  const reviews = useSignal<{ at: number; review: NonNullable<Review> }[]>([]);
  const reviewedIds = entries.filter((e) => e.review !== null).map((e) => e.id);
  const reviewKey = reviewedIds.join(',');
  useEffect(() => {
    // Only the reviews of this coachee's sessions are read, and only now.
    void readPart('review', reviewedIds).then((found) => {
      reviews.value = entries
        .filter((e) => found.get(e.id))
        .map((e) => ({ at: sessionTime(e), review: found.get(e.id) as NonNullable<Review> }));
    });
  }, [reviewKey]);
  const current = entries.find((e) => e.plan.total > 0);
  return (
    <section aria-labelledby="coachee-heading" class="progress">
      {!own && (
        <a href="#coachees" class="link">
          {t('coacheeBack')}
        </a>
      )}
      <h2 id="coachee-heading">{own ? t('myProgressHeading') : t('coacheePageHeading', name)}</h2>
      {current && <p>{tn('coacheeCurrentPlan', current.plan.total, current.plan.done, current.plan.total)}</p>}
      {!own && (
        <section class="card" aria-labelledby="coachee-ask-heading">
          <h3 id="coachee-ask-heading">{t('mailAskHeading')}</h3>
          <AskPrework coacheeId={coachee.id} idPrefix="coachee-ask" />
        </section>
      )}
      <ProgressCharts entries={entries} day={day} />
      <HeldBack reviews={reviews.value} day={day} />
      <h3>{t('coacheeSessionsHeading')}</h3>
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">{t('chartSession')}</th>
            <th scope="col">{t('summaryTopic')}</th>
            <th scope="col">{t('chartTaken')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.slice(0, 100).map((e) => (
            <tr key={e.id}>
              <td>{day.format(sessionTime(e))}</td>
              <td class="prewrap">{e.title || t('historyNoTopic')}</td>
              <td>{e.startedAt === null ? t('historyNotStarted') : t('historyLength', Math.round(e.lengthMs / 60_000))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Four charts of a coachee's sessions (newest first in `entries`), each with its figures as a table. */
function ProgressCharts({ entries, day }: { entries: IndexEntry[]; day: Intl.DateTimeFormat }) {
  const now = Date.now();
  const weeks = homeworkByWeek(entries, now, weeksSinceFirstSession(entries, now));
  const plans = planDonePerSession(entries);
  const phases = phasesPerSession(entries);
  const months = sessionsPerMonth(entries);
  const short = new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' });
  const monthShort = new Intl.DateTimeFormat(uiLanguage(), { month: 'short' });
  const monthLong = new Intl.DateTimeFormat(uiLanguage(), { month: 'long', year: 'numeric' });
  const weekStart = (week: string) => new Date(`${week}T12:00`).getTime();
  const monthStart = (month: string) => new Date(`${month}-01T12:00`).getTime();
  const min = (v: number) => t('chartMinutesValue', v);
  const budget = weeks[0]?.budget ?? 0;
  return (
    <div class="charts">
      <BarChart
        id="chart-homework"
        title={t('chartHomework')}
        rowHeader={t('chartWeek')}
        unit={t('chartUnitMinutes')}
        labels={weeks.map((w) => short.format(weekStart(w.week)))}
        names={weeks.map((w) => t('chartWeekOf', day.format(weekStart(w.week))))}
        series={[
          { name: t('chartMinutes'), values: weeks.map((w) => w.minutes), style: 'solid', format: min },
          {
            name: t('chartBudget'),
            values: weeks.map((w) => w.budget),
            style: 'line',
            format: min,
            legend: t('chartBudgetLegend', budget),
          },
        ]}
      />
      <BarChart
        id="chart-plan"
        title={t('chartPlan')}
        rowHeader={t('chartSession')}
        unit={t('chartUnitSteps')}
        labels={plans.map((p) => short.format(p.at))}
        names={plans.map((p) => day.format(p.at))}
        series={[
          { name: t('chartDone'), values: plans.map((p) => p.done), style: 'solid', format: (v) => tn('chartSteps', v) },
          { name: t('chartNotDone'), values: plans.map((p) => p.notDone), style: 'outline', format: (v) => tn('chartSteps', v) },
        ]}
      />
      <BarChart
        id="chart-phases"
        title={t('chartPhases')}
        rowHeader={t('chartSession')}
        unit={t('chartUnitMinutes')}
        labels={phases.map((p) => short.format(p.at))}
        names={phases.map((p) => day.format(p.at))}
        notes={phases.map((p) => (p.mostOver ? `${t('chartMostOver')}: ${p.mostOver}` : null))}
        series={[
          { name: t('chartPlanned'), values: phases.map((p) => p.planned), style: 'outline', format: min },
          { name: t('chartTaken'), values: phases.map((p) => p.taken), style: 'solid', format: min },
        ]}
      />
      <BarChart
        id="chart-months"
        title={t('chartMonths')}
        rowHeader={t('chartMonth')}
        unit={t('chartUnitSessions')}
        labels={months.map((m) => monthShort.format(monthStart(m.month)))}
        names={months.map((m) => monthLong.format(monthStart(m.month)))}
        series={[
          { name: t('chartCount'), values: months.map((m) => m.held), style: 'solid', format: (v) => tn('chartSessions', v) },
          // Sessions not held yet stand apart (hatched), and only when there is one.
          ...(months.some((m) => m.upcoming > 0)
            ? [
                {
                  name: t('chartUpcoming'),
                  values: months.map((m) => m.upcoming),
                  style: 'outline' as const,
                  format: (v: number) => tn('chartSessions', v),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

/** What held the coachee back, in their words (from cards and mails alike) and the coach's notes, with the day of each. */
function HeldBack({ reviews, day }: { reviews: { at: number; review: NonNullable<Review> }[]; day: Intl.DateTimeFormat }) {
  const answers = heldBackAnswers(reviews);
  return (
    <>
      <h3>{t('heldBackHeading')}</h3>
      {answers.length === 0 ? (
        <p class="muted">{t('heldBackNone')}</p>
      ) : (
        <ul class="held-back">
          {answers.map((a) => (
            <li key={`${a.at}-${a.stepId}-${a.by}`}>
              <span class="small muted">
                {day.format(a.at)} · {t(a.by === 'coachee' ? 'heldBackTheirWords' : 'heldBackYourNote')}
              </span>{' '}
              <span class="prewrap">{a.text}</span>
              {onlyNoTime(a.text) && <span class="pill">{t('heldBackNoTime')}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
