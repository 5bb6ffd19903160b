import { useComputed } from '@preact/signals';
import type { ComponentType } from 'preact';
import { TOPIC_TEXT_MAX, TOPIC_TITLE_MAX, type Topic } from '../../utils/domain/model';
import { t } from '../../utils/platform/i18n';
import type { StoredSignal } from '../../utils/platform/stored-signal';
import { LimitedText } from './LimitedText';

export interface TopicFormProps {
  topic: StoredSignal<Topic>;
  idPrefix: string;
  /** The fact-question check (the popup passes it; kept out of the panel's bundle). */
  factHint?: (title: string) => boolean;
  /** Example topics to start from, shown while the topic is empty (the popup's). */
  Examples?: ComponentType<{ onPick: (text: string) => void }>;
}

/** The three pre-work fields, saved as they are typed, with optional examples and a gentle hint. */
export function TopicForm({ topic, idPrefix, factHint: isFact, Examples }: TopicFormProps) {
  const title = useComputed(() => topic.value.value.title);
  const difficulty = useComputed(() => topic.value.value.difficulty);
  const outcome = useComputed(() => topic.value.value.outcome);
  const empty = useComputed(() => title.value.trim() === '');
  const factHint = useComputed(() => isFact?.(title.value) ?? false);
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
      {Examples && empty.value && <Examples onPick={update('title')} />}
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
