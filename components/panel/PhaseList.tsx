import { type ReadonlySignal, useComputed } from '@preact/signals';
import type { Phase } from '../../utils/domain/agenda';
import { formatDuration, type TimerView } from '../../utils/domain/timer';
import { t } from '../../utils/platform/i18n';

interface PhaseListProps {
  view: ReadonlySignal<TimerView>;
  agenda: ReadonlySignal<Phase[]>;
  phaseIndex: ReadonlySignal<number>;
  status: ReadonlySignal<TimerView['status']>;
}

/** The agenda's phases with planned and actual time; the current one is marked in words and shape, not colour alone. */
export function PhaseList({ view, agenda, phaseIndex, status }: PhaseListProps) {
  return (
    <ol class="phases" aria-labelledby="phase-list-heading">
      {agenda.value.map((phase, i) => (
        <PhaseRow
          key={phase.id}
          phase={phase}
          index={i}
          view={view}
          current={status.value !== 'idle' && i === phaseIndex.value}
          done={status.value !== 'idle' && i < phaseIndex.value}
        />
      ))}
    </ol>
  );
}

function PhaseRow({
  phase,
  index,
  view,
  current,
  done,
}: {
  phase: Phase;
  index: number;
  view: ReadonlySignal<TimerView>;
  current: boolean;
  done: boolean;
}) {
  const actual = useComputed(() => formatDuration(view.value.phases[index]?.actualMs ?? 0));
  const replanned = useComputed(() => {
    const p = view.value.phases[index];
    if (p?.state !== 'upcoming' || view.value.status === 'idle') return '';
    const minutes = Math.round(p.adjustedMs / 60_000);
    return minutes !== Math.round(p.plannedMs / 60_000) ? ` · ${t('phaseReplanned', minutes)}` : '';
  });
  const planned = useComputed(() => Math.round((view.value.phases[index]?.plannedMs ?? phase.minutes * 60_000) / 60_000));
  return (
    <li class={current ? 'phase current' : done ? 'phase done' : 'phase'} aria-current={current ? 'step' : undefined}>
      <span class="phase-title">
        {current && <span class="pill">{t('phaseCurrentMarker')}</span>}
        {done && <span class="pill subtle">{t('phaseDoneMarker')}</span>} {phase.title}
      </span>
      <span class="phase-times small muted">
        <PlannedActual planned={planned} actual={actual} />
        {replanned}
      </span>
    </li>
  );
}

/** "planned 25 min · so far 3:10", with both numbers as live text. */
function PlannedActual({ planned, actual }: { planned: ReadonlySignal<number>; actual: ReadonlySignal<string> }) {
  const text = useComputed(() => t('phasePlannedActual', planned.value, actual.value));
  return <>{text}</>;
}
