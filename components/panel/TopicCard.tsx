import { useSignal } from '@preact/signals';
import type { Topic } from '../../utils/domain/model';
import { topicSummary } from '../../utils/domain/topic-summary';
import { t } from '../../utils/platform/i18n';
import { settingsStore } from '../../utils/platform/storage';
import type { StoredSignal } from '../../utils/platform/stored-signal';
import { lazyModule, useLazy } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';
import { SaveStatus } from '../shared/SaveStatus';
import { TopicAnswers } from '../shared/TopicAnswers';

/** The topic editor loads when the coach first edits the topic in the panel. */
const topicForm = lazyModule(() => import('../shared/TopicForm').then((m) => m.TopicForm));

/**
 * The coachee's pre-work in the panel: one line with the coachee's topic, opening
 * in place to the whole pre-work, editable there and copyable as plain text. User text only ever becomes text nodes.
 */
export function TopicCard({ topic, copy }: { topic: StoredSignal<Topic>; copy: (text: string) => Promise<void> }) {
  const open = useSignal(false);
  const editing = useSignal(false);
  const copyMessage = useSignal<string | null>(null);
  const TopicForm = useLazy(topicForm, editing.value);
  // A coach's panel speaks to the coach: the pre-work comes from the coachee, and is not copied back "for my coach".
  const coach = useStored(settingsStore).value.value.role === 'coach';
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
    <section class="topic-line" aria-labelledby="topic-heading">
      <h2 id="topic-heading" class="sr-only">
        {t('panelTopicHeading')}
      </h2>
      <button
        type="button"
        class="topic-toggle"
        aria-expanded={open.value}
        aria-controls="topic-body"
        onClick={() => (open.value = !open.value)}
      >
        <span class="topic-label">{t('topicLineLabel')}:</span>{' '}
        {title ? (
          <span class="topic-title" data-testid="panel-topic">
            {title}
          </span>
        ) : (
          <span class="muted">{coach ? t('panelNoTopicCoach') : t('panelNoTopic')}</span>
        )}
        <span class="sr-only"> {open.value ? t('topicCollapse') : t('topicExpand')}</span>
      </button>
      <div id="topic-body" class="card" hidden={!open.value}>
        {editing.value ? (
          <>
            {TopicForm && <TopicForm topic={topic} idPrefix="panel-topic" />}
            <SaveStatus bridges={[topic]} />
          </>
        ) : (
          <TopicAnswers difficulty={difficulty} outcome={outcome} />
        )}
        <div class="controls">
          <button type="button" aria-pressed={editing.value} onClick={() => (editing.value = !editing.value)}>
            {editing.value ? t('topicDoneEditing') : t('topicEdit')}
          </button>
          <button type="button" onClick={onCopy} disabled={!title}>
            {coach ? t('copyTopicText') : t('copyForCoach')}
          </button>
        </div>
        <p role="status" class="small muted">
          {copyMessage.value}
        </p>
      </div>
    </section>
  );
}
