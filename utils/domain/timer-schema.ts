/**
 * The stored shape of the clock's event log, apart from the clock's logic so
 * that pages which only store or check a log do not load the logic.
 * Pure: no browser calls.
 */
import * as v from 'valibot';

export const TimerEventSchema = v.variant('type', [
  v.object({ type: v.picklist(['start', 'pause', 'resume', 'next', 'back', 'reset']), at: v.pipe(v.number(), v.minValue(0)) }),
  v.object({
    type: v.literal('extend'),
    at: v.pipe(v.number(), v.minValue(0)),
    minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240)),
  }),
]);
export type TimerEvent = v.InferOutput<typeof TimerEventSchema>;
export const TimerLogSchema = v.pipe(v.array(TimerEventSchema), v.maxLength(10_000));
