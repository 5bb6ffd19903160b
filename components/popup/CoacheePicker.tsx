import { useSignal } from '@preact/signals';
import type { Coachee, SessionMeta } from '../../utils/domain/model';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { t } from '../../utils/platform/i18n';
import { switchToCoachee } from '../../utils/platform/session-activation';
import { coacheesStore, recentSessionsStore } from '../../utils/platform/storage';
import { lazyModule, useLazy } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';

/** Adding a coachee is rare: its form's code loads on the first add. */
const addForm = lazyModule(() => import('./CoacheeAddForm').then((m) => m.CoacheeAddForm));

/**
 * Whose session this is. A coach with several coachees picks or adds one; a
 * person using Sidecoach alone sees only a small "Coaching several people?" link.
 */
export function CoacheePicker({
  sessionId,
  forCoach = false,
}: {
  sessionId: string /** A coach adds coachees (no "Coaching several people?"). */;
  forCoach?: boolean;
}) {
  const coachees = useStored(coacheesStore);
  const recent = useStored(recentSessionsStore);
  const adding = useSignal(false);
  const AddForm = useLazy(addForm, adding.value);
  const list: Coachee[] = coachees.value.value;
  const current: SessionMeta | undefined = recent.value.value.sessions.find((s) => s.id === sessionId);
  const label = (c: Coachee) => coacheeLabel(c.name);

  return (
    <div class="coachee">
      {(list.length > 1 || (forCoach && list.length > 0)) && (
        <div class="field inline">
          <label for="coachee-select">{t('coacheeLabel')}</label>
          <select
            id="coachee-select"
            value={current?.coacheeId}
            onChange={(e) => void switchToCoachee((e.currentTarget as HTMLSelectElement).value)}
          >
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {label(c)}
              </option>
            ))}
          </select>
        </div>
      )}
      {adding.value ? (
        AddForm && <AddForm onDone={() => (adding.value = false)} />
      ) : (
        <button type="button" class="link small" onClick={() => (adding.value = true)}>
          {list.length > 1 || forCoach ? t('coacheeAdd') : t('coacheeManage')}
        </button>
      )}
    </div>
  );
}
