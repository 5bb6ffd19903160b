import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { endEvent } from '../../utils/domain/session-life';
import { type availableActions, eventForCommand, type TimerView } from '../../utils/domain/timer';
import { t } from '../../utils/platform/i18n';
import type { Clock } from './useClock';

/** Add the event a command (a button or its shortcut) means now, if it means one. */
export function command(clock: Clock, name: 'toggle-clock' | 'next-phase'): void {
  const event = eventForCommand(name, clock.view.peek(), Date.now());
  if (event) clock.add(event);
}

/**
 * Start/Pause/Resume and Next, the rarer controls one click away (Back, five
 * minutes more, Reset, End) in a popover over the page, and the question Reset
 * and End ask first.
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
  // Reset and End, one click from the clock, are asked once (End in the wrap-up is the deliberate step).
  const confirming = useSignal<'reset' | 'end' | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const ending = confirming.value === 'end';
  const confirm = () => {
    const event = ending ? endEvent(clock.view.peek(), Date.now()) : { type: 'reset' as const, at: Date.now() };
    if (event) clock.add(event);
    confirming.value = null;
  };
  const ask = (what: 'reset' | 'end') => {
    confirming.value = what;
    // The question replaces the menu: focus goes to its answer, never to the page's top.
    queueMicrotask(() => confirmRef.current?.focus());
  };
  return (
    <>
      <div class="controls">
        {/* One button, so focus stays on it as Start becomes Pause and Resume. */}
        <button type="button" class="primary" onClick={() => command(clock, 'toggle-clock')} aria-keyshortcuts="Alt+S">
          {t(status === 'idle' ? 'btnStart' : status === 'running' ? 'btnPause' : 'btnResume')}
        </button>
        <button type="button" onClick={() => command(clock, 'next-phase')} disabled={!can.next} aria-keyshortcuts="Alt+N">
          {t('btnNext')}
        </button>
        <MoreMenu>
          {(close) => (
            <>
              <button type="button" onClick={() => clock.add({ type: 'back', at: Date.now() })} disabled={!can.back}>
                {t('btnBack')}
              </button>
              <button type="button" onClick={() => clock.add({ type: 'extend', at: Date.now(), minutes: 5 })} disabled={!can.extend}>
                {t('btnExtend')}
                <span class="sr-only"> {t('btnExtendLabel')}</span>
              </button>
              <button
                type="button"
                onClick={() => {
                  close(false);
                  ask('reset');
                }}
                disabled={!can.reset}
              >
                {t('btnReset')}
              </button>
              <button
                type="button"
                onClick={() => {
                  close(false);
                  ask('end');
                }}
                disabled={!can.end}
              >
                {t('endSession')}
              </button>
              <p class="muted small">{t('shortcutsHint')}</p>
            </>
          )}
        </MoreMenu>
      </div>
      {confirming.value && (
        <fieldset class="confirm">
          <legend class="sr-only">{t(ending ? 'endSession' : 'btnReset')}</legend>
          <p>{t(ending ? 'endConfirmText' : 'resetConfirmText')}</p>
          <button type="button" ref={confirmRef} onClick={confirm}>
            {t(ending ? 'endConfirm' : 'resetConfirm')}
          </button>
          <button type="button" onClick={() => (confirming.value = null)}>
            {t(ending ? 'endCancel' : 'resetCancel')}
          </button>
        </fieldset>
      )}
    </>
  );
}

/**
 * The ⋯ button and its popover: it opens in place, over what is below (the row
 * of buttons never moves), with focus on its first control; Escape, a click
 * outside or focus leaving it closes it, and Escape returns focus to ⋯.
 */
function MoreMenu({ children }: { children: (close: (refocus: boolean) => void) => ComponentChildren }) {
  const open = useSignal(false);
  const wrap = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    open.value = false;
    if (refocus) toggle.current?.focus();
  };
  useEffect(() => {
    const el = wrap.current;
    if (!open.value || !el) return;
    el.querySelector<HTMLButtonElement>('.more-body button:not(:disabled)')?.focus();
    const outside = (e: Event) => {
      if (!el.contains(e.target as Node)) close(false);
    };
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close(true);
    };
    const left = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !el.contains(e.relatedTarget)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    el.addEventListener('keydown', onEscape);
    el.addEventListener('focusout', left);
    return () => {
      document.removeEventListener('pointerdown', outside);
      el.removeEventListener('keydown', onEscape);
      el.removeEventListener('focusout', left);
    };
  }, [open.value]);
  return (
    <div class="more" ref={wrap}>
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
      <div id="clock-more" class="more-body" hidden={!open.value}>
        {children(close)}
      </div>
    </div>
  );
}
