/**
 * A session's date as people mean it: a day, and a time of day in a time zone
 * only when one was picked. A day without a time stays a day (on the card, in
 * the calendar as an all-day event); a time is the wall-clock time in the
 * zone it was picked in, turned into an instant only where one is needed.
 * Pure: no browser calls (the `Intl` built-in turns wall time into an instant).
 */
import type { SessionDate } from './model';

export { type SessionDate, SessionDateSchema } from './model';

/** Whether `zone` is a time zone this runtime knows. */
export function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The offset of `zone` from UTC at the instant `at`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

const [Y, M, D] = [0, 1, 2];
function dayParts(day: string): [number, number, number] {
  const p = day.split('-').map(Number);
  return [p[Y] ?? 1970, p[M] ?? 1, p[D] ?? 1];
}

/**
 * The instant a session date names (epoch ms): the wall-clock time in its zone
 * (two passes, so a date across a daylight-saving change is right); a day
 * without a time counts from noon in `localZone` (for reminders and ordering only).
 */
export function instantOf(date: SessionDate, localZone: string): number {
  const [y, m, d] = dayParts(date.day);
  const [hh, mm] = date.time ? date.time.split(':').map(Number) : [12, 0];
  const zone = date.time && date.zone && knownZone(date.zone) ? date.zone : localZone;
  const wall = Date.UTC(y, m - 1, d, hh ?? 12, mm ?? 0);
  const guess = wall - zoneOffsetMs(zone, wall);
  return wall - zoneOffsetMs(zone, guess);
}

/** The session date of an instant kept by older versions (the day only: they stored noon for a day picked without a time). */
export function dayOfInstant(at: number, localZone: string): SessionDate {
  const shifted = new Date(at + zoneOffsetMs(localZone, at));
  return { day: shifted.toISOString().slice(0, 10), time: null, zone: null };
}

/** The wall-clock day (YYYY-MM-DD) and time of day (HH:MM) of the instant `at` in `zone`. */
export function wallClock(at: number, zone: string): { day: string; time: string } {
  const iso = new Date(at + zoneOffsetMs(zone, at)).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** How many calendar days in `zone` lie from the day of `from` to the day of `to` (0: the same day, 1: the next). */
export function calendarDaysBetween(from: number, to: number, zone: string): number {
  const day = (at: number) => {
    const [y, m, d] = dayParts(wallClock(at, zone).day);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** The day after `day` (YYYY-MM-DD), for an all-day event's end. */
export function nextDay(day: string): string {
  const [y, m, d] = dayParts(day);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
