/**
 * A calendar file (iCalendar, RFC 5545) for one session, for any calendar app.
 * Pure: no browser calls.
 */

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
/** Fold lines longer than 75 octets, as the format asks. */
function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > 74) {
    parts.push(rest.slice(0, 74));
    rest = ` ${rest.slice(74)}`;
  }
  parts.push(rest);
  return parts.join('\r\n');
}

/** One event of `minutes` starting at `start` (epoch ms), with a stable uid so importing twice updates it. */
export function sessionIcs(event: {
  uid: string;
  start: number;
  minutes: number;
  title: string;
  description: string;
  now: number;
}): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sidecoach//Coaching session//EN',
    'BEGIN:VEVENT',
    `UID:${event.uid}@sidecoach`,
    `DTSTAMP:${stamp(event.now)}`,
    `DTSTART:${stamp(event.start)}`,
    `DTEND:${stamp(event.start + event.minutes * 60_000)}`,
    fold(`SUMMARY:${escapeText(event.title)}`),
    fold(`DESCRIPTION:${escapeText(event.description)}`),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
