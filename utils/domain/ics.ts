/**
 * A calendar file (iCalendar, RFC 5545) for one session, for any calendar app.
 * Pure: no browser calls.
 */
import { instantOf, nextDay, type SessionDate } from './session-date';

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/** Escape text for an iCalendar property value. */
const escapeText = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/[,;]/g, (c) => `\\${c}`);
/** Fold lines longer than 75 octets (UTF-8), as the format asks, never inside a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const compactDay = (day: string) => day.replace(/-/g, '');

/**
 * One event for a session date, with a stable uid so importing twice updates it:
 * a day without a time is an all-day event (`DTSTART;VALUE=DATE`); a time is
 * the instant it names in its zone, written in UTC (valid in every calendar,
 * which shows it in the reader's own zone).
 */
export function sessionIcs(event: {
  uid: string;
  when: SessionDate;
  /** The zone a time without one of its own is read in (the sender's). */
  localZone: string;
  minutes: number;
  title: string;
  /** One line: the calendar shows it under the title. */
  description: string;
  now: number;
}): string {
  const { when } = event;
  const times = when.time
    ? (() => {
        const start = instantOf(when, event.localZone);
        return [`DTSTART:${stamp(start)}`, `DTEND:${stamp(start + event.minutes * 60_000)}`];
      })()
    : [`DTSTART;VALUE=DATE:${compactDay(when.day)}`, `DTEND;VALUE=DATE:${compactDay(nextDay(when.day))}`];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sidecoach//Coaching session//EN',
    'BEGIN:VEVENT',
    `UID:${event.uid}@sidecoach`,
    `DTSTAMP:${stamp(event.now)}`,
    ...times,
    fold(`SUMMARY:${escapeText(event.title)}`),
    fold(`DESCRIPTION:${escapeText(event.description.replace(/\s*\n\s*/g, ' ').trim())}`),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
