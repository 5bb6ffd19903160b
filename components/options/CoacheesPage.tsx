import { type ReadonlySignal, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { Coachee, Review } from '../../utils/domain/model';
import { homeworkByWeek, phasesPerSession, planDonePerSession, sessionsPerMonth } from '../../utils/domain/progress';
import { onlyNoTime } from '../../utils/domain/review';
import { newestFirst, type SessionIndex, sessionTime } from '../../utils/domain/session-index';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { readPart } from '../../utils/platform/data-store';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { AskPrework } from '../shared/AskPrework';
import { BarChart } from './Chart';

interface Props {
  index: ReadonlySignal<SessionIndex>;
  coachees: ReadonlySignal<Coachee[]>;
  /** The coachee whose page is open (`#coachee=<id>`), or null for the list. */
  coacheeId: string | null;
}

/** Everyone coached, each opening to their page of progress (read from the index, not from every note). */
export function CoacheesPage({ index, coachees, coacheeId }: Props) {
  const open = coachees.value.find((c) => c.id === coacheeId);
  if (open) return <CoacheeProgress index={index} coachee={open} />;
  const counts = new Map<string, number>();
  for (const e of Object.values(index.value.entries)) counts.set(e.coacheeId, (counts.get(e.coacheeId) ?? 0) + 1);
  return (
    <section aria-labelledby="coachees-heading">
      <h2 id="coachees-heading">{t('coacheesHeading')}</h2>
      <p class="muted">{t('coacheesIntro')}</p>
      <ul class="history">
        {coachees.value.map((c) => (
          <li key={c.id}>
            <a class="history-item" href={`#coachee=${encodeURIComponent(c.id)}`}>
              <span class="topic-title">{coacheeLabel(c.name)}</span>
              <span class="small muted">{t('coacheeSessionsCount', counts.get(c.id) ?? 0)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One coachee's months: their sessions, the current plan, four charts with their figures, and what held them back. */
function CoacheeProgress({ index, coachee }: { index: ReadonlySignal<SessionIndex>; coachee: Coachee }) {
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

  const now = Date.now();
  const weeks = homeworkByWeek(entries, now);
  const plans = planDonePerSession(entries);
  const phases = phasesPerSession(entries);
  const months = sessionsPerMonth(entries);
  const current = entries.find((e) => e.plan.total > 0);
  return (
    <section aria-labelledby="coachee-heading" class="progress">
      <a href="#coachees" class="link">
        {t('coacheeBack')}
      </a>
      <h2 id="coachee-heading">{t('coacheePageHeading', name)}</h2>
      {current && <p>{t('coacheeCurrentPlan', current.plan.done, current.plan.total)}</p>}
      <section class="card" aria-labelledby="coachee-ask-heading">
        <h3 id="coachee-ask-heading">{t('mailAskHeading')}</h3>
        <AskPrework coacheeId={coachee.id} idPrefix="coachee-ask" />
      </section>
      <div class="charts">
        <BarChart
          id="chart-homework"
          title={t('chartHomework')}
          rowHeader={t('chartWeek')}
          labels={weeks.map((w) => w.week)}
          series={[
            { name: t('chartMinutes'), values: weeks.map((w) => w.minutes), style: 'solid' },
            { name: t('chartBudget'), values: weeks.map((w) => w.budget), style: 'line' },
          ]}
        />
        <BarChart
          id="chart-plan"
          title={t('chartPlan')}
          rowHeader={t('chartSession')}
          labels={plans.map((p) => day.format(p.at))}
          series={[
            { name: t('chartDone'), values: plans.map((p) => p.done), style: 'solid' },
            { name: t('chartNotDone'), values: plans.map((p) => p.notDone), style: 'outline' },
          ]}
        />
        <BarChart
          id="chart-phases"
          title={t('chartPhases')}
          rowHeader={t('chartSession')}
          labels={phases.map((p) => `${day.format(p.at)}${p.mostOver ? ` (${t('chartMostOver')}: ${p.mostOver})` : ''}`)}
          series={[
            {
              name: t('chartPlanned'),
              values: phases.map((p) => Math.round(p.phases.reduce((s, x) => s + x.planned, 0))),
              style: 'outline',
            },
            { name: t('chartTaken'), values: phases.map((p) => Math.round(p.phases.reduce((s, x) => s + x.actual, 0))), style: 'solid' },
          ]}
        />
        <BarChart
          id="chart-months"
          title={t('chartMonths')}
          rowHeader={t('chartMonth')}
          labels={months.map((m) => m.month)}
          series={[{ name: t('chartCount'), values: months.map((m) => m.count), style: 'solid' }]}
        />
      </div>
      <h3>{t('heldBackHeading')}</h3>
      {reviews.value.length === 0 ? (
        <p class="muted">{t('heldBackNone')}</p>
      ) : (
        <ul class="held-back">
          {reviews.value.flatMap(({ at, review }) =>
            review.items
              .filter((i) => i.heldBack.trim())
              .map((i) => (
                <li key={`${at}-${i.stepId}`}>
                  <span class="small muted">{day.format(at)}</span> <span class="prewrap">{i.heldBack}</span>
                  {onlyNoTime(i.heldBack) && <span class="pill">{t('heldBackNoTime')}</span>}
                </li>
              )),
          )}
        </ul>
      )}
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
