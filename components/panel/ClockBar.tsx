import { type ReadonlySignal, useComputed, useSignal, useSignalEffect } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Phase } from '../../utils/domain/agenda';
import { availableActions, formatDuration, type TimerView } from '../../utils/domain/timer';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { useAltKeys } from '../hooks/useAltKeys';
import { ClockControls, command } from './ClockControls';
import type { Clock } from './useClock';

const FIVE_MINUTES = 5 * 60_000;

/**
 * The clock bar, pinned to the top of the panel: the phase and its time left,
 * the hour's time left and when it ends, a progress line with the phase
 * boundaries, Start/Pause/Resume and Next, and the rarer controls one click
 * away. Components re-render only when the status, the phase or a warning
 * changes; the seconds reach the page as text bound to computed signals.
 */
export function ClockBar({ clock, compact, onCompact }: { clock: Clock; compact: boolean; onCompact: (on: boolean) => void }) {
  const { agenda, view } = clock;

  const status = useComputed(() => view.value.status);
  const phaseIndex = useComputed(() => view.value.phaseIndex);
  const phaseOver = useComputed(() => view.value.phaseRemainingMs < 0);
  const sessionOver = useComputed(() => view.value.sessionRemainingMs < 0);
  // Only while the session is live: a clock past its auto-end reads as ended, never "five minutes left" the next day.
  const fiveLeft = useComputed(() => {
    const { status: s, sessionRemainingMs } = view.value;
    return (s === 'running' || s === 'paused') && sessionRemainingMs <= FIVE_MINUTES && sessionRemainingMs >= 0;
  });
  const squeezed = useComputed(() => view.value.wrapUpSqueezed);
  const phaseClock = useComputed(() => formatDuration(Math.abs(view.value.phaseRemainingMs)));
  const sessionClock = useComputed(() => formatDuration(Math.abs(view.value.sessionRemainingMs)));
  const elapsed = useComputed(() => Math.min(view.value.sessionElapsedMs, view.value.sessionMs));
  const sessionMs = useComputed(() => view.value.sessionMs);
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit' }), []);
  // The end of the hour as a time of day: changes at most once a minute while running, and shows a pause moving it.
  const endsText = useComputed(() => {
    const { endsAt, status: s, sessionRemainingMs } = view.value;
    if (endsAt === null) return '';
    const time = timeFormat.format(Math.round(endsAt / 60_000) * 60_000);
    if (sessionRemainingMs < 0) return t('clockEndedAt', time);
    return s === 'paused' ? t('clockPausedEndsAt', time) : t('clockEndsAt', time);
  });

  // Alt+S starts, pauses or resumes; Alt+N moves to the next phase.
  useAltKeys({ KeyS: () => command(clock, 'toggle-clock'), KeyN: () => command(clock, 'next-phase') });
  const bar = useRef<HTMLElement>(null);
  useBarHeight(bar);

  // Rendering reads only coarse signals; peek() keeps the view's per-second changes out of this component.
  const can = availableActions({ ...view.peek(), status: status.value, phaseIndex: phaseIndex.value });
  const phase: Phase | undefined = agenda.value[phaseIndex.value];
  const warning = sessionOver.value ? 'sessionOver' : squeezed.value ? 'wrapUpSqueezed' : fiveLeft.value ? 'wrapUpWarning' : null;

  return (
    <section class="clockbar" aria-labelledby="clock-heading" ref={bar}>
      <h2 id="clock-heading" class="sr-only">
        {t('clockHeading')}
      </h2>
      <div class="clockbar-head">
        <p class="phase-name">
          <span class="phase-title-text">{phase?.title}</span>
          {status.value === 'idle' && <span class="pill">{t('clockIdle')}</span>}
          {status.value === 'paused' && <span class="pill">{t('clockPaused')}</span>}
        </p>
        <button type="button" class="link small" aria-pressed={compact} title={t('panelCompactHelp')} onClick={() => onCompact(!compact)}>
          {t('panelCompact')}
        </button>
      </div>
      {phase?.prompt.trim() && (
        <p class="phase-prompt small muted" title={phase.prompt}>
          {phase.prompt}
        </p>
      )}
      <div class="clocks">
        <ClockFace
          size="big-clock"
          id="phase-clock-label"
          over={phaseOver}
          label={t('clockPhaseLabel')}
          overLabel={t('clockPhaseOverLabel')}
          text={phaseClock}
        />
        <div class="hour">
          <ClockFace
            size="small-clock"
            id="session-clock-label"
            over={sessionOver}
            label={t('clockSessionLabel')}
            overLabel={t('clockOvertimeLabel')}
            text={sessionClock}
          />
          <span class="small muted ends">{endsText}</span>
        </div>
      </div>
      <HourLine agenda={agenda} elapsed={elapsed} sessionMs={sessionMs} />
      {warning && (
        <p class="warning" role="note">
          {t(warning)}
        </p>
      )}
      <Announcer
        phaseIndex={phaseIndex}
        agenda={agenda}
        fiveLeft={fiveLeft}
        sessionOver={sessionOver}
        status={status}
        loaded={clock.log.loaded}
      />
      <ClockControls clock={clock} status={status.value} can={can} />
    </section>
  );
}

