import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { type availableActions, eventForCommand, type TimerView } from '../../utils/domain/timer';
import { t } from '../../utils/platform/i18n';
import { lazyModule, useLazy } from '../hooks/useLazy';
import type { Clock } from './useClock';

/** Add the event a command (a button or its shortcut) means now, if it means one. */
export function command(clock: Clock, name: 'toggle-clock' | 'next-phase'): void {
  const event = eventForCommand(name, clock.view.peek(), Date.now());
  if (event) clock.add(event);
}

/** The ⋯ popover's controls and the question Reset and End ask: loaded when ⋯ is first opened. */
const clockMore = lazyModule(() => import('./ClockMore').then((m) => m.ClockMore));

/**
 * Start/Pause/Resume and Next, and ⋯: the rarer controls (Back, five minutes
 * more, Reset, End) one click away in a popover that opens in place, over the
 * page, so the row of buttons never moves.
 */
export function ClockControls({
  clock,
  status,
  can,
}: {
  clock: Clock;
  status: TimerView['status'];
  can: ReturnType<typeof availableActions>;
}) {
  const open = useSignal(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const More = useLazy(clockMore, open.value);
  return (
    <div class="controls">
      {/* One button, so focus stays on it as Start becomes Pause and Resume. */}
      <button type="button" class="primary" onClick={() => command(clock, 'toggle-clock')} aria-keyshortcuts="Alt+S">
        {t(status === 'idle' ? 'btnStart' : status === 'running' ? 'btnPause' : 'btnResume')}
      </button>
      <button type="button" onClick={() => command(clock, 'next-phase')} disabled={!can.next} aria-keyshortcuts="Alt+N">
        {t('btnNext')}
      </button>
      <button
        type="button"
        class="more-toggle"
        ref={toggle}
        aria-expanded={open.value}
        aria-controls="clock-more"
        onClick={() => (open.value = !open.value)}
      >
        <span aria-hidden="true">⋯</span>
        <span class="sr-only">{t('clockMore')}</span>
      </button>
      {More && <More clock={clock} can={can} open={open} toggle={toggle} />}
    </div>
  );
}
