import { useSignal } from '@preact/signals';
import { loggedThisWeek, logMinutes, WEEKLY_BUDGET_MINUTES } from '../../utils/domain/homework';
import { CHECK_IN_NOTE_MAX, MINUTES_PER_WEEK_MAX } from '../../utils/domain/model';
import { t } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';
import { partStore, settingsStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { BudgetMeter } from '../shared/BudgetMeter';
import { LimitedText } from '../shared/LimitedText';
import { PlanChecklist } from '../shared/PlanChecklist';

/** Between sessions, in the popup: tick plan steps, log minutes on the homework, see the week against the budget. */
export function PopupPlan({ sessionId }: { sessionId: string }) {
  const plan = useStored(partStore('plan', sessionId), { debounceMs: 200 });
  const homework = useStored(partStore('homework', sessionId), { debounceMs: 200 });
  const settings = useStored(settingsStore);
  const wrapUp = useStored(partStore('wrapUp', sessionId), { debounceMs: 400 });
  const minutes = useSignal<Record<string, string>>({});
  const now = Date.now();
  const week = loggedThisWeek(homework.value.value, now);

  return (
    <section class="card" aria-labelledby="popup-plan-heading">
      <h2 id="popup-plan-heading">{t('popupPlanHeading')}</h2>
      <PlanChecklist plan={plan} />
      {homework.value.value.map((a) => {
        const id = `log-${a.id}`;
        return (
          <form
            key={a.id}
            class="field"
            onSubmit={(e) => {
              e.preventDefault();
              const value = Number(minutes.value[a.id] ?? '');
              if (!Number.isFinite(value) || value === 0) return;
              homework.set(homework.value.peek().map((x) => (x.id === a.id ? logMinutes(x, value, Date.now()) : x)));
              minutes.value = { ...minutes.value, [a.id]: '' };
            }}
          >
            <label for={id}>{t('popupLogLabel', a.title)}</label>
            <div class="row">
              <input
                id={id}
                type="number"
                min={-MINUTES_PER_WEEK_MAX}
                max={MINUTES_PER_WEEK_MAX}
                step={5}
                value={minutes.value[a.id] ?? ''}
                onInput={(e) => (minutes.value = { ...minutes.value, [a.id]: (e.currentTarget as HTMLInputElement).value })}
              />
              <button type="submit">{t('popupLogAdd')}</button>
            </div>
          </form>
        );
      })}
      {homework.value.value.length > 0 && (
        <BudgetMeter total={week} text={tn('popupWeekTotal', WEEKLY_BUDGET_MINUTES, week, WEEKLY_BUDGET_MINUTES)} />
      )}
      {settings.value.value.checkIn && (
        <LimitedText
          id="check-in-note"
          label={t('checkInLabel')}
          value={wrapUp.value.value.checkInNote}
          max={CHECK_IN_NOTE_MAX}
          onChange={(checkInNote) => wrapUp.set({ ...wrapUp.value.peek(), checkInNote })}
        />
      )}
    </section>
  );
}
