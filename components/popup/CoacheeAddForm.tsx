import { useSignal } from '@preact/signals';
import { COACHEE_NAME_MAX } from '../../utils/domain/model';
import { addCoachee } from '../../utils/platform/coachee-repo';
import { t } from '../../utils/platform/i18n';

/** The popup's form to add a coachee (loaded on the first add: most people coach no one but themselves). */
export function CoacheeAddForm({ onDone }: { onDone: () => void }) {
  const name = useSignal('');
  const problem = useSignal<string | null>(null);
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
    void addCoachee(clean).then(() => {
      name.value = '';
      onDone();
    });
  };

  return (
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
  );
}
