import type { Signal } from '@preact/signals';
import { callPlatform } from '../utils/call-urls';
import { t } from '../utils/i18n';
import { openPanel } from '../utils/panel';

/** Opens the session panel beside the current call tab; explains when there is no call here. */
export function OpenPanelButton({ tab, message }: { tab?: { id?: number; url?: string }; message: Signal<string | null> }) {
  const tabId = tab?.id;
  const onCall = tabId !== undefined && callPlatform(tab?.url) !== null;
  const onClick = () => {
    if (tabId === undefined || !onCall) {
      message.value = t('openPanelNeedsCall');
      return;
    }
    // No await before openPanel: it must run inside the click's user gesture.
    openPanel(tabId).then(
      () => window.close(),
      (err: unknown) => {
        message.value = t('openPanelFailed', err instanceof Error ? err.message : String(err));
      },
    );
  };
  return (
    <div class="open-panel">
      <button type="button" class="primary" onClick={onClick} aria-describedby={onCall ? undefined : 'open-panel-hint'}>
        {t('openPanel')}
      </button>
      {!onCall && (
        <p id="open-panel-hint" class="muted small">
          {t('openPanelNeedsCall')}
        </p>
      )}
      {message.value && onCall && (
        <p role="alert" class="problem">
          {message.value}
        </p>
      )}
    </div>
  );
}
