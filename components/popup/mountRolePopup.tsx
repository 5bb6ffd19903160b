import { type ComponentChild, render } from 'preact';
import { t } from '../../utils/platform/i18n';
import { type PopupView, ROLE_PAGES, rememberView, viewFor } from '../../utils/platform/role-page';
import { readChecked, settingsStore } from '../../utils/platform/storage';
import { mountPage } from '../shared/mountPage';
import type { RolePopupProps } from './role-popup';

/**
 * Start one role's popup page: what both need (the call tab, the month's plan),
 * and for a person with both roles a switch to the other page. A page reached
 * for a role not (or no longer) chosen goes where the role says.
 */
export function mountRolePopup<Id extends string | null>(
  view: PopupView,
  content: (props: RolePopupProps<Id>) => ComponentChild,
  find: () => Promise<Id>,
): void {
  const body = async (sessionId: Id) => {
    const [callTab, planSessionId, settings] = await Promise.all([
      // The call-tab and the month's plan lookups load beside the other reads (kept off the popup's start-up bytes).
      import('../../utils/platform/tabs').then((m) => m.currentWindowCallTab()),
      sessionId ? import('../../utils/platform/session-repo').then((m) => m.findCurrentPlanSession(sessionId)) : null,
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
  };
  // A coach starts with no session until there is a coachee or a call: the coach's `find` creates none.
  void mountPage(body, render, undefined, { find });
}

/** For a person with both roles: the coach's and the coachee's popups, one click apart. */
function ViewSwitch({ current }: { current: PopupView }) {
  return (
    <nav class="view-switch" aria-label={t('popupViewSwitch')}>
      {(['coach', 'coachee'] as const).map((v) => (
        <a key={v} href={ROLE_PAGES[v]} aria-current={v === current ? 'page' : undefined} onClick={() => rememberView(v)}>
          {v === 'coach' ? t('popupViewCoach') : t('popupViewCoachee')}
        </a>
      ))}
    </nav>
  );
}
