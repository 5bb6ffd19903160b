import { type Signal, useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { itemThisWeek, loggedThisWeek, logMinutes, setWeekMinutes, WEEKLY_BUDGET_MINUTES } from '../../utils/domain/homework';
import { type Assignment, CHECK_IN_NOTE_MAX, MINUTES_PER_WEEK_MAX, type PlanStep } from '../../utils/domain/model';
import { withMark } from '../../utils/domain/plan-progress';
import { dayOfInstant } from '../../utils/domain/session-date';
import { formatDay, formatSessionDate, localZone } from '../../utils/platform/dates';
import { t } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';
import { partStore, settingsStore } from '../../utils/platform/storage';
import type { StoredSignal } from '../../utils/platform/stored-signal';
import { useStored } from '../hooks/useStored';
import { BudgetMeter } from '../shared/BudgetMeter';
import { LimitedText } from '../shared/LimitedText';
import { PopupReview } from './PopupReview';

/**
 * Between sessions, in the popup: the month's plan from the coach (the next
 * date and their feedback), each step marked done, partly or not yet, time
 * spent on the homework added and corrected, the week against the budget, and
 * *Write the pre-work for <next date>*, which starts the next month as a
 * session of its own. Once it is started, the questions on the last plan
 * (what held you back) follow, answered in that new session.
 */
export function PopupPlan({ sessionId, activeId }: { sessionId: string; activeId: string }) {
  const plan = useStored(partStore('plan', sessionId), { debounceMs: 200 });
  const homework = useStored(partStore('homework', sessionId), { debounceMs: 200 });
  const settings = useStored(settingsStore);
  const wrapUp = useStored(partStore('wrapUp', sessionId), { debounceMs: 400 });
  const topic = useStored(partStore('topic', sessionId));
  const now = Date.now();
  const week = loggedThisWeek(homework.value.value, now);
  const w = wrapUp.value.value;
  const next = w.next ?? (w.nextSessionAt === null ? null : dayOfInstant(w.nextSessionAt, localZone()));
  const underWay = activeId === sessionId;

  return (
    <>
      <section class="card" aria-labelledby="popup-plan-heading">
        <h2 id="popup-plan-heading">{t('popupPlanHeading')}</h2>
        {underWay && topic.value.value.title && <p class="small muted prewrap">{t('popupMonthTopic', topic.value.value.title)}</p>}
        {next && <p class="next-date">{t('popupNextDate', formatSessionDate(next))}</p>}
        {w.feedback.trim() && (
          <div class="coach-feedback">
            <h3 class="small">{t('popupFeedbackHeading')}</h3>
            <p class="prewrap">{w.feedback}</p>
          </div>
        )}
        <PopupSteps plan={plan} />
        {homework.value.value.map((a) => (
          <HomeworkLog key={a.id} assignment={a} homework={homework} />
        ))}
        {homework.value.value.length > 0 && (
          <BudgetMeter total={week} text={tn('popupWeekTotal', WEEKLY_BUDGET_MINUTES, week, WEEKLY_BUDGET_MINUTES)} />
        )}
        {settings.value.value.checkIn && (
          <LimitedText
            id="check-in-note"
            label={t('checkInLabel')}
            value={w.checkInNote}
            max={CHECK_IN_NOTE_MAX}
            onChange={(checkInNote) => wrapUp.set({ ...wrapUp.value.peek(), checkInNote })}
          />
        )}
        {underWay && (
          <button
            type="button"
            class="primary"
            onClick={() => void import('../../utils/platform/session-start').then((m) => m.startNextSession(sessionId))}
          >
            {next ? t('popupWriteNext', formatDay(next.day)) : t('popupWriteNextNoDate')}
          </button>
        )}
      </section>
      {!underWay && <PopupReview sessionId={activeId} planSessionId={sessionId} />}
    </>
  );
}

/** The month's steps: ticked when done, or marked "partly". */
function PopupSteps({ plan }: { plan: StoredSignal<PlanStep[]> }) {
  const mark = (id: string, to: 'done' | 'partly' | 'not') => plan.set(plan.value.peek().map((s) => (s.id === id ? withMark(s, to) : s)));
  return (
    <ul class="steps">
      {plan.value.value.map((step) => (
        <li key={step.id}>
          <label class="check">
            <input
              type="checkbox"
              checked={step.done}
              onChange={(e) => mark(step.id, (e.currentTarget as HTMLInputElement).checked ? 'done' : 'not')}
            />
            <span class="prewrap">{step.text}</span>
          </label>
          {!step.done && (
            <label class="check inline small">
              <input
                type="checkbox"
                checked={step.partly === true}
                aria-label={t('popupPartlyLabel', step.text)}
                onChange={(e) => mark(step.id, (e.currentTarget as HTMLInputElement).checked ? 'partly' : 'not')}
              />
              {t('reviewPartly')}
            </label>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One exercise or reading: add time spent, see this week's minutes, correct them. */
function HomeworkLog({ assignment: a, homework }: { assignment: Assignment; homework: StoredSignal<Assignment[]> }) {
  const adding = useSignal('');
  const correcting = useSignal<string | null>(null);
  const message = useSignal('');
  const id = `log-${a.id}`;
  const thisWeek = itemThisWeek(a, Date.now());
  const update = (change: (x: Assignment) => Assignment) => homework.set(homework.value.peek().map((x) => (x.id === a.id ? change(x) : x)));
  return (
    <div class="homework-log">
      <MinutesForm
        id={id}
        label={t('popupLogLabel', a.title)}
        value={adding}
        min={1}
        max={MINUTES_PER_WEEK_MAX}
        accepts={(value) => value > 0}
        submit={t('popupLogAdd')}
        onMinutes={(value) => {
          const at = Date.now();
          update((x) => logMinutes(x, value, at));
          adding.value = '';
          message.value = t('popupLogAdded', Math.round(value), a.title);
        }}
      />
      <p class="small muted">
        {t('popupItemWeek', thisWeek)}{' '}
        {correcting.value === null && (
          <button
            type="button"
            class="link small"
            aria-label={t('popupCorrectFor', a.title)}
            onClick={() => (correcting.value = String(thisWeek))}
          >
            {t('popupCorrect')}
          </button>
        )}
      </p>
      {correcting.value !== null && (
        <MinutesForm
          id={`${id}-fix`}
          label={t('popupCorrectLabel', a.title)}
          value={correcting as Signal<string>}
          min={0}
          max={10_080}
          accepts={(value) => value >= 0}
          submit={t('popupCorrectSave')}
          onMinutes={(value) => {
            const at = Date.now();
            update((x) => setWeekMinutes(x, value, at));
            correcting.value = null;
            message.value = t('popupCorrected', Math.round(value), a.title);
          }}
        >
          <button type="button" onClick={() => (correcting.value = null)}>
            {t('cardCancel')}
          </button>
        </MinutesForm>
      )}
      <p role="status" class="small">
        {message.value}
      </p>
    </div>
  );
}

/** A labelled number of minutes and its button (and `children` beside it); `onMinutes` gets a number `accepts` takes. */
function MinutesForm({
  id,
  label,
  value,
  min,
  max,
  accepts,
  submit,
  onMinutes,
  children,
}: {
  id: string;
  label: string;
  value: Signal<string>;
  min: number;
  max: number;
  accepts: (value: number) => boolean;
  submit: string;
  onMinutes: (value: number) => void;
  children?: ComponentChildren;
}) {
  return (
    <form
      class="field"
      onSubmit={(e) => {
        e.preventDefault();
        const minutes = Number(value.value);
        if (Number.isFinite(minutes) && accepts(minutes)) onMinutes(minutes);
      }}
    >
      <label for={id}>{label}</label>
      <div class="row">
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          step={1}
          value={value.value}
          onInput={(e) => (value.value = (e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{submit}</button>
        {children}
      </div>
    </form>
  );
}
