import { describe, expect, it } from 'vitest';
import { firstStartAt, mergeTimerLogs } from '../../../../utils/domain/timer-log';
import type { TimerEvent } from '../../../../utils/domain/timer-schema';

const start: TimerEvent = { type: 'start', at: 100 };
const pause: TimerEvent = { type: 'pause', at: 200 };
const next: TimerEvent = { type: 'next', at: 150 };
const extend: TimerEvent = { type: 'extend', at: 250, minutes: 5 };

describe('mergeTimerLogs', () => {
  it('keeps what both pages added since the base, in time order', () => {
    expect(mergeTimerLogs([start], [start, pause], [start, next])).toEqual([start, next, pause]);
  });

  it('never doubles an event both pages stored', () => {
    expect(mergeTimerLogs([start], [start, pause], [start, pause])).toEqual([start, pause]);
  });

  it('tells two extends apart by their minutes', () => {
    const ten: TimerEvent = { type: 'extend', at: 250, minutes: 10 };
    expect(mergeTimerLogs([], [extend], [ten])).toEqual([ten, extend]);
  });

  it('keeps an event the other page removed (a reset keeps the log append-only)', () => {
    expect(mergeTimerLogs([start], [start], [])).toEqual([]);
    expect(mergeTimerLogs([], [start], [])).toEqual([start]);
  });
});

describe('firstStartAt', () => {
  it('is the first start, or null before the clock ever ran', () => {
    expect(firstStartAt([next, start, { type: 'start', at: 900 }])).toBe(100);
    expect(firstStartAt([])).toBeNull();
  });
});
