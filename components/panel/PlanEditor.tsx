import { type Signal, useComputed, useSignal } from '@preact/signals';
import { overBudget, weeklyMinutes } from '../../utils/domain/homework';
import type { Assignment, PlanStep } from '../../utils/domain/model';
import { ASSIGNMENT_TITLE_MAX, MINUTES_PER_WEEK_MAX, PLAN_STEP_MAX } from '../../utils/domain/model';
import { newItemId } from '../../utils/domain/session-list';
import { t } from '../../utils/platform/i18n';
import { partStore } from '../../utils/platform/storage';
import type { StoredSignal } from '../../utils/platform/stored-signal';
import { useStored } from '../hooks/useStored';
import { BudgetMeter } from '../shared/BudgetMeter';
import { PlanChecklist } from '../shared/PlanChecklist';
import { SaveStatus } from '../shared/SaveStatus';

/** The month's plan as a checklist, and the exercises and reading with a budget meter. */
export function PlanEditor({ sessionId }: { sessionId: string }) {
  const plan = useStored(partStore('plan', sessionId), { debounceMs: 300 });
  const homework = useStored(partStore('homework', sessionId), { debounceMs: 300 });
  const stepText = useSignal('');
  const title = useSignal('');
  const kind = useSignal<Assignment['kind']>('exercise');
  const minutes = useSignal('15');
  const problem = useSignal<string | null>(null);
  const total = useComputed(() => weeklyMinutes(homework.value.value));
  const over = useComputed(() => overBudget(homework.value.value));

  /** The trimmed text if it is neither empty nor over `max`; otherwise says why and returns null. */
  const accept = (raw: string, max: number): string | null => {
    const text = raw.trim();
    problem.value = !text ? t('titleEmpty') : text.length > max ? t('tooLong', text.length, max) : null;
    return problem.value === null ? text : null;
  };
  const addStep = (event: Event) => {
    event.preventDefault();
    const text = accept(stepText.value, PLAN_STEP_MAX);
    if (text === null) return;
    const step: PlanStep = { id: newItemId('p'), text, done: false };
    plan.set([...plan.value.peek(), step]);
    stepText.value = '';
  };
  const addAssignment = (event: Event) => {
    event.preventDefault();
    const text = accept(title.value, ASSIGNMENT_TITLE_MAX);
    if (text === null) return;
    const perWeek = Math.min(MINUTES_PER_WEEK_MAX, Math.max(0, Math.round(Number(minutes.value) || 0)));
    homework.set([...homework.value.peek(), { id: newItemId('h'), kind: kind.value, title: text, minutesPerWeek: perWeek, logged: {} }]);
    title.value = '';
  };

  return (
    <section class="card" aria-labelledby="plan-heading">
      <p class="small muted">{t('planHelp')}</p>
      {plan.value.value.length === 0 ? <p class="muted">{t('planEmpty')}</p> : <PlanChecklist plan={plan} removable />}
      <form class="field" onSubmit={addStep}>
        <label for="plan-step">{t('planStepLabel')}</label>
        <div class="row">
          <input
            id="plan-step"
            type="text"
            value={stepText}
            onInput={(e) => (stepText.value = (e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{t('planAdd')}</button>
        </div>
      </form>

      <h3>{t('homeworkHeading')}</h3>
      <HomeworkList homework={homework} />
      <form class="homework-form" onSubmit={addAssignment}>
        <HomeworkFields kind={kind} title={title} minutes={minutes} />
        <button type="submit">{t('homeworkAdd')}</button>
      </form>
      {problem.value && (
        <p role="alert" class="problem">
          {problem.value}
        </p>
      )}
      <BudgetMeter total={total.value} />
      <div aria-live="polite">
        {over.value && (
          <p class="warning" role="note">
            {t('budgetOver')}
          </p>
        )}
      </div>
      <SaveStatus bridges={[plan, homework]} />
    </section>
  );
}

/** The assignments, each with its remove button. */
function HomeworkList({ homework }: { homework: StoredSignal<Assignment[]> }) {
  if (homework.value.value.length === 0) return null;
  return (
    <ul class="steps">
      {homework.value.value.map((a) => (
        <li key={a.id}>
          <span>
            {a.kind === 'exercise' ? t('kindExercise') : t('kindReading')}: {a.title} · {t('mdPerWeek', a.minutesPerWeek)}
          </span>
          <button
            type="button"
            class="link small"
            aria-label={t('homeworkRemove', a.title)}
            onClick={() => homework.set(homework.value.peek().filter((x) => x.id !== a.id))}
          >
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The new assignment's kind, title and minutes a week. */
function HomeworkFields({ kind, title, minutes }: { kind: Signal<Assignment['kind']>; title: Signal<string>; minutes: Signal<string> }) {
  return (
    <>
      <div class="field">
        <label for="homework-kind">{t('homeworkKindLabel')}</label>
        <select
          id="homework-kind"
          value={kind.value}
          onChange={(e) => (kind.value = (e.currentTarget as HTMLSelectElement).value as Assignment['kind'])}
        >
          <option value="exercise">{t('kindExercise')}</option>
          <option value="reading">{t('kindReading')}</option>
        </select>
      </div>
      <div class="field">
        <label for="homework-title">{t('homeworkTitleLabel')}</label>
        <input id="homework-title" type="text" value={title} onInput={(e) => (title.value = (e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="homework-minutes">{t('homeworkMinutesLabel')}</label>
        <input
          id="homework-minutes"
          type="number"
          min={0}
          max={MINUTES_PER_WEEK_MAX}
          step={5}
          value={minutes}
          onInput={(e) => (minutes.value = (e.currentTarget as HTMLInputElement).value)}
        />
      </div>
    </>
  );
}
