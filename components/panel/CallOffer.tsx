import { useComputed, useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { t, uiLanguage } from '../../utils/platform/i18n';
import type { Clock } from './useClock';

/**
 * When a call starts and the clock has not, offer to start it: from the call's
 * actual start (the hour began then) or from now. (What the panel says when
 * the call ends, with the offer to end the session then, is CallStatus.)
 * Detection can fail; then this simply never shows, and the clock works by hand.
 */
export function CallOffer({ clock }: { clock: Clock }) {
  const dismissedFor = useSignal<number | null>(null);
  const status = useComputed(() => clock.view.value.status);
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit' }), []);
  const state = clock.call.value;
  if (!state) return null;
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
