import { t } from '../utils/i18n';
import type { Topic } from '../utils/model';
import type { StoredSignal } from '../utils/stored-signal';

/** The coachee's pre-work, pinned in the panel. User text only ever becomes text nodes. */
export function TopicCard({ topic }: { topic: StoredSignal<Topic> }) {
  const { title, difficulty, outcome } = topic.value.value;
  return (
    <section class="card" aria-labelledby="topic-heading">
      <h2 id="topic-heading">{t('panelTopicHeading')}</h2>
      {title ? (
        <p class="topic-title" data-testid="panel-topic">
          {title}
        </p>
      ) : (
        <p class="muted">{t('panelNoTopic')}</p>
      )}
      {difficulty && (
        <>
          <h3>{t('panelDifficultyHeading')}</h3>
          <p class="prewrap">{difficulty}</p>
        </>
      )}
      {outcome && (
        <>
          <h3>{t('panelOutcomeHeading')}</h3>
          <p class="prewrap">{outcome}</p>
        </>
      )}
    </section>
  );
}
