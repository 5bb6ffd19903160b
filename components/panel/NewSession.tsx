import { useSignal } from '@preact/signals';
import { t } from '../../utils/platform/i18n';
import { lazyModule } from '../hooks/useLazy';

const newSessionCode = lazyModule(() => import('../../utils/platform/session-start').then((m) => m.startNewSession));

/**
 * Starts the next session for the same coachee; the current one stays intact,
 * its topic carried only if asked. The starting code loads on the click (used once a session).
 */
export function NewSession() {
  const asking = useSignal(false);
  const carry = useSignal(false);
  if (!asking.value) {
    return (
      <button type="button" onClick={() => (asking.value = true)}>
        {t('newSession')}
      </button>
    );
  }
  return (
    <fieldset class="confirm">
      <legend>{t('newSession')}</legend>
      <p class="small muted">{t('newSessionHelp')}</p>
      <label class="check">
        <input type="checkbox" checked={carry.value} onChange={(e) => (carry.value = (e.currentTarget as HTMLInputElement).checked)} />
        {t('newSessionCarry')}
      </label>
      <button
        type="button"
        class="primary"
        onClick={() => void newSessionCode.load().then((startNewSession) => startNewSession({ carryTopic: carry.value }))}
      >
        {t('newSessionConfirm')}
      </button>
      <button type="button" onClick={() => (asking.value = false)}>
        {t('newSessionCancel')}
      </button>
    </fieldset>
  );
}
