import type { PlanStep } from '../../utils/domain/model';
import { t } from '../../utils/platform/i18n';
import type { StoredSignal } from '../../utils/platform/stored-signal';

/** The month's steps as checkboxes; with `removable`, each step also has a remove button. */
export function PlanChecklist({ plan, removable = false }: { plan: StoredSignal<PlanStep[]>; removable?: boolean }) {
  const toggle = (id: string, done: boolean) => plan.set(plan.value.peek().map((s) => (s.id === id ? { ...s, done } : s)));
  return (
    <ul class="steps">
      {plan.value.value.map((step) => (
        <li key={step.id}>
          <label class="check">
            <input type="checkbox" checked={step.done} onChange={(e) => toggle(step.id, (e.currentTarget as HTMLInputElement).checked)} />
            <span class="prewrap">{step.text}</span>
          </label>
          {removable && (
            <button
              type="button"
              class="link small"
              aria-label={t('planRemove', step.text)}
              onClick={() => plan.set(plan.value.peek().filter((s) => s.id !== step.id))}
            >
              ✕
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
