import { useComputed } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { lazyModule, useLazy } from '../../components/hooks/useLazy';
import { useStored } from '../../components/hooks/useStored';
import { ClockBar } from '../../components/panel/ClockBar';
import { TopicCard } from '../../components/panel/TopicCard';
import { useClock } from '../../components/panel/useClock';
import { NotesEditor } from '../../components/shared/NotesEditor';
import { copyText } from '../../utils/platform/clipboard';
import { t } from '../../utils/platform/i18n';
import { partStore, settingsStore } from '../../utils/platform/storage';

/** The sections below the notes (review, plan, wrap-up, phases): their code loads after the first paint. */
const panelSections = lazyModule(() => import('../../components/panel/PanelSections').then((m) => m.PanelSections));
/** What the panel saw of the call: loaded only once a call was seen. */
const callStatus = lazyModule(() => import('../../components/panel/CallStatus').then((m) => m.CallStatus));
/** The offer to start the clock when a call starts: loaded once a call is seen with the clock not started. */
const callOffer = lazyModule(() => import('../../components/panel/CallOffer').then((m) => m.CallOffer));
/** An ended session's summary, shown instead of the clock: only ended sessions load it. */
const sessionSummary = lazyModule(() => import('../../components/panel/SessionSummary').then((m) => m.SessionSummary));

/**
 * The in-call panel: the clock bar pinned at the top, the coachee's topic in one
 * line, the notes filling the rest of the first view, and below them what the
 * current phase needs. Compact shows only the clock bar and the notes. Once the
 * session ended, its summary takes the clock's place (never an old clock counting on).
 */
export function App({ sessionId }: { sessionId: string }) {
  const topic = useStored(partStore('topic', sessionId));
  const settings = useStored(settingsStore);
  const clock = useClock(sessionId);
  // Whether this page showed the clock live: then an end happened here, and the summary takes the focus the
  // clock's controls had (a page opened on an ended session leaves focus alone).
  const seenLive = useRef(false);
  const ended = useComputed(() => {
    const status = clock.view.value.status;
    if (status === 'running' || status === 'paused') seenLive.current = true;
    return status === 'ended';
  });
  const Summary = useLazy(sessionSummary, ended.value);
  const compact = settings.value.value.compactPanel && !ended.value;
  const PanelSections = useLazy(panelSections, !compact);
  const CallStatus = useLazy(callStatus, !ended.value && clock.call.value?.startedAt != null);
  // A computed, so the panel re-renders when the clock starts or stops, not on every tick.
  const idle = useComputed(() => clock.view.value.status === 'idle');
  const Offer = useLazy(callOffer, idle.value && clock.call.value?.inCall === true);
  const phaseTitle = () => clock.agenda.peek()[clock.view.peek().phaseIndex]?.title ?? '';
  return (
    <main class={compact ? 'panel compact' : 'panel'}>
      <h1 class="sr-only">{t('panelTitle')}</h1>
      {!ended.value ? (
        <ClockBar clock={clock} compact={compact} onCompact={(on) => settings.set({ ...settings.value.peek(), compactPanel: on })} />
      ) : (
        Summary && <Summary sessionId={sessionId} clock={clock} takeFocus={seenLive.current} />
      )}
      {!compact && <TopicCard topic={topic} copy={copyText} />}
      {!ended.value && CallStatus && <CallStatus clock={clock} />}
      {!compact && !ended.value && Offer && <Offer clock={clock} />}
      <NotesEditor sessionId={sessionId} view={clock.view} phaseTitle={phaseTitle} />
      {!compact && PanelSections && <PanelSections sessionId={sessionId} clock={clock} />}
    </main>
  );
}
