import { describe, expect, it } from 'vitest';
import { type Phase, phaseRole } from '../../../../utils/domain/agenda';
import { callEndedWithoutPlan, checkInAt, ranWithoutPlan } from '../../../../utils/domain/check-in';
import { sameJson } from '../../../../utils/domain/json';
import { isPartKey, partOfKey, SESSION_PART_NAMES, SESSION_PARTS } from '../../../../utils/domain/session-parts';
import { fold, isoDate } from '../../../../utils/domain/text';

describe('sameJson', () => {
  it('compares strings directly and objects by their JSON', () => {
    expect(sameJson('a', 'a')).toBe(true);
    expect(sameJson('a', 'b')).toBe(false);
    expect(sameJson({ a: [1] }, { a: [1] })).toBe(true);
    expect(sameJson({ a: [1] }, { a: [2] })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});

describe('text helpers', () => {
  it('folds case and accents for search', () => {
    expect(fold('Résumé ÅNGSTRÖM')).toBe('resume angstrom');
  });
  it('writes a local date as YYYY-MM-DD', () => {
    expect(isoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('session parts', () => {
  it('lists the eight parts once, each with its key prefix', () => {
    expect(SESSION_PART_NAMES).toEqual(['topic', 'notes', 'timer', 'agenda', 'plan', 'homework', 'review', 'wrapUp']);
    expect(SESSION_PARTS.wrapUp.prefix).toBe('wrapup');
  });
  it('finds the part and session of a storage key', () => {
    expect(partOfKey('wrapup.me-1')).toEqual({ name: 'wrapUp', sessionId: 'me-1' });
    expect(partOfKey('sessions')).toBeNull();
    expect(isPartKey('timer.x', 'timer', 'agenda')).toBe(true);
    expect(isPartKey('notes.x', 'timer', 'agenda')).toBe(false);
  });
  it('merges notes with the page\u2019s conflict marker', () => {
    const merged = SESSION_PARTS.notes.merge('abc', 'aXc', 'aYc', { conflictMarker: '--- theirs ---' });
    expect(merged).toBe('aXc\n\n--- theirs ---\nY');
  });
});

describe('phase roles', () => {
  const phase = (id: string): Phase => ({ id, title: id, minutes: 10, prompt: '' });
  it('names understanding, planning and the wrap-up in the built-in hour and in a longer template', () => {
    const hour = [phase('understand'), phase('plan'), phase('wrap')];
    expect([0, 1, 2].map((i) => phaseRole(hour, i))).toEqual(['understand', 'plan', 'wrapUp']);
    const five = [phase('a'), phase('b'), phase('c'), phase('d'), phase('e')];
    expect([0, 1, 2, 3, 4].map((i) => phaseRole(five, i))).toEqual(['understand', 'other', 'other', 'plan', 'wrapUp']);
  });
});

describe('check-in and the plan reminder', () => {
  const session = { id: 's', coacheeId: 'me', createdAt: 1000 };
  it('is due two weeks after the first start', () => {
    expect(checkInAt(session, 5000) - 5000).toBe(14 * 24 * 60 * 60_000);
    expect(checkInAt(session, null) - 1000).toBe(14 * 24 * 60 * 60_000);
  });
  it('reminds only when the clock ran, was not reset, and no plan is written', () => {
    const step = { id: 'p', text: 'x', done: false };
    expect(ranWithoutPlan([{ type: 'start', at: 1 }], [])).toBe(true);
    expect(ranWithoutPlan([{ type: 'start', at: 1 }], [step])).toBe(false);
    expect(
      ranWithoutPlan(
        [
          { type: 'start', at: 1 },
          { type: 'reset', at: 2 },
        ],
        [],
      ),
    ).toBe(false);
    expect(ranWithoutPlan([], [])).toBe(false);
  });
  it('shows the panel reminder only for a call that ended after the clock started', () => {
    const log = [{ type: 'start' as const, at: 100 }];
    const ended = { tabId: 1, platform: 'meet' as const, inCall: false, startedAt: 50, endedAt: 200 };
    expect(callEndedWithoutPlan(ended, log, [], 100)).toBe(true);
    expect(callEndedWithoutPlan({ ...ended, endedAt: 90 }, log, [], 100)).toBe(false);
    expect(callEndedWithoutPlan({ ...ended, inCall: true }, log, [], 100)).toBe(false);
    expect(callEndedWithoutPlan(null, log, [], 100)).toBe(false);
  });
});
