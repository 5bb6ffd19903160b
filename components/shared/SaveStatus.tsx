import { t } from '../../utils/platform/i18n';
import type { StoredSignal, StoreProblem } from '../../utils/platform/stored-signal';

/** Whether the user's text is saved, shown in words (never by colour alone), announced politely. */
export function SaveStatus({ bridges }: { bridges: StoredSignal<unknown>[] }) {
  const states = bridges.map((b) => b.saveState.value);
  const problem = bridges.map((b) => b.problem.value).find((p) => p !== null) ?? null;
  const label = states.includes('error')
    ? t('saveError')
    : states.some((s) => s === 'pending' || s === 'saving')
      ? t('saveSaving')
      : t('saveSaved');
  return (
    <div class="save-status">
      <span role="status" class={states.includes('error') ? 'status-error' : undefined}>
        {label}
      </span>
      {problem && (
        <p role="alert" class="problem">
          {storeProblemText(problem)}
        </p>
      )}
    </div>
  );
}

/** A storage problem in the user's words. */
function storeProblemText(problem: StoreProblem): string {
  if (problem.kind === 'writeFailed') return t('problemWriteFailed', problem.detail);
  if (problem.kind === 'readFailed') return t('problemReadFailed', problem.detail);
  return t('problemUnreadable', problem.key, problem.detail);
}
