import { CallOffer } from '../../components/CallOffer';
import { NewSession } from '../../components/NewSession';
import { NotesEditor } from '../../components/NotesEditor';
import { PhaseSections } from '../../components/PhaseSections';
import { SessionClock } from '../../components/SessionClock';
import { TopicCard } from '../../components/TopicCard';
import { useClock } from '../../components/useClock';
import { useStored } from '../../components/useStored';
import { copyText } from '../../utils/clipboard';
import { t } from '../../utils/i18n';
import { topicStore } from '../../utils/storage';
import { mergeTopic } from '../../utils/topic';

/** The in-call panel: the pre-work, the clock, the notes. */
export function App({ sessionId }: { sessionId: string }) {
  const topic = useStored(topicStore(sessionId), { merge: mergeTopic });
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
