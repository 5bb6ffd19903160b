import { useClock } from '../../components/hooks/useClock';
import { lazyModule, useLazy } from '../../components/hooks/useLazy';
import { useStored } from '../../components/hooks/useStored';
import { CallOffer } from '../../components/panel/CallOffer';
import { CallStatus } from '../../components/panel/CallStatus';
import { ClockBar } from '../../components/panel/ClockBar';
import { TopicCard } from '../../components/panel/TopicCard';
import { NotesEditor } from '../../components/shared/NotesEditor';
import { copyText } from '../../utils/platform/clipboard';
import { t } from '../../utils/platform/i18n';
import { partStore, settingsStore } from '../../utils/platform/storage';

/** The sections below the notes (review, plan, wrap-up, phases): their code loads after the first paint. */
const panelSections = lazyModule(() => import('../../components/panel/PanelSections').then((m) => m.PanelSections));

/**
 * The in-call panel: the clock bar pinned at the top, the coachee's topic in one
 * line, the notes filling the rest of the first view, and below them what the
 * current phase needs. Compact shows only the clock bar and the notes.
 */
export function App({ sessionId }: { sessionId: string }) {
  const topic = useStored(partStore('topic', sessionId));
  const settings = useStored(settingsStore);
  const clock = useClock(sessionId);
  const compact = settings.value.value.compactPanel;
  const PanelSections = useLazy(panelSections, !compact);
  const phaseTitle = () => clock.agenda.peek()[clock.view.peek().phaseIndex]?.title ?? '';
  return (
    <main class={compact ? 'panel compact' : 'panel'}>
      <h1 class="sr-only">{t('panelTitle')}</h1>
      <ClockBar clock={clock} compact={compact} onCompact={(on) => settings.set({ ...settings.value.peek(), compactPanel: on })} />
      {!compact && <TopicCard topic={topic} copy={copyText} />}
      <CallStatus clock={clock} />
      {!compact && <CallOffer clock={clock} />}
      <NotesEditor sessionId={sessionId} view={clock.view} phaseTitle={phaseTitle} />
      {!compact && PanelSections && <PanelSections sessionId={sessionId} clock={clock} />}
    </main>
  );
}
