import { useSignal } from '@preact/signals';
import type { Backup, BackupProblem, ImportPlan } from '../../utils/domain/backup';
import { applyRestore, readBackupFile } from '../../utils/platform/data-store';
import { t } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';

/** The words for each reason a file is refused. */
function backupProblemText(problem: BackupProblem): string {
  switch (problem.kind) {
    case 'tooLarge':
      return t('badTooLarge', `${(problem.bytes / 1_048_576).toFixed(1)} MB`);
    case 'notJson':
      return t('badNotJson');
    case 'unsafeKey':
      return t('badUnsafeKey', problem.key);
    case 'notSidecoach':
      return t('badNotSidecoach');
    case 'futureVersion':
      return t('badFutureVersion', problem.version);
    case 'wrongVersion':
      return t('badWrongVersion');
    case 'invalid':
      return t('badInvalid', problem.detail);
  }
}

/** Restore from a JSON backup: checked strictly, previewed, merged by id, nothing overwritten without saying so. */
export function RestorePanel() {
  const pending = useSignal<{ backup: Backup; plan: ImportPlan } | null>(null);
  const overwrite = useSignal(false);
  const message = useSignal<{ text: string; error: boolean } | null>(null);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    pending.value = null;
    overwrite.value = false;
    if (!file) return;
    const read = await readBackupFile(file);
    message.value = read.ok ? null : { text: backupProblemText(read.problem), error: true };
    if (read.ok) pending.value = { backup: read.backup, plan: read.plan };
  };

  const onImport = async () => {
    const p = pending.value;
    if (!p) return;
    await applyRestore(p.backup.data, overwrite.value);
    message.value = {
      text: tn('restoreDone', p.plan.newSessions.length, p.plan.newSessions.length, overwrite.value ? p.plan.changedSessions.length : 0),
      error: false,
    };
    pending.value = null;
  };

  const plan = pending.value?.plan;
  const nothingToDo =
    plan && plan.newSessions.length === 0 && plan.newCoachees === 0 && (plan.changedSessions.length === 0 || !overwrite.value);
  return (
    <section class="card" aria-labelledby="restore-heading">
      <h2 id="restore-heading">{t('restoreHeading')}</h2>
      <div class="field">
        <label for="restore-file">{t('restoreFileLabel')}</label>
        <input id="restore-file" type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
      </div>
      {plan && (
        <div class="preview">
          <p>
            {t(
              'restorePreview',
              tn('restoreNew', plan.newSessions.length),
              tn('restoreChanged', plan.changedSessions.length),
              plan.unchangedSessions,
            )}
          </p>
          {plan.changedSessions.length > 0 && (
            <label class="check">
              <input
                type="checkbox"
                checked={overwrite.value}
                onChange={(e) => (overwrite.value = (e.currentTarget as HTMLInputElement).checked)}
              />
              {tn('restoreOverwrite', plan.changedSessions.length)}
            </label>
          )}
          {nothingToDo ? (
            <p>{t('restoreNothingNew')}</p>
          ) : (
            <button type="button" class="primary" onClick={() => void onImport()}>
              {t('restoreImport')}
            </button>
          )}
        </div>
      )}
      <div aria-live="polite">
        {message.value && (
          <p role={message.value.error ? 'alert' : undefined} class={message.value.error ? 'problem' : undefined}>
            {message.value.text}
          </p>
        )}
      </div>
    </section>
  );
}
