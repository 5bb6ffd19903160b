import { describe, expect, it } from 'vitest';
import { sessionIcs } from '../../../../utils/domain/ics';
import { dayOfInstant, instantOf, zoneOffsetMs } from '../../../../utils/domain/session-date';

const base = { uid: 'card-1', localZone: 'Europe/Berlin', minutes: 60, now: Date.UTC(2026, 10, 26, 9, 0) };

describe('sessionIcs', () => {
  it('writes a day without a time as an all-day event, ending the next day', () => {
    const ics = sessionIcs({
      ...base,
      when: { day: '2026-12-31', time: null, zone: null },
      title: 'Coaching session with Ada',
      description: 'x',
    });
    const lines = ics.split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(ics).not.toMatch(/T120000Z/);
  });

  it('writes a picked time in its time zone as the right UTC instant, in winter and in summer', () => {
    const winter = sessionIcs({ ...base, when: { day: '2026-12-03', time: '10:00', zone: 'Europe/Berlin' }, title: 't', description: 'd' });
    expect(winter.split('\r\n')).toContain('DTSTART:20261203T090000Z');
    expect(winter.split('\r\n')).toContain('DTEND:20261203T100000Z');
    const summer = sessionIcs({ ...base, when: { day: '2026-07-03', time: '10:00', zone: 'Europe/Berlin' }, title: 't', description: 'd' });
    expect(summer.split('\r\n')).toContain('DTSTART:20260703T080000Z');
    const ny = sessionIcs({ ...base, when: { day: '2026-03-09', time: '09:30', zone: 'America/New_York' }, title: 't', description: 'd' });
    // The day after the US change to summer time: UTC-4.
    expect(ny.split('\r\n')).toContain('DTSTART:20260309T133000Z');
  });

  it('has the title given, a one-line description, escaped text and CRLF lines folded at 75 octets', () => {
    const ics = sessionIcs({
      ...base,
      when: { day: '2026-12-03', time: null, zone: null },
      title: 'Coaching session with Ada; Müller, again',
      description: `Line one\nline two ${'ü'.repeat(80)}`,
    });
    const lines = ics.split('\r\n');
    expect(lines).toContain('SUMMARY:Coaching session with Ada\\; Müller\\, again');
    expect(ics).not.toContain('\\n');
    expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('UID:card-1@sidecoach');
  });
});

describe('session dates', () => {
  it('finds a zone offset and turns wall time into an instant', () => {
    expect(zoneOffsetMs('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(5.5 * 3_600_000);
    expect(instantOf({ day: '2026-01-15', time: '08:00', zone: 'Asia/Tokyo' }, 'UTC')).toBe(Date.UTC(2026, 0, 14, 23, 0));
  });

  it('reads an older stored noon as the day only', () => {
    expect(dayOfInstant(Date.UTC(2026, 0, 15, 11, 0), 'Europe/Berlin')).toEqual({ day: '2026-01-15', time: null, zone: null });
  });
});
