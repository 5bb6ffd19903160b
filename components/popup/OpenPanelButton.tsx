import type { Signal } from '@preact/signals';
import { t } from '../../utils/platform/i18n';
import { activateTab, openPanel } from '../../utils/platform/panel';

/** Opens the session panel beside the window's call tab (switching to it if needed); explains when there is no call. */
export function OpenPanelButton({ callTab, message }: { callTab?: { id?: number; active?: boolean }; message: Signal<string | null> }) {
  const tabId = callTab?.id;
  const onClick = () => {
    if (tabId === undefined) return;
    // No await before openPanel: it must run inside the click's user gesture.
    const opening = openPanel(tabId);
    if (!callTab?.active) void activateTab(tabId);
    opening.then(
      () => window.close(),
      (err: unknown) => {
        message.value = t('openPanelFailed', err instanceof Error ? err.message : String(err));
      },
    );
  };
  return (
    <div class="open-panel">
      <button
        type="button"
        class="primary"
        onClick={onClick}
        disabled={tabId === undefined}
        aria-describedby={tabId === undefined ? 'open-panel-hint' : undefined}
      >
        {t('openPanel')}
      </button>
      {tabId === undefined && (
        <p id="open-panel-hint" class="muted small">
          {t('openPanelNeedsCall')}
        </p>
      )}
      {message.value && (
        <p role="alert" class="problem">
          {message.value}
        </p>
      )}
    </div>
  );
}
