import { describe, expect, it } from 'vitest';
import { mergeValues } from '../../../../utils/domain/merge';

const step = (id: string, text: string, done = false) => ({ id, text, done });

describe('mergeValues', () => {
  it('keeps a step added here and a step ticked in another window', () => {
    const base = [step('a', 'One')];
    const local = [step('a', 'One'), step('b', 'Two')];
    const remote = [step('a', 'One', true)];
    expect(mergeValues(base, local, remote)).toEqual([step('a', 'One', true), step('b', 'Two')]);
  });

  it('keeps steps added in both windows, and a removal made here', () => {
    const base = [step('a', 'One'), step('x', 'Gone')];
    const local = [step('a', 'One'), step('b', 'Mine')];
    const remote = [step('a', 'One'), step('x', 'Gone'), step('c', 'Theirs')];
    expect(mergeValues(base, local, remote)).toEqual([step('a', 'One'), step('c', 'Theirs'), step('b', 'Mine')]);
  });

  it('lets this window\u2019s change of a step win over the other\u2019s change of the same step', () => {
    expect(mergeValues([step('a', 'One')], [step('a', 'Mine')], [step('a', 'Theirs')])).toEqual([step('a', 'Mine')]);
  });

  it('merges settings field by field, nested too', () => {
    const base = { theme: 'system', alerts: { sound: true, badge: true } };
    const local = { theme: 'dark', alerts: { sound: true, badge: true } };
    const remote = { theme: 'system', alerts: { sound: false, badge: true } };
    expect(mergeValues(base, local, remote)).toEqual({ theme: 'dark', alerts: { sound: false, badge: true } });
  });

  it('an edit made before the stored value was read keeps the stored fields it did not touch', () => {
    const fallback = { theme: 'system', checkIn: false };
    expect(mergeValues(fallback, { theme: 'system', checkIn: true }, { theme: 'dark', checkIn: false })).toEqual({
      theme: 'dark',
      checkIn: true,
    });
  });

  it('takes the other side when only it changed, and this side for plain values', () => {
    expect(mergeValues(1, 1, 2)).toBe(2);
    expect(mergeValues(1, 3, 2)).toBe(3);
    expect(mergeValues(null, null, { a: 1 })).toEqual({ a: 1 });
  });
});
