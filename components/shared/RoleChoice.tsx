import { ROLES, type Role } from '../../utils/domain/settings';
import { type MessageKey, t } from '../../utils/platform/i18n';

const LABELS: Record<Role, MessageKey> = { coach: 'roleCoach', coachee: 'roleCoachee', both: 'roleBoth' };
const HINTS: Record<Role, MessageKey> = { coach: 'roleCoachHint', coachee: 'roleCoacheeHint', both: 'roleBothHint' };

/**
 * The one question Sidecoach asks a newcomer: do you coach, are you being
 * coached, or both. Three buttons; the chosen one is pressed.
 */
export function RoleChoice({ current, onChoose, headingId }: { current?: Role; onChoose: (role: Role) => void; headingId: string }) {
  return (
    <section class="role-choice" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('roleQuestion')}</h2>
      <div class="role-buttons">
        {ROLES.map((role) => (
          <div class="role-option" key={role}>
            <button
              type="button"
              class={current === role ? 'primary' : undefined}
              aria-pressed={current === role}
              aria-describedby={`${headingId}-${role}`}
              onClick={() => onChoose(role)}
            >
              {t(LABELS[role])}
            </button>
            <p id={`${headingId}-${role}`} class="small muted">
              {t(HINTS[role])}
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}
