import { useComputed } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { t, uiLanguage } from '../../utils/platform/i18n';
import type { Clock } from '../hooks/useClock';

/** How long after a call ended the panel still says so when the clock is not running. */
const ENDED_SHOWN_MS = 2 * 60 * 60 * 1000;

/**
 * What the panel saw of the call, in one line and without a pop-up: "Call
 * started 10:02", "Reconnecting…" while the call page is gone, "Call ended
 * 10:58". When the call ended and the clock still runs, it says so and offers
 * to pause the clock or go to the wrap-up, so a coach whose coachee dropped
 * off is not left with a clock running into the evening.
 */
export function CallStatus({ clock }: { clock: Clock }) {
  const call = clock.call.value;
  const status = useComputed(() => clock.view.value.status);
  const clockStartedAt = useComputed(() => clock.view.value.startedAt);
  const atWrapUp = useComputed(() => clock.view.value.phaseIndex >= clock.agenda.value.length - 1);
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' }), []);
  if (!call || call.startedAt === null) return null;
  const goToWrapUp = () => {
    const view = clock.view.peek();
    for (let i = view.phaseIndex; i < view.phases.length - 1; i++) clock.add({ type: 'next', at: Date.now() });
    // The wrap-up section opens with its phase; bring it into view once it has.
    setTimeout(() => document.getElementById('wrap-heading')?.scrollIntoView({ block: 'start' }), 100);
  };

  let text: string;
  let stillRunning = false;
  if (call.inCall) {
    text = call.unsureSince == null ? t('callStatusStarted', timeFormat.format(call.startedAt)) : t('callStatusReconnecting');
  } else {
    const endedAt = call.endedAt;
    // A clock started by hand after the call ended belongs to another session.
    stillRunning = endedAt !== null && status.value === 'running' && (clockStartedAt.value ?? 0) <= endedAt;
    if (endedAt === null || (!stillRunning && Date.now() - endedAt > ENDED_SHOWN_MS)) return null;
    text = t(stillRunning ? 'callStatusEndedRunning' : 'callStatusEnded', timeFormat.format(endedAt));
  }
  return (
    <div class={stillRunning ? 'call-status ended' : 'call-status'}>
      <p role="status">{text}</p>
      {stillRunning && (
        <div class="controls">
          <button type="button" class="primary" onClick={() => clock.add({ type: 'pause', at: Date.now() })}>
            {t('callStatusPause')}
          </button>
          {!atWrapUp.value && (
            <button type="button" onClick={goToWrapUp}>
              {t('callStatusWrapUp')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
