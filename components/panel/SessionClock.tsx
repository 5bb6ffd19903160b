import { type ReadonlySignal, useComputed, useSignal, useSignalEffect } from '@preact/signals';
import type { Phase } from '../../utils/domain/agenda';
import { availableActions, eventForCommand, formatDuration, type TimerView } from '../../utils/domain/timer';
import type { TimerEvent } from '../../utils/domain/timer-schema';
import { t } from '../../utils/platform/i18n';
import { useAltKeys } from '../hooks/useAltKeys';
import type { Clock } from '../hooks/useClock';
import { AgendaPicker } from './AgendaPicker';
import { PhaseList } from './PhaseList';

const FIVE_MINUTES = 5 * 60_000;

/**
 * The session clock: phase and session timers, progress, phases, controls.
 * Components re-render only when the status, the phase or a warning changes;
 * the seconds reach the page as text bound to computed signals.
 */
export function SessionClock({ clock, sessionId }: { clock: Clock; sessionId: string }) {
  const { log, agenda, view } = clock;

  const status = useComputed(() => view.value.status);
  const phaseIndex = useComputed(() => view.value.phaseIndex);
  const phaseOver = useComputed(() => view.value.phaseRemainingMs < 0);
  const sessionOver = useComputed(() => view.value.sessionRemainingMs < 0);
  const fiveLeft = useComputed(
    () => view.value.status !== 'idle' && view.value.sessionRemainingMs <= FIVE_MINUTES && view.value.sessionRemainingMs >= 0,
  );
  const squeezed = useComputed(() => view.value.wrapUpSqueezed);

  const phaseClock = useComputed(() => formatDuration(Math.abs(view.value.phaseRemainingMs)));
  const sessionClock = useComputed(() => formatDuration(Math.abs(view.value.sessionRemainingMs)));
  const elapsed = useComputed(() => Math.min(view.value.sessionElapsedMs, view.value.sessionMs));
  const sessionMs = useComputed(() => view.value.sessionMs);

  const append = (type: Exclude<TimerEvent['type'], 'extend'>) => log.set([...log.value.peek(), { type, at: Date.now() }]);
  const extend = () => log.set([...log.value.peek(), { type: 'extend', at: Date.now(), minutes: 5 }]);
  const confirmReset = useSignal(false);

  // Rendering reads only coarse signals; peek() keeps the view's per-second changes out of this component.
  const current: TimerView = view.peek();
  const can = availableActions({ ...current, status: status.value, phaseIndex: phaseIndex.value });
  const phase: Phase | undefined = agenda.value[phaseIndex.value];

  const command = (name: 'toggle-clock' | 'next-phase') => {
    const event = eventForCommand(name, view.peek(), Date.now());
    if (event) log.set([...log.value.peek(), event]);
  };
  const toggle = () => command('toggle-clock');
  // Alt+S starts, pauses or resumes; Alt+N moves to the next phase.
  useAltKeys({ KeyS: toggle, KeyN: () => command('next-phase') });

  return (
    <section class="card clock" aria-labelledby="clock-heading">
      <h2 id="clock-heading">{t('clockHeading')}</h2>
      <p class="phase-name">
        {phase?.title}
        {status.value === 'idle' && <span class="pill">{t('clockIdle')}</span>}
        {status.value === 'paused' && <span class="pill">{t('clockPaused')}</span>}
      </p>
      {status.value === 'idle' && <AgendaPicker sessionId={sessionId} />}
      {phase && status.value !== 'idle' && <p class="muted small">{phase.prompt}</p>}
      <div class="clocks">
        <ClockFace
          size="big-clock"
          id="phase-clock-label"
          over={phaseOver}
          label={t('clockPhaseLabel')}
          overLabel={t('clockPhaseOverLabel')}
          text={phaseClock}
        />
        <ClockFace
          size="small-clock"
          id="session-clock-label"
          over={sessionOver}
          label={t('clockSessionLabel')}
          overLabel={t('clockOvertimeLabel')}
          text={sessionClock}
        />
      </div>
      <progress aria-label={t('clockProgress')} max={sessionMs} value={elapsed} />
      {sessionOver.value ? (
        <p class="warning" role="note">
          {t('sessionOver')}
        </p>
      ) : squeezed.value ? (
        <p class="warning" role="note">
          {t('wrapUpSqueezed')}
        </p>
      ) : fiveLeft.value ? (
        <p class="warning" role="note">
          {t('wrapUpWarning')}
        </p>
      ) : null}
      <Announcer phaseIndex={phaseIndex} agenda={agenda} fiveLeft={fiveLeft} sessionOver={sessionOver} status={status} />
      <div class="controls">
        {/* One button, so focus stays on it as Start becomes Pause and Resume. */}
        <button type="button" class="primary" onClick={toggle} aria-keyshortcuts="Alt+S">
          {status.value === 'idle' ? t('btnStart') : status.value === 'running' ? t('btnPause') : t('btnResume')}
        </button>
        <button type="button" onClick={() => append('back')} disabled={!can.back}>
          {t('btnBack')}
        </button>
        <button type="button" onClick={() => command('next-phase')} disabled={!can.next} aria-keyshortcuts="Alt+N">
          {t('btnNext')}
        </button>
        <button type="button" onClick={extend} disabled={!can.extend}>
          {t('btnExtend')}
          <span class="sr-only"> {t('btnExtendLabel')}</span>
        </button>
        <button type="button" onClick={() => (confirmReset.value = true)} disabled={!can.reset}>
          {t('btnReset')}
        </button>
      </div>
      {confirmReset.value && (
        <fieldset class="confirm">
          <legend class="sr-only">{t('btnReset')}</legend>
          <p>{t('resetConfirmText')}</p>
          <button
            type="button"
            onClick={() => {
              append('reset');
              confirmReset.value = false;
            }}
          >
            {t('resetConfirm')}
          </button>
          <button type="button" onClick={() => (confirmReset.value = false)}>
            {t('resetCancel')}
          </button>
        </fieldset>
      )}
      <p class="muted small">{t('shortcutsHint')}</p>
      <PhaseList view={view} agenda={agenda} phaseIndex={phaseIndex} status={status} />
    </section>
  );
}