/**
 * Keep the bar's height in the CSS variable `--bar-h`, so the notes fill the
 * rest of the first view and focused fields scroll clear of the pinned bar.
 */
function useBarHeight(bar: { current: HTMLElement | null }) {
  useEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--bar-h', `${Math.ceil(el.getBoundingClientRect().height)}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      // Without the bar (an ended session shows its summary instead), nothing is pinned on top.
      root.style.setProperty('--bar-h', '0px');
    };
  }, [bar]);
}

/** The hour as a thin line: the elapsed part filled, a tick at each planned phase boundary. */
function HourLine({
  agenda,
  elapsed,
  sessionMs,
}: {
  agenda: ReadonlySignal<Phase[]>;
  elapsed: ReadonlySignal<number>;
  sessionMs: ReadonlySignal<number>;
}) {
  const total = agenda.value.reduce((sum, p) => sum + p.minutes, 0) || 1;
  let at = 0;
  const ticks = agenda.value.slice(0, -1).map((p) => {
    at += p.minutes;
    return (at / total) * 100;
  });
  return (
    <div class="hourline">
      <progress aria-label={t('clockProgress')} max={sessionMs} value={elapsed} />
      <div class="ticks" aria-hidden="true">
        {ticks.map((left) => (
          <span key={left} class="tick" style={{ left: `${left}%` }} />
        ))}
      </div>
    </div>
  );
}

interface AnnouncerProps {
  phaseIndex: ReadonlySignal<number>;
  agenda: ReadonlySignal<Phase[]>;
  fiveLeft: ReadonlySignal<boolean>;
  sessionOver: ReadonlySignal<boolean>;
  status: ReadonlySignal<TimerView['status']>;
  loaded: ReadonlySignal<boolean>;
}

/** Tells screen readers about phase changes and the last five minutes; never the seconds. */
function Announcer({ phaseIndex, agenda, fiveLeft, sessionOver, status, loaded }: AnnouncerProps) {
  const message = useSignal('');
  // The phase last announced (or shown when the panel opened); null while the clock is not live.
  const announced = useRef<number | null | undefined>(undefined);
  useSignalEffect(() => {
    const index = phaseIndex.value;
    const live = status.value === 'running' || status.value === 'paused';
    // Until the stored log is read, what shows is not the clock yet.
    if (!loaded.value) return;
    const before = announced.current;
    announced.current = live ? index : null;
    // Only a change of phase (a start included) is announced: not the panel opening, not a pause.
    if (before === undefined || !live || before === index) return;
    const phase = agenda.peek()[index];
    // The phase and its prompt from the template: what the coach needs from this phase on.
    if (phase) message.value = `${t('announcePhase', phase.title)} ${phase.prompt.trim()}`.trim();
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
