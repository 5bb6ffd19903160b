import { describe, expect, it } from 'vitest';
import { correctEnd, endOnDay } from '../../../../utils/domain/end-correction';
import { instantOf, wallClock } from '../../../../utils/domain/session-date';
import { timerView } from '../../../../utils/domain/timer';
import type { TimerEvent } from '../../../../utils/domain/timer-schema';
import { agenda, at, DAY, end, ev, M, T0 } from '../../timer-events';

/** The hour run as planned and ended by the coach at 60 minutes. */
const hour: TimerEvent[] = [ev('start', 0), ev('next', 25), ev('next', 50), end(60)];

describe('correcting the end time', () => {
  it('refuses a time before the start or in the future, a text that is no time, and a session that has not ended', () => {
    // T0 is 10:00 UTC: the session ran from 10:00 to 11:00, and it is 11:10 now.
    const view = timerView(hour, agenda, at(70));
    expect(correctEnd(view, '09:55', 'UTC', at(70))).toEqual({ problem: 'beforeStart' });
    expect(correctEnd(view, '11:11', 'UTC', at(70))).toEqual({ problem: 'inFuture' });
    expect(correctEnd(view, '', 'UTC', at(70))).toEqual({ problem: 'noTime' });
    expect(correctEnd(view, '24:10', 'UTC', at(70))).toEqual({ problem: 'noTime' });
    expect(correctEnd(timerView([ev('start', 0)], agenda, at(5)), '10:04', 'UTC', at(5))).toEqual({ problem: 'notEnded' });
    expect(correctEnd(view, '10:55', 'UTC', at(70))).toEqual({
      event: { type: 'end', at: at(55), by: 'coach', correctedAt: at(70) },
      nextDay: false,
    });
  });
});

describe('correcting the end to a time of day: the day it belongs to', () => {
  /** A session begun at `start` (wall time on `day` in `zone`), ended by Sidecoach 90 minutes later, its end corrected to `typed`. */
  const corrected = (day: string, start: string, zone: string, typed: string, now = Number.POSITIVE_INFINITY) => {
    const startedAt = instantOf({ day, time: start, zone }, zone);
    const log: TimerEvent[] = [
      { type: 'start', at: startedAt },
      { type: 'end', at: startedAt + 90 * M, by: 'auto' },
    ];
    const result = correctEnd(timerView(log, agenda, startedAt + DAY), typed, zone, now);
    if ('problem' in result) return result;
    return { nextDay: result.nextDay, minutes: timerView([...log, result.event], agenda, startedAt + DAY).sessionElapsedMs / M };
  };

  it('a session from 23:10 ends at 23:59 that evening or at 00:35 the next morning, never "in the future"', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/St_Johns', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Asia/Kathmandu']) {
      expect({ zone, ...corrected('2026-11-25', '23:10', zone, '23:59') }).toMatchObject({ zone, nextDay: false, minutes: 49 });
      expect({ zone, ...corrected('2026-11-25', '23:10', zone, '00:35') }).toMatchObject({ zone, nextDay: true, minutes: 85 });
      expect(wallClock(instantOf({ day: '2026-11-25', time: '23:10', zone }, zone) + 85 * M, zone)).toEqual({
        day: '2026-11-26',
        time: '00:35',
      });
    }
  });

  it('reads the typed time against the session’s start, not against the recorded end’s day nor the machine’s', () => {
    // Sidecoach ended it at 00:40 the next day: 23:59 is still that evening, and a time it has not reached yet is refused.
    const startedAt = instantOf({ day: '2026-11-25', time: '23:10', zone: 'Europe/Berlin' }, 'Europe/Berlin');
    expect(corrected('2026-11-25', '23:10', 'Europe/Berlin', '23:59', startedAt + 60 * M)).toMatchObject({ nextDay: false, minutes: 49 });
    expect(corrected('2026-11-25', '23:10', 'Europe/Berlin', '00:35', startedAt + 60 * M)).toEqual({ problem: 'inFuture' });
    expect(corrected('2026-11-25', '23:10', 'Europe/Berlin', '00:35', startedAt + 85 * M)).toMatchObject({ minutes: 85 });
  });

  it('a time earlier than the start is the next morning only within half a day: later, it is before the start', () => {
    expect(corrected('2026-11-25', '23:10', 'UTC', '10:00')).toMatchObject({ nextDay: true, minutes: 650 });
    expect(corrected('2026-11-25', '23:10', 'UTC', '11:10')).toMatchObject({ nextDay: true, minutes: 720 });
    expect(corrected('2026-11-25', '23:10', 'UTC', '11:11')).toEqual({ problem: 'beforeStart' });
    expect(corrected('2026-11-25', '23:10', 'UTC', '22:40')).toEqual({ problem: 'beforeStart' });
    // The same minute as the start: that day (a session that ended as it began), never 24 hours later.
    expect(corrected('2026-11-25', '23:10', 'UTC', '23:10')).toMatchObject({ nextDay: false, minutes: 0 });
    // A session of the morning: an earlier time is before its start.
    expect(corrected('2026-11-25', '10:00', 'UTC', '09:30')).toEqual({ problem: 'beforeStart' });
    expect(corrected('2026-11-25', '10:00', 'UTC', '11:05')).toMatchObject({ nextDay: false, minutes: 65 });
  });

  it('counts real minutes across a daylight-saving change in the night (the wall time typed stays the time meant)', () => {
    // Berlin springs forward at 02:00 on 29 March 2026 (an hour less) and falls back at 03:00 on 25 October (an hour more).
    expect(corrected('2026-03-28', '23:10', 'Europe/Berlin', '03:30')).toMatchObject({ nextDay: true, minutes: 200 });
    expect(corrected('2026-10-24', '23:10', 'Europe/Berlin', '03:30')).toMatchObject({ nextDay: true, minutes: 320 });
    // Lord Howe moves by half an hour; Chatham by an hour at a quarter to the hour.
    expect(corrected('2026-10-03', '23:10', 'Australia/Lord_Howe', '02:40')).toMatchObject({ nextDay: true, minutes: 180 });
    expect(corrected('2026-04-04', '23:10', 'Pacific/Chatham', '04:10')).toMatchObject({ nextDay: true, minutes: 360 });
  });

  it('takes the time as a time input gives it, or as typed with one hour digit', () => {
    expect(endOnDay(T0, '9:05', 'UTC')).toEqual({ at: at(23 * 60 + 5), nextDay: true });
    expect(endOnDay(T0, '11:05', 'UTC')).toEqual({ at: at(65), nextDay: false });
    expect(endOnDay(T0, ' 11:05 ', 'UTC')).toEqual({ at: at(65), nextDay: false });
    expect(endOnDay(T0, '11.05', 'UTC')).toBeNull();
    expect(endOnDay(T0, '11:5', 'UTC')).toBeNull();
  });
});
