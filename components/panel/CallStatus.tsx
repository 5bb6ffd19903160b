import { useComputed } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { endEvent } from '../../utils/domain/session-life';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { callStateStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import type { Clock } from './useClock';

/** How long after a call ended the panel still says so when the clock is not running. */
const ENDED_SHOWN_MS = 2 * 60 * 60 * 1000;

/**
 * What the panel saw of the call, in one line and without a pop-up: "Call
 * started 10:02", "Reconnecting…" while the call page is gone, "Call ended
 * 10:58". When the call ended after the clock started and the session is
 * not ended, it offers to end the session at the call's end (recorded as the
 * call's), and while the clock still runs, to pause it or go to the wrap-up,
 * so a coach whose coachee dropped off is not left with a clock running into
 * the evening.
 */
export function CallStatus({ clock }: { clock: Clock }) {
  const call = useStored(callStateStore).value.value;
  const status = useComputed(() => clock.view.value.status);
  const clockStartedAt = useComputed(() => clock.view.value.startedAt);
  const atWrapUp = useComputed(() => clock.view.value.phaseIndex >= clock.agenda.value.length - 1);
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' }), []);
  if (!call || call.startedAt === null) return null;
  const append = (types: 'pause' | 'next', count = 1) =>
    clock.log.set([...clock.log.value.peek(), ...Array.from({ length: count }, () => ({ type: types, at: Date.now() }))]);
  const goToWrapUp = () => {
    const view = clock.view.peek();
    append('next', Math.max(0, view.phases.length - 1 - view.phaseIndex));
    // The wrap-up section opens with its phase; bring it into view once it has.
    setTimeout(() => document.getElementById('wrap-heading')?.scrollIntoView({ block: 'start' }), 100);
  };

  let text: string;
  let stillRunning = false;
  let endOffer: number | null = null;
  if (call.inCall) {
    text = call.unsureSince == null ? t('callStatusStarted', timeFormat.format(call.startedAt)) : t('callStatusReconnecting');
  } else {
    const endedAt = call.endedAt;
    // A clock started by hand after the call ended belongs to another session.
    const clockFirst = clockStartedAt.value !== null && endedAt !== null && clockStartedAt.value <= endedAt;
    stillRunning = clockFirst && status.value === 'running';
    if (clockFirst && (status.value === 'running' || status.value === 'paused')) endOffer = endedAt;
    if (endedAt === null || (endOffer === null && Date.now() - endedAt > ENDED_SHOWN_MS)) return null;
    text = t(stillRunning ? 'callStatusEndedRunning' : 'callStatusEnded', timeFormat.format(endedAt));
  }
  const endAtCall = (at: number) => {
    const event = endEvent(clock.view.peek(), at, 'call');
    if (event) clock.add(event);
  };
  return (
    <div class={endOffer !== null ? 'call-status ended' : 'call-status'}>
      <p role="status">{text}</p>
      {endOffer !== null && (
        <div class="controls">
          <button type="button" class="primary" onClick={() => endAtCall(endOffer)}>
            {t('endAtCallEnd', timeFormat.format(endOffer))}
          </button>
          {stillRunning && (
            <button type="button" onClick={() => append('pause')}>
              {t('callStatusPause')}
            </button>
          )}
          {stillRunning && !atWrapUp.value && (
            <button type="button" onClick={goToWrapUp}>
              {t('callStatusWrapUp')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
