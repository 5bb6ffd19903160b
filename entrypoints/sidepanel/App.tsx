import { SessionClock } from '../../components/SessionClock';
import { TopicCard } from '../../components/TopicCard';
import { useStored } from '../../components/useStored';
import { t } from '../../utils/i18n';
import { topicStore } from '../../utils/storage';
import { mergeTopic } from '../../utils/topic';

/** The in-call panel. */
export function App({ sessionId }: { sessionId: string }) {
  const topic = useStored(topicStore(sessionId), { merge: mergeTopic });
  return (
    <main class="panel">
      <h1>{t('panelTitle')}</h1>
      <TopicCard topic={topic} copy={(text) => navigator.clipboard.writeText(text)} />
      <SessionClock sessionId={sessionId} />
    </main>
  );
}
