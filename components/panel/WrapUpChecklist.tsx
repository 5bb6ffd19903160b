import { useComputed } from '@preact/signals';
import { overBudget } from '../../utils/domain/homework';
import { TOPIC_TEXT_MAX } from '../../utils/domain/model';
import { endEvent } from '../../utils/domain/session-life';
import { isoDate } from '../../utils/domain/text';
import { t } from '../../utils/platform/i18n';
import { partStore } from '../../utils/platform/storage';
import type { Clock } from '../hooks/useClock';
import { useStored } from '../hooks/useStored';
import { LimitedText } from '../shared/LimitedText';
import { PlanCardSend } from './PlanCardSend';

/** The wrap-up's short checklist: each item says in words whether it is done; then End the session. */
export function WrapUpChecklist({ sessionId, clock }: { sessionId: string; clock?: Clock }) {
  const plan = useStored(partStore('plan', sessionId));
  const homework = useStored(partStore('homework', sessionId));
  const wrapUp = useStored(partStore('wrapUp', sessionId), { debounceMs: 400 });
  const feedback = useComputed(() => wrapUp.value.value.feedback);
  const next = wrapUp.value.value.nextSessionAt;
  const live = useComputed(() => {
    const s = clock?.view.value.status;
    return s === 'running' || s === 'paused';
  });
  const items: [string, boolean][] = [
    [t('wrapPlan'), plan.value.value.length > 0],
    [t('wrapBudget'), !overBudget(homework.value.value)],
    [t('wrapFeedback'), wrapUp.value.value.feedback.trim() !== ''],
  ];
  return (
    <section class="card" aria-labelledby="wrap-heading">
      <ul class="checklist">
        {items.map(([label, done]) => (
          <li key={label} class={done ? 'done' : undefined}>
            <span aria-hidden="true">{done ? '✓' : '○'}</span> {label}{' '}
            <span class="sr-only">({done ? t('wrapDoneMark') : t('wrapTodoMark')})</span>
          </li>
        ))}
      </ul>
      <LimitedText
        id="wrap-feedback"
        label={t('wrapFeedbackLabel')}
        value={feedback}
        max={TOPIC_TEXT_MAX}
        multiline
        onChange={(text) => wrapUp.set({ ...wrapUp.value.peek(), feedback: text })}
      />
      <div class="field">
        <label for="wrap-next">{t('wrapNextLabel')}</label>
        <input
          id="wrap-next"
          type="date"
          value={next === null ? '' : isoDate(next)}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            wrapUp.set({ ...wrapUp.value.peek(), nextSessionAt: value ? new Date(`${value}T12:00`).getTime() : null });
          }}
        />
      </div>
      <PlanCardSend sessionId={sessionId} idPrefix="wrap" />
      {clock && live.value && (
        <div class="end-session">
          <p class="small muted" id="end-session-help">
            {t('endSessionHelp')}
          </p>
          <button
            type="button"
            class="primary"
            aria-describedby="end-session-help"
            onClick={() => {
              const event = endEvent(clock.view.peek(), Date.now());
              if (event) clock.add(event);
            }}
          >
            {t('endSession')}
          </button>
        </div>
      )}
    </section>
  );
}