interface AnnouncerProps {
  phaseIndex: ReadonlySignal<number>;
  agenda: ReadonlySignal<Phase[]>;
  fiveLeft: ReadonlySignal<boolean>;
  sessionOver: ReadonlySignal<boolean>;
  status: ReadonlySignal<TimerView['status']>;
}

/** Tells screen readers about phase changes and the last five minutes; never the seconds. */
function Announcer({ phaseIndex, agenda, fiveLeft, sessionOver, status }: AnnouncerProps) {
  const message = useSignal('');
  const first = useSignal(true);
  useSignalEffect(() => {
    const index = phaseIndex.value;
    const running = status.value !== 'idle';
    if (first.peek()) {
      first.value = false;
      return;
    }
    if (running) message.value = t('announcePhase', agenda.peek()[index]?.title ?? '');
  });
  useSignalEffect(() => {
    if (fiveLeft.value) message.value = t('announceFiveMinutes');
  });
  useSignalEffect(() => {
    if (sessionOver.value) message.value = t('announceSessionOver');
  });
  return (
    <p class="sr-only" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}

interface ClockFaceProps {
  size: 'big-clock' | 'small-clock';
  id: string;
  over: ReadonlySignal<boolean>;
  label: string;
  overLabel: string;
  text: ReadonlySignal<string>;
}

/** One labelled `role=timer` clock; the digits are a text node bound to a signal, so a second re-renders nothing. */
function ClockFace({ size, id, over, label, overLabel, text }: ClockFaceProps) {
  return (
    <div class={over.value ? `${size} over` : size}>
      <span class="clock-label" id={id}>
        {over.value ? overLabel : label}
      </span>
      <span role="timer" aria-labelledby={id} class="digits">
        {over.value && '+'}
        {text}
      </span>
    </div>
  );
}
