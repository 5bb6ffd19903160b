import { defaultTemplate, type Phase } from '../../utils/domain/agenda';
import type { PlainTimerEventType, TimerEvent } from '../../utils/domain/timer-schema';
import { T0 } from './sample-data';

/**
 * One hour's agenda and timer events on a fixed epoch, shared by the tests of
 * what a session's clock log means (status, figures, end correction), so they
 * all speak of the same hour.
 */

export { T0 };
/** A minute in milliseconds. */
export const M = 60_000;
/** A day in milliseconds. */
export const DAY = 24 * 60 * M;

/** The default hour (25 + 25 + 10 minutes) with plain titles. */
export const agenda: Phase[] = defaultTemplate({
  name: 'Hour',
  understand: { title: 'Understand', prompt: 'What is the real problem?' },
  plan: { title: 'Plan', prompt: '' },
  wrapUp: { title: 'Wrap up', prompt: '' },
}).phases;

/** The instant `minutes` after T0 (10:00 UTC on 25 November 2026). */
export const at = (minutes: number): number => T0 + minutes * M;

/** A plain clock event `minutes` after T0. */
export const ev = (type: PlainTimerEventType, minutes: number): TimerEvent => ({ type, at: at(minutes) });

/** The session's end, `minutes` after T0, by whoever ended it. */
export const end = (minutes: number, by: 'coach' | 'call' | 'auto' = 'coach'): TimerEvent => ({ type: 'end', at: at(minutes), by });
