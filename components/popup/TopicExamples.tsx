import type { MessageKey } from '../../utils/platform/i18n';
import { t } from '../../utils/platform/i18n';

const EXAMPLES: MessageKey[] = ['example1', 'example2', 'example3', 'example4', 'example5'];

/** Example topics a coachee can start from. Shown only while the topic is empty, so a click never replaces typed text. */
export function TopicExamples({ onPick }: { onPick: (text: string) => void }) {
  return (
    <div class="examples">
      <p id="examples-heading" class="small muted">
        {t('examplesHeading')}
      </p>
      <ul aria-labelledby="examples-heading">
        {EXAMPLES.map((key) => {
          const text = t(key);
          return (
            <li key={key}>
              <button type="button" class="chip" aria-label={t('exampleUseLabel', text)} onClick={() => onPick(text)}>
                {text}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
