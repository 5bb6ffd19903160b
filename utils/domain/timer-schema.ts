/**
 * The stored shape of the clock's event log, apart from the clock's logic so
 * that pages which only store or check a log do not load the logic.
 * Pure: no browser calls.
 */
import * as v from 'valibot';

const At = v.pipe(v.number(), v.minValue(0));

/** Who ended a session: the coach, the call's end, or Sidecoach itself (a clock left running). */
const END_BY = ['coach', 'call', 'auto'] as const;
export type EndedBy = (typeof END_BY)[number];

const TimerEventSchema = v.variant('type', [
  v.object({ type: v.picklist(['start', 'pause', 'resume', 'next', 'back', 'reset']), at: At }),
  v.object({
    type: v.literal('extend'),
    at: At,
    minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240)),
  }),
  /**
   * The session ended at `at` (logs written before sessions could end have none, and stay valid).
   * A coach's correction of the end time is another `end` with `correctedAt`, the moment it was
   * corrected: the latest correction wins over the first end (the log stays append-only, so two
   * pages merging it agree).
   */
  v.object({
    type: v.literal('end'),
    at: At,
    by: v.picklist(END_BY),
    correctedAt: v.optional(At),
  }),
]);
export type TimerEvent = v.InferOutput<typeof TimerEventSchema>;
/** The events that carry nothing but their type and time. */
export type PlainTimerEventType = Exclude<TimerEvent['type'], 'extend' | 'end'>;
export const TimerLogSchema = v.pipe(v.array(TimerEventSchema), v.maxLength(10_000));
