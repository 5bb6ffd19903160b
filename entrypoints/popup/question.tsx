import { render } from 'preact';
import '../../components/shared/theme.css';
import { RoleChoice } from '../../components/shared/RoleChoice';
import type { Role } from '../../utils/domain/settings';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { ROLE_PAGES, viewFor } from '../../utils/platform/role-page';
import { readChecked, settingsStore } from '../../utils/platform/storage';
import { followTheme } from '../../utils/platform/theme';

/** A person who never chose sees the question, not a guess; the answer is kept in the settings and opens that role's popup. */
export function askRole(): void {
  document.documentElement.lang = uiLanguage();
  followTheme(document.documentElement);
  const choose = async (role: Role) => {
    const { value } = await readChecked(settingsStore);
    await settingsStore.item.setValue({ ...value, role });
    location.replace(ROLE_PAGES[viewFor(role)]);
  };
  render(
    <main class="popup">
      <h1>{t('popupWelcomeTitle')}</h1>
      <p class="muted">{t('popupWelcomeIntro')}</p>
      <RoleChoice onChoose={(role) => void choose(role)} headingId="popup-role" />
    </main>,
    document.getElementById('app') as HTMLElement,
  );
}
