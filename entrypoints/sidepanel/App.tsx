import { useClock } from '../../components/hooks/useClock';
import { useStored } from '../../components/hooks/useStored';
import { CallOffer } from '../../components/panel/CallOffer';
import { NewSession } from '../../components/panel/NewSession';
import { PhaseSections } from '../../components/panel/PhaseSections';
import { SessionClock } from '../../components/panel/SessionClock';
import { TopicCard } from '../../components/panel/TopicCard';
import { NotesEditor } from '../../components/shared/NotesEditor';
import { copyText } from '../../utils/platform/clipboard';
import { t } from '../../utils/platform/i18n';
import { partStore } from '../../utils/platform/storage';

/** The in-call panel: the pre-work, the clock, the notes. */
export function App({ sessionId }: { sessionId: string }) {
  const topic = useStored(partStore('topic', sessionId));
  const clock = useClock(sessionId);
  const phaseTitle = () => clock.agenda.peek()[clock.view.peek().phaseIndex]?.title ?? '';
  return (
    <main class="panel">
      <h1>{t('panelTitle')}</h1>
      <TopicCard topic={topic} copy={copyText} />
      <CallOffer clock={clock} />
      <SessionClock clock={clock} sessionId={sessionId} />
      <PhaseSections sessionId={sessionId} clock={clock} />
      <NotesEditor sessionId={sessionId} view={clock.view} phaseTitle={phaseTitle} />
      <NewSession />
    </main>
  );
}
