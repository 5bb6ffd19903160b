import { useComputed, useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { endEvent } from '../../utils/domain/session-life';
import { t, uiLanguage } from '../../utils/platform/i18n';
import type { Clock } from '../hooks/useClock';

/**
 * When a call starts and the clock has not, offer to start it: from the call's
 * actual start (the hour began then) or from now. When the call ends while the
 * clock runs or is paused, offer to end the session at the call's end.
 * Detection can fail; then this simply never shows, and the clock works by hand.
 */
export function CallOffer({ clock }: { clock: Clock }) {
  const dismissedFor = useSignal<number | null>(null);
  const status = useComputed(() => clock.view.value.status);
  const startedAt = useComputed(() => clock.view.value.startedAt);
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' }), []);
  const state = clock.call.value;
  if (!state) return null;
  const live = status.value === 'running' || status.value === 'paused';
  if (!state.inCall && state.endedAt !== null && live && startedAt.value !== null && state.endedAt > startedAt.value) {
    const endedAt = state.endedAt;
    if (dismissedFor.value === endedAt) return null;
    const time = timeFormat.format(endedAt);
    const end = () => {
      const event = endEvent(clock.view.peek(), endedAt, 'call');
      if (event) clock.add(event);
    };
    return (
      <section class="offer" aria-label={t('endSession')}>
        <p>{t('endCallOfferText', time)}</p>
        <div class="controls">
          <button type="button" class="primary" onClick={end}>
            {t('endAtCallEnd', time)}
          </button>
          <button type="button" onClick={() => (dismissedFor.value = endedAt)}>
            {t('callOfferDismiss')}
          </button>
        </div>
      </section>
    );
  }
  if (!state.inCall || state.startedAt === null || status.value !== 'idle' || dismissedFor.value === state.startedAt) return null;
  const callStart = state.startedAt;
  const time = timeFormat.format(callStart);
  const start = (at: number) => clock.add({ type: 'start', at });
  return (
    <section class="offer" aria-label={t('callOfferStart')}>
      <p>{t('callOfferText', time)}</p>
      <div class="controls">
        <button type="button" class="primary" onClick={() => start(callStart)}>
          {t('callOfferFromCall', time)}
        </button>
        <button type="button" onClick={() => start(Date.now())}>
          {t('callOfferStart')}
        </button>
        <button type="button" onClick={() => (dismissedFor.value = callStart)}>
          {t('callOfferDismiss')}
        </button>
      </div>
    </section>
  );
}
