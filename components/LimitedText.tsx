import { type ReadonlySignal, useComputed, useSignal } from '@preact/signals';
import { t } from '../utils/i18n';

export interface LimitedTextProps {
  id: string;
  label: string;
  value: ReadonlySignal<string>;
  max: number;
  multiline?: boolean;
  placeholder?: string;
  required?: boolean;
  onChange: (next: string) => void;
}

/**
 * A labelled text field with a visible character counter. Input that would pass
 * the limit (a long paste, say) is refused with a message, never cut silently.
 */
export function LimitedText({ id, label, value, max, multiline, placeholder, required, onChange }: LimitedTextProps) {
  const refused = useSignal<string | null>(null);
  const count = useComputed(() => t('charCount', value.value.length, max));
  const counterId = `${id}-count`;
  const messageId = `${id}-message`;

  const onInput = (event: Event) => {
    const field = event.currentTarget as HTMLInputElement | HTMLTextAreaElement;
    if (field.value.length > max) {
      refused.value = t('tooLong', field.value.length, max);
      field.value = value.peek();
      return;
    }
    refused.value = null;
    onChange(field.value);
  };

  const common = {
    id,
    value,
    placeholder,
    required,
    onInput,
    'aria-describedby': refused.value ? `${counterId} ${messageId}` : counterId,
    'aria-invalid': refused.value ? true : undefined,
  };

  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      <div class="field-meta">
        <span id={counterId} class="counter">
          {count}
        </span>
      </div>
      {refused.value && (
        <p id={messageId} role="alert" class="problem">
          {refused.value}
        </p>
      )}
    </div>
  );
}
