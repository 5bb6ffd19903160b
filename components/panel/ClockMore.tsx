import { type Signal, useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { endEvent } from '../../utils/domain/session-life';
import type { availableActions } from '../../utils/domain/timer';
import { t } from '../../utils/platform/i18n';
import type { Clock } from './useClock';

/**
 * The clock's ⋯ popover (Back, five minutes more, Reset, End) and the question
 * Reset and End ask first. Open, focus is on its first usable control; Escape
 * closes it and returns focus to ⋯, a click outside closes it.
 */
export function ClockMore({
  clock,
  can,
  open,
  toggle,
}: {
  clock: Clock;
  can: ReturnType<typeof availableActions>;
  /** Whether the popover shows (⋯ toggles it). */
  open: Signal<boolean>;
  /** The ⋯ button, where focus returns. */
  toggle: RefObject<HTMLButtonElement | null>;
}) {
  // Reset and End, one click from the clock, are asked once (End in the wrap-up is the deliberate step).
  const confirming = useSignal<'reset' | 'end' | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const answer = useRef<HTMLButtonElement>(null);
  const ending = confirming.value === 'end';
  useEffect(() => {
    const el = body.current;
    if (!open.value || !el) return;
    el.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const outside = (e: Event) => {
      const target = e.target as Node;
      if (!el.contains(target) && !toggle.current?.contains(target)) open.value = false;
    };
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      open.value = false;
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', onEscape);
    };
  }, [open.value]);
  useEffect(() => answer.current?.focus(), [confirming.value]);
  const ask = (what: 'reset' | 'end') => {
    open.value = false;
    // The question takes the menu's place: focus goes to its answer (by the effect above).
    confirming.value = what;
  };
  const confirm = () => {
    const event = ending ? endEvent(clock.view.peek(), Date.now()) : { type: 'reset' as const, at: Date.now() };
    if (event) clock.add(event);
    confirming.value = null;
  };
  return (
    <>
      <div id="clock-more" class="more-body" ref={body} hidden={!open.value}>
        <button type="button" onClick={() => clock.add({ type: 'back', at: Date.now() })} disabled={!can.back}>
          {t('btnBack')}
        </button>
        <button type="button" onClick={() => clock.add({ type: 'extend', at: Date.now(), minutes: 5 })} disabled={!can.extend}>
          {t('btnExtend')}
          <span class="sr-only"> {t('btnExtendLabel')}</span>
        </button>
        <button type="button" onClick={() => ask('reset')} disabled={!can.reset}>
          {t('btnReset')}
        </button>
        <button type="button" onClick={() => ask('end')} disabled={!can.end}>
          {t('endSession')}
        </button>
        <p class="muted small">{t('shortcutsHint')}</p>
      </div>
      {confirming.value && (
        <fieldset class="confirm">
          <legend class="sr-only">{t(ending ? 'endSession' : 'btnReset')}</legend>
          <p>{t(ending ? 'endConfirmText' : 'resetConfirmText')}</p>
          <button type="button" ref={answer} onClick={confirm}>
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
