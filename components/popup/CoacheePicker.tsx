import { useSignal } from '@preact/signals';
import type { Coachee, SessionMeta } from '../../utils/domain/model';
import { COACHEE_NAME_MAX } from '../../utils/domain/model';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { t } from '../../utils/platform/i18n';
import { switchToCoachee } from '../../utils/platform/sessions';
import { coacheesStore, sessionsStore } from '../../utils/platform/storage';
import { lazyModule } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';

/** Adding a coachee is rare: its code loads on the first add. */
const coacheeCode = lazyModule(() => import('../../utils/platform/coachees').then((m) => m.addCoachee));

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
  const sessions = useStored(sessionsStore);
  const adding = useSignal(false);
  const name = useSignal('');
  const problem = useSignal<string | null>(null);
  const list: Coachee[] = coachees.value.value;
  const current: SessionMeta | undefined = sessions.value.value.find((s) => s.id === sessionId);
  const label = (c: Coachee) => coacheeLabel(c.name);

  const onAdd = (event: Event) => {
    event.preventDefault();
    const clean = name.value.trim();
    if (!clean) {
      problem.value = t('coacheeNameEmpty');
      return;
    }
    if (clean.length > COACHEE_NAME_MAX) {
      problem.value = t('coacheeNameTooLong');
      return;
    }
    problem.value = null;
    void coacheeCode
      .load()
      .then((addCoachee) => addCoachee(clean))
      .then(() => {
        name.value = '';
        adding.value = false;
      });
  };

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
        <form class="field" onSubmit={onAdd}>
          <label for="coachee-name">{t('coacheeNameLabel')}</label>
          <div class="row">
            <input id="coachee-name" type="text" value={name} onInput={(e) => (name.value = (e.currentTarget as HTMLInputElement).value)} />
            <button type="submit">{t('coacheeAdd')}</button>
          </div>
          {problem.value && (
            <p role="alert" class="problem">
              {problem.value}
            </p>
          )}
        </form>
      ) : (
        <button type="button" class="link small" onClick={() => (adding.value = true)}>
          {list.length > 1 || forCoach ? t('coacheeAdd') : t('coacheeManage')}
        </button>
      )}
    </div>
  );
}
