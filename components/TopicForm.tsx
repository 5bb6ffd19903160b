import { useComputed } from '@preact/signals';
import { t } from '../utils/i18n';
import { TOPIC_TEXT_MAX, TOPIC_TITLE_MAX, type Topic } from '../utils/model';
import type { StoredSignal } from '../utils/stored-signal';
import { looksLikeFactQuestion } from '../utils/topic-hint';
import { LimitedText } from './LimitedText';
import { TopicExamples } from './TopicExamples';

/** The three pre-work fields, saved as they are typed, with examples and a gentle hint. */
export function TopicForm({ topic, idPrefix, examples = false }: { topic: StoredSignal<Topic>; idPrefix: string; examples?: boolean }) {
  const title = useComputed(() => topic.value.value.title);
  const difficulty = useComputed(() => topic.value.value.difficulty);
  const outcome = useComputed(() => topic.value.value.outcome);
  const empty = useComputed(() => title.value.trim() === '');
  const factHint = useComputed(() => looksLikeFactQuestion(title.value));
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
      <div aria-live="polite">
        {factHint.value && (
          <p class="hint" id={`${idPrefix}-hint`}>
            {t('factHint')}
          </p>
        )}
      </div>
      {examples && empty.value && <TopicExamples onPick={update('title')} />}
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
