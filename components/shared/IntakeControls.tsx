import { t } from '../../utils/platform/i18n';

export interface IntakeControlsProps {
  /** The primary button, or none when there is nothing to take in. */
  takeIn: { label: string; disabled?: boolean; onClick: () => void } | null;
  onCancel: () => void;
}

/** The buttons under an intake preview (a card's or a mail reply's): take it in, and cancel. */
export function IntakeControls({ takeIn, onCancel }: IntakeControlsProps) {
  return (
    <div class="controls">
      {takeIn && (
        <button type="button" class="primary" disabled={takeIn.disabled} onClick={takeIn.onClick}>
          {takeIn.label}
        </button>
      )}
      <button type="button" onClick={onCancel}>
        {t('cardCancel')}
      </button>
    </div>
  );
}
