import { useComputed } from '@preact/signals';
import { t } from '../utils/i18n';
import { TOPIC_TEXT_MAX, TOPIC_TITLE_MAX, type Topic } from '../utils/model';
import type { StoredSignal } from '../utils/stored-signal';
import { LimitedText } from './LimitedText';

/** The three pre-work fields, saved as they are typed. */
export function TopicForm({ topic, idPrefix }: { topic: StoredSignal<Topic>; idPrefix: string }) {
  const title = useComputed(() => topic.value.value.title);
  const difficulty = useComputed(() => topic.value.value.difficulty);
  const outcome = useComputed(() => topic.value.value.outcome);
  const update = (field: 'title' | 'difficulty' | 'outcome') => (text: string) =>
    topic.set({ ...topic.value.peek(), [field]: text, updatedAt: Date.now() });

  return (
    <div class="topic-form">
      <LimitedText
        id={`${idPrefix}-title`}
        label={t('topicTitleLabel')}
        placeholder={t('topicTitlePlaceholder')}
        value={title}
        max={TOPIC_TITLE_MAX}
        required
        onChange={update('title')}
      />
      <LimitedText
        id={`${idPrefix}-difficulty`}
        label={t('topicDifficultyLabel')}
        value={difficulty}
        max={TOPIC_TEXT_MAX}
        multiline
        onChange={update('difficulty')}
      />
      <LimitedText
        id={`${idPrefix}-outcome`}
        label={t('topicOutcomeLabel')}
        value={outcome}
        max={TOPIC_TEXT_MAX}
        multiline
        onChange={update('outcome')}
      />
    </div>
  );
}
