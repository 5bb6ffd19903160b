import { type ComponentChild, render } from 'preact';
import { t } from '../../utils/platform/i18n';
import { findCurrentPlanSession } from '../../utils/platform/plan-session';
import { type PopupView, ROLE_PAGES, rememberView, viewFor } from '../../utils/platform/role-page';
import { readChecked, settingsStore } from '../../utils/platform/storage';
import { currentWindowCallTab } from '../../utils/platform/tabs';
import { mountPage } from '../shared/mountPage';
import type { RolePopupProps } from './role-popup';

/**
 * Start one role's popup page: what both need (the call tab, the month's plan),
 * and for a person with both roles a switch to the other page. A page reached
 * for a role not (or no longer) chosen goes where the role says.
 */
export function mountRolePopup(view: PopupView, content: (props: RolePopupProps) => ComponentChild): void {
  void mountPage(async (sessionId) => {
    const [callTab, planSessionId, settings] = await Promise.all([
      currentWindowCallTab(),
      findCurrentPlanSession(sessionId),
      readChecked(settingsStore),
    ]);
    const role = settings.value.role;
    // `?ask`: the settings as read have no role (none chosen, or kept aside as unreadable): ask, do not bounce back.
    if (!role) location.replace('popup.html?ask');
    else if (role !== 'both' && role !== view) location.replace(ROLE_PAGES[viewFor(role)]);
    return (
      <main class="popup">
        {role === 'both' && <ViewSwitch current={view} />}
        {content({ sessionId, planSessionId, callTab })}
      </main>
    );
  }, render);
}

/** For a person with both roles: the coach's and the coachee's popups, one click apart. */
function ViewSwitch({ current }: { current: PopupView }) {
  return (
    <nav class="view-switch" aria-label={t('popupViewSwitch')}>
      {(['coach', 'coachee'] as const).map((v) => (
        <a
          key={v}
          href={ROLE_PAGES[v]}
          aria-current={v === current ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            rememberView(v);
            if (v !== current) location.replace(ROLE_PAGES[v]);
          }}
        >
          {v === 'coach' ? t('popupViewCoach') : t('popupViewCoachee')}
        </a>
      ))}
    </nav>
  );
}
