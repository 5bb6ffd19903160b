import { useComputed, useSignal } from '@preact/signals';
import { overBudget } from '../../utils/domain/homework';
import { TOPIC_TEXT_MAX } from '../../utils/domain/model';
import { dayOfInstant, instantOf, knownZone, type SessionDate } from '../../utils/domain/session-date';
import { endEvent } from '../../utils/domain/session-life';
import { localZone } from '../../utils/platform/dates';
import { t } from '../../utils/platform/i18n';
import { partStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { LimitedText } from '../shared/LimitedText';
import { PlanCardSend } from '../shared/PlanCardSend';
import type { Clock } from './useClock';

/** The wrap-up's short checklist: each item says in words whether it is done; then End the session. */
export function WrapUpChecklist({ sessionId, clock }: { sessionId: string; clock?: Clock }) {
  const plan = useStored(partStore('plan', sessionId));
  const homework = useStored(partStore('homework', sessionId));
  const wrapUp = useStored(partStore('wrapUp', sessionId), { debounceMs: 400 });
  const feedback = useComputed(() => wrapUp.value.value.feedback);
  const stored = wrapUp.value.value;
  // Older sessions kept only an instant (noon of the day picked): read it as the day.
  const next = stored.next ?? (stored.nextSessionAt === null ? null : dayOfInstant(stored.nextSessionAt, localZone()));
  const setNext = (value: SessionDate | null) =>
    wrapUp.set({ ...wrapUp.value.peek(), next: value, nextSessionAt: value ? instantOf(value, localZone()) : null });
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
      <NextSessionFields next={next} setNext={setNext} />
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

/** The time zones this browser knows, for the zone field's suggestions. */
function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [localZone()];
}

/** The next session's day, then its time, then its time zone (checked: an unknown zone is said, not kept). */
function NextSessionFields({ next, setNext }: { next: SessionDate | null; setNext: (value: SessionDate | null) => void }) {
  const zoneProblem = useSignal<string | null>(null);
  return (
    <>
      <div class="field">
        <label for="wrap-next">{t('wrapNextLabel')}</label>
        <input
          id="wrap-next"
          type="date"
          value={next?.day ?? ''}
          onChange={(e) => {
            const day = (e.currentTarget as HTMLInputElement).value;
            setNext(/^\d{4}-\d{2}-\d{2}$/.test(day) ? { day, time: next?.time ?? null, zone: next?.zone ?? null } : null);
          }}
        />
      </div>
      {next && (
        <div class="field">
          <label for="wrap-next-time">{t('wrapNextTime')}</label>
          <input
            id="wrap-next-time"
            type="time"
            value={next.time ?? ''}
            onChange={(e) => {
              const time = (e.currentTarget as HTMLInputElement).value;
              setNext({ ...next, time: /^\d{2}:\d{2}$/.test(time) ? time : null, zone: time ? (next.zone ?? localZone()) : null });
            }}
          />
        </div>
      )}
      {next?.time && (
        <div class="field">
          <label for="wrap-next-zone">{t('wrapNextZone')}</label>
          <input
            id="wrap-next-zone"
            type="text"
            list="wrap-zones"
            aria-describedby="wrap-next-zone-message"
            value={next.zone ?? localZone()}
            onChange={(e) => {
              const zone = (e.currentTarget as HTMLInputElement).value.trim();
              if (knownZone(zone)) {
                zoneProblem.value = null;
                setNext({ ...next, zone });
              } else zoneProblem.value = t('wrapNextZoneUnknown', zone);
            }}
          />
          <datalist id="wrap-zones">
            {zones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p id="wrap-next-zone-message" class="small problem" role="alert">
            {zoneProblem.value}
          </p>
        </div>
      )}
    </>
  );
}
