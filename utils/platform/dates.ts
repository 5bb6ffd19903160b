/**
 * Dates in the user's language and zone (a platform adapter over the pure
 * session-date rules): a day reads as a day, a time reads with its zone when
 * it is not the reader's.
 */
import { instantOf, type SessionDate } from '../domain/session-date';
import { uiLanguage } from './i18n';

/** The IANA time zone this browser is in. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** How long a date reads: `full` in a page's sentence, `medium` where many dates stand in a document. */
export type DateLength = 'full' | 'medium';

/** A day (YYYY-MM-DD) in words, e.g. "Thursday, 3 December 2026" (`medium`: "3 Dec 2026"). */
export function formatDay(day: string, length: DateLength = 'full'): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: length, timeZone: 'UTC' }).format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/**
 * A session date in words: the day alone when no time was picked; else the
 * day and time in the zone it was picked in, with the zone's name when it is
 * not this browser's.
 */
export function formatSessionDate(date: SessionDate, length: DateLength = 'full'): string {
  if (!date.time) return formatDay(date.day, length);
  const here = localZone();
  const zone = date.zone ?? here;
  const at = instantOf(date, here);
  const text = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: length, timeStyle: 'short', timeZone: zone }).format(at);
  return zone === here ? text : `${text} (${zone.replace(/_/g, ' ')})`;
}
