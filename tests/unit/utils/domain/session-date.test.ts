import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, instantOf, wallClock } from '../../../../utils/domain/session-date';

const H = 3_600_000;

describe('wall-clock days in a zone', () => {
  it('reads an instant as the day and time of day on the zone’s clocks, half- and three-quarter-hour offsets included', () => {
    const at = Date.UTC(2026, 10, 25, 10, 20);
    expect(wallClock(at, 'UTC')).toEqual({ day: '2026-11-25', time: '10:20' });
    expect(wallClock(at, 'America/St_Johns')).toEqual({ day: '2026-11-25', time: '06:50' });
    expect(wallClock(at, 'Pacific/Chatham')).toEqual({ day: '2026-11-26', time: '00:05' });
    expect(wallClock(at, 'Pacific/Kiritimati')).toEqual({ day: '2026-11-26', time: '00:20' });
    // And back: the wall time in the zone names the same instant.
    for (const zone of ['UTC', 'America/St_Johns', 'Pacific/Chatham', 'Pacific/Kiritimati']) {
      expect(instantOf({ ...wallClock(at, zone), zone }, zone)).toBe(at);
    }
  });

  it('counts calendar days on the zone’s clocks: 23:10 to 00:40 is the next day, however few hours apart', () => {
    const start = instantOf({ day: '2026-11-25', time: '23:10', zone: 'Pacific/Chatham' }, 'Pacific/Chatham');
    expect(calendarDaysBetween(start, start + 49 * 60_000, 'Pacific/Chatham')).toBe(0);
    expect(calendarDaysBetween(start, start + 90 * 60_000, 'Pacific/Chatham')).toBe(1);
    expect(calendarDaysBetween(start, start + 25 * H, 'Pacific/Chatham')).toBe(2);
    // The same two instants are one day in UTC (10:25 and 11:55 UTC): the zone decides.
    expect(calendarDaysBetween(start, start + 90 * 60_000, 'UTC')).toBe(0);
    // A night with a daylight-saving change is still one day.
    const berlin = instantOf({ day: '2026-03-28', time: '23:10', zone: 'Europe/Berlin' }, 'Europe/Berlin');
    expect(calendarDaysBetween(berlin, berlin + 23 * H, 'Europe/Berlin')).toBe(1);
  });
});
