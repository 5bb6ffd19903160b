import { describe, expect, it } from 'vitest';
import { sessionIcs } from '../../../../utils/domain/ics';

describe('sessionIcs', () => {
  it('writes one hour-long event with escaped text, CRLF lines folded at 75 octets', () => {
    const ics = sessionIcs({
      uid: 'card-1',
      start: Date.UTC(2026, 11, 3, 10, 0),
      minutes: 60,
      title: 'Coaching; with Ada, again',
      description: `Line one\n${'x'.repeat(120)}`,
      now: Date.UTC(2026, 10, 26, 9, 0),
    });
    const lines = ics.split('\r\n');
    expect(lines).toContain('DTSTART:20261203T100000Z');
    expect(lines).toContain('DTEND:20261203T110000Z');
    expect(lines).toContain('SUMMARY:Coaching\\; with Ada\\, again');
    expect(lines.every((l) => l.length <= 75)).toBe(true);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('UID:card-1@sidecoach');
  });
});
