import { useSignal } from '@preact/signals';
import { type AgendaTemplate, MAX_PHASE_MINUTES, MIN_PHASE_MINUTES, PHASE_PROMPT_MAX, totalMinutes } from '../../utils/domain/agenda';
import { newItemId } from '../../utils/domain/session-list';
import { SYNC_ITEM_MAX_BYTES, syncItemBytes, type TemplateProblem, templateProblems } from '../../utils/domain/template-rules';
import { localDefaultTemplate } from '../../utils/platform/default-template';
import { t } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';
import { settingsStore, templatesStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { InputField } from '../shared/InputField';

function templateProblemText(p: TemplateProblem): string {
  if (p.kind === 'noName') return t('problemNoName');
  if (p.kind === 'phaseCount') return t('problemPhaseCount', p.count);
  if (p.kind === 'phaseTitle') return t('problemPhaseTitle', p.index + 1);
  return t('problemPhaseMinutes', p.index + 1);
}

type Phase = AgendaTemplate['phases'][number];

/** The agenda templates: the built-in hour, and the user's own, each editable and validated before saving. */
export function TemplateEditor() {
  const templates = useStored(templatesStore, { debounceMs: 0 });
  const settings = useStored(settingsStore, { debounceMs: 0 });
  const draft = useSignal<AgendaTemplate | null>(null);
  const message = useSignal<string | null>(null);
  const builtIn = localDefaultTemplate();
  const all = [builtIn, ...templates.value.value];
  const defaultId = settings.value.value.defaultTemplateId;

  /** Save a checked draft; returns the problems that keep it from being saved (none when saved). */
  const save = (tpl: AgendaTemplate): string[] => {
    const found = templateProblems(tpl).map(templateProblemText);
    const next = [...templates.value.peek().filter((x) => x.id !== tpl.id), { ...tpl, name: tpl.name.trim() }];
    if (found.length === 0 && syncItemBytes('templates', next) > SYNC_ITEM_MAX_BYTES) found.push(t('problemTooBigToSync'));
    if (found.length > 0) return found;
    templates.set(next);
    draft.value = null;
    message.value = t('templateSaved');
    return [];
  };

  if (draft.value) return <TemplateForm initial={draft.value} onSave={save} onCancel={() => (draft.value = null)} />;

  return (
    <section class="card" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('templatesHeading')}</h2>
      <p class="small muted">{t('templatesHelp')}</p>
      <ul class="steps">
        {all.map((tpl) => (
          <li key={tpl.id}>
            <span>
              <strong>{tpl.name}</strong> · {tn('templateTotal', totalMinutes(tpl.phases))}
              {tpl.id === builtIn.id && ` · ${t('templateBuiltIn')}`}
              {tpl.id === defaultId && ` · ${t('templateIsDefault')}`}
            </span>
            <span class="row wrap">
              {tpl.id !== defaultId && (
                <button
                  type="button"
                  class="link small"
                  onClick={() => settings.set({ ...settings.value.peek(), defaultTemplateId: tpl.id })}
                >
                  {t('templateDefault')}
                  <span class="sr-only"> ({tpl.name})</span>
                </button>
              )}
              {tpl.id !== builtIn.id && (
                <>
                  <button type="button" class="link small" onClick={() => (draft.value = tpl)}>
                    {t('templateEdit', tpl.name)}
                  </button>
                  <button
                    type="button"
                    class="link small"
                    onClick={() => templates.set(templates.value.peek().filter((x) => x.id !== tpl.id))}
                  >
                    {t('templateDelete', tpl.name)}
                  </button>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() =>
          (draft.value = { id: newItemId('tpl'), name: '', phases: builtIn.phases.map((p) => ({ ...p, id: newItemId('ph') })) })
        }
      >
        {t('templateNew')}
      </button>
      <p role="status" class="small">
        {message.value}
      </p>
    </section>
  );
}

/** One template being edited: its name and phases; saved only when it passes every rule. */
function TemplateForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: AgendaTemplate;
  onSave: (tpl: AgendaTemplate) => string[];
  onCancel: () => void;
}) {
  const draft = useSignal(initial);
  const problems = useSignal<string[]>([]);
  const tpl = draft.value;
  const editPhase = (index: number, patch: Partial<Phase>) => {
    draft.value = { ...tpl, phases: tpl.phases.map((p, i) => (i === index ? { ...p, ...patch } : p)) };
  };
  return (
    <section class="card" aria-labelledby="template-edit-heading">
      <h2 id="template-edit-heading">{t('templatesHeading')}</h2>
      <InputField
        id="template-name"
        type="text"
        label={t('templateNameLabel')}
        value={tpl.name}
        onValue={(name) => (draft.value = { ...tpl, name })}
      />
      {tpl.phases.map((phase, i) => (
        <PhaseFields
          key={phase.id}
          phase={phase}
          index={i}
          onEdit={(patch) => editPhase(i, patch)}
          onRemove={() => (draft.value = { ...tpl, phases: tpl.phases.filter((_, j) => j !== i) })}
        />
      ))}
      <p>{tn('templateTotal', totalMinutes(tpl.phases.filter((p) => Number.isFinite(p.minutes))))}</p>
      <div class="controls">
        <button
          type="button"
          onClick={() => (draft.value = { ...tpl, phases: [...tpl.phases, { id: newItemId('ph'), title: '', minutes: 10, prompt: '' }] })}
        >
          {t('templateAddPhase')}
        </button>
        <button type="button" class="primary" onClick={() => (problems.value = onSave(tpl))}>
          {t('templateSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('templateCancel')}
        </button>
      </div>
      {problems.value.length > 0 && (
        <ul role="alert" class="problem">
          {problems.value.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The fields of one phase of a template being edited. */
function PhaseFields({
  phase,
  index: i,
  onEdit,
  onRemove,
}: {
  phase: Phase;
  index: number;
  onEdit: (patch: Partial<Phase>) => void;
  onRemove: () => void;
}) {
  return (
    <fieldset>
      <legend>{t('templatePhaseLegend', i + 1)}</legend>
      <div class="row wrap">
        <InputField
          id={`phase-title-${i}`}
          fieldClass="grow"
          type="text"
          label={t('templatePhaseTitle')}
          value={phase.title}
          onValue={(title) => onEdit({ title })}
        />
        <InputField
          id={`phase-minutes-${i}`}
          type="number"
          min={MIN_PHASE_MINUTES}
          max={MAX_PHASE_MINUTES}
          label={t('templatePhaseMinutes')}
          value={phase.minutes}
          onValue={(minutes) => onEdit({ minutes: Number(minutes) })}
        />
      </div>
      <InputField
        id={`phase-prompt-${i}`}
        type="text"
        label={t('templatePhasePrompt')}
        value={phase.prompt}
        onValue={(prompt) => onEdit({ prompt: prompt.slice(0, PHASE_PROMPT_MAX) })}
      />
      <button type="button" class="link small" onClick={onRemove}>
        {t('templateRemovePhase', i + 1)}
      </button>
    </fieldset>
  );
}
