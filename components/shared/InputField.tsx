import type { InputHTMLAttributes, LooseInputHTMLAttributes } from 'preact';

export interface InputFieldProps {
  id: string;
  /** The visible label, tied to the input by its id. */
  label: string;
  type: 'text' | 'number' | 'date';
  value: string | number;
  /** Receives the input's text on every keystroke. */
  onValue: (text: string) => void;
  /** Bounds of a number field. */
  min?: number;
  max?: number;
  /** Extra classes for the field's box (`grow` in a row). */
  fieldClass?: string;
}

/**
 * A labelled one-line input in the app's field box: the label above, the input
 * under it. For text with a length limit and counter, use LimitedText instead.
 */
export function InputField({ id, label, type, value, onValue, min, max, fieldClass }: InputFieldProps) {
  const input: LooseInputHTMLAttributes<HTMLInputElement> = {
    id,
    type,
    min,
    max,
    value,
    onInput: (e) => onValue(e.currentTarget.value),
  };
  return (
    <div class={fieldClass ? `field ${fieldClass}` : 'field'}>
      <label for={id}>{label}</label>
      {/* Preact types <input> as a union keyed by a literal `type`; one chosen by a prop needs the loose form. */}
      <input {...(input as InputHTMLAttributes<HTMLInputElement>)} />
    </div>
  );
}
