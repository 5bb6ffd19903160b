import { ROLES, type Settings } from '../../utils/domain/settings';
import { t } from '../../utils/platform/i18n';
import { syncPrefsStore } from '../../utils/platform/settings-mirror';
import { settingsStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';

type AlertKey = keyof Settings['alerts'];
const ALERTS: [AlertKey, 'alertSound' | 'alertNotification' | 'alertBadge'][] = [
  ['sound', 'alertSound'],
  ['notification', 'alertNotification'],
  ['badge', 'alertBadge'],
];

/** Alerts and theme. Settings live in local storage (mirrored to sync while the user allows it): a few hundred bytes, written only on a change. */
export function SettingsPanel() {
  const settings = useStored(settingsStore, { debounceMs: 200 });
  const syncPrefs = useStored(syncPrefsStore, { debounceMs: 0 });
  const current = settings.value.value;
  const update = (next: Partial<Settings>) => settings.set({ ...settings.value.peek(), ...next });
  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <fieldset>
        <legend>{t('roleLegend')}</legend>
        {ROLES.map((role) => (
          <label class="check" key={role}>
            <input type="radio" name="role" value={role} checked={current.role === role} onChange={() => update({ role })} />
            {role === 'coach' ? t('roleCoach') : role === 'coachee' ? t('roleCoachee') : t('roleBoth')}
          </label>
        ))}
        <p class="small">
          <a href="welcome.html" target="_blank" rel="noopener">
            {t('welcomeAgain')}
          </a>
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('alertsLegend')}</legend>
        {ALERTS.map(([key, label]) => (
          <label class="check" key={key}>
            <input
              type="checkbox"
              checked={current.alerts[key]}
              onChange={(e) =>
                update({ alerts: { ...settings.value.peek().alerts, [key]: (e.currentTarget as HTMLInputElement).checked } })
              }
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={current.checkIn}
          onChange={(e) => update({ checkIn: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('checkInSetting')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={current.preworkReminder}
          onChange={(e) => update({ preworkReminder: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('preworkReminderSetting')}
      </label>
      <fieldset>
        <legend>{t('themeLegend')}</legend>
        {(['system', 'light', 'dark'] as const).map((theme) => (
          <label class="check" key={theme}>
            <input type="radio" name="theme" value={theme} checked={current.theme === theme} onChange={() => update({ theme })} />
            {theme === 'system' ? t('themeSystem') : theme === 'light' ? t('themeLight') : t('themeDark')}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('syncLegend')}</legend>
        {(['settings', 'templates'] as const).map((item) => (
          <label class="check" key={item}>
            <input
              type="checkbox"
              checked={syncPrefs.value.value[item]}
              onChange={(e) => syncPrefs.set({ ...syncPrefs.value.peek(), [item]: (e.currentTarget as HTMLInputElement).checked })}
            />
            {item === 'settings' ? t('syncSettings') : t('syncTemplates')}
          </label>
        ))}
      </fieldset>
      <p class="small muted">{t('syncNote')}</p>
    </section>
  );
}
