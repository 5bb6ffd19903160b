import { useComputed, useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { callStateStore } from '../../utils/platform/storage';
import type { Clock } from '../hooks/useClock';
import { useStored } from '../hooks/useStored';

/**
 * When a call starts and the clock has not, offer to start it: from the call's
 * actual start (the hour began then) or from now. Detection can
 * fail; then this simply never shows, and the clock works by hand.
 */
export function CallOffer({ clock }: { clock: Clock }) {
  const call = useStored(callStateStore);
  const dismissedFor = useSignal<number | null>(null);
  const idle = useComputed(() => clock.view.value.status === 'idle');
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit' }), []);
  const state = call.value.value;
  if (!state?.inCall || state.startedAt === null || !idle.value || dismissedFor.value === state.startedAt) return null;
  const startedAt = state.startedAt;
  const time = timeFormat.format(startedAt);
  const start = (at: number) => clock.log.set([...clock.log.value.peek(), { type: 'start', at }]);
  return (
    <section class="offer" aria-label={t('callOfferStart')}>
      <p>{t('callOfferText', time)}</p>
      <div class="controls">
        <button type="button" class="primary" onClick={() => start(startedAt)}>
          {t('callOfferFromCall', time)}
        </button>
        <button type="button" onClick={() => start(Date.now())}>
          {t('callOfferStart')}
        </button>
        <button type="button" onClick={() => (dismissedFor.value = startedAt)}>
          {t('callOfferDismiss')}
        </button>
      </div>
    </section>
  );
}
