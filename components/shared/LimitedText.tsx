import { type ReadonlySignal, useComputed, useSignal } from '@preact/signals';
import type { Ref } from 'preact';
import { t, uiLanguage } from '../../utils/platform/i18n';

export interface LimitedTextProps {
  id: string;
  label: string;
  /** The text: a signal (updates without re-rendering) or a plain string. */
  value: ReadonlySignal<string> | string;
  max: number;
  multiline?: boolean;
  placeholder?: string;
  required?: boolean;
  rows?: number;
  /** Receives the textarea (for inserting text at the caret); multiline only. */
  inputRef?: Ref<HTMLTextAreaElement>;
  onChange: (next: string) => void;
}

/**
 * A labelled text field with a visible character counter. Input that would pass
 * the limit (a long paste, say) is refused with a message, never cut silently.
 */
export function LimitedText({ id, label, value, max, multiline, placeholder, required, rows = 3, inputRef, onChange }: LimitedTextProps) {
  const refused = useSignal<string | null>(null);
  const counted = useComputed(() =>
    t('charCount', formatCount((typeof value === 'string' ? value : value.value).length), formatCount(max)),
  );
  // A plain string is this render's text (the computed above would keep the first render's).
  const count = typeof value === 'string' ? t('charCount', formatCount(value.length), formatCount(max)) : counted;
  const counterId = `${id}-count`;
  const messageId = `${id}-message`;

  const onInput = (event: Event) => {
    const field = event.currentTarget as HTMLInputElement | HTMLTextAreaElement;
    if (field.value.length > max) {
      refused.value = t('tooLong', formatCount(field.value.length), formatCount(max));
      field.value = typeof value === 'string' ? value : value.peek();
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
      {multiline ? <textarea rows={rows} ref={inputRef} {...common} /> : <input type="text" {...common} />}
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

const numberFormat = new Map<string, Intl.NumberFormat>();
/** A count with the user's digit grouping (5,000 or 5.000). */
function formatCount(n: number): string {
  const lang = uiLanguage();
  let format = numberFormat.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang);
    numberFormat.set(lang, format);
  }
  return format.format(n);
}
