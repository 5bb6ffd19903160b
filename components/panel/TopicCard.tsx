import { useSignal } from '@preact/signals';
import type { Topic } from '../../utils/domain/model';
import { topicSummary } from '../../utils/domain/topic-summary';
import { t } from '../../utils/platform/i18n';
import type { StoredSignal } from '../../utils/platform/stored-signal';
import { SaveStatus } from '../shared/SaveStatus';
import { TopicForm } from '../shared/TopicForm';

/**
 * The coachee's pre-work, pinned in the panel: collapsible, editable in place,
 * and copyable as plain text. User text only ever becomes text nodes.
 */
export function TopicCard({ topic, copy }: { topic: StoredSignal<Topic>; copy: (text: string) => Promise<void> }) {
  const open = useSignal(true);
  const editing = useSignal(false);
  const copyMessage = useSignal<string | null>(null);
  const { title, difficulty, outcome } = topic.value.value;

  const onCopy = () => {
    const text = topicSummary(topic.value.peek(), {
      heading: t('summaryHeading'),
      topic: t('summaryTopic'),
      difficulty: t('summaryDifficulty'),
      outcome: t('summaryOutcome'),
    });
    copy(text).then(
      () => (copyMessage.value = t('copied')),
      (err: unknown) => (copyMessage.value = t('copyFailed', err instanceof Error ? err.message : String(err))),
    );
  };

  return (
    <section class="card" aria-labelledby="topic-heading">
      <div class="card-head">
        <h2 id="topic-heading">{t('panelTopicHeading')}</h2>
        <button type="button" class="link" aria-expanded={open.value} aria-controls="topic-body" onClick={() => (open.value = !open.value)}>
          {open.value ? t('topicCollapse') : t('topicExpand')}
        </button>
      </div>
      <div id="topic-body" hidden={!open.value}>
        {editing.value ? (
          <>
            <TopicForm topic={topic} idPrefix="panel-topic" />
            <SaveStatus bridges={[topic]} />
          </>
        ) : (
          <>
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
          </>
        )}
        <div class="controls">
          <button type="button" aria-pressed={editing.value} onClick={() => (editing.value = !editing.value)}>
            {editing.value ? t('topicDoneEditing') : t('topicEdit')}
          </button>
          <button type="button" onClick={onCopy} disabled={!title}>
            {t('copyForCoach')}
          </button>
        </div>
        <p role="status" class="small muted">
          {copyMessage.value}
        </p>
      </div>
    </section>
  );
}
