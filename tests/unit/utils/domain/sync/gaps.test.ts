import { describe, expect, it } from 'vitest';
import {
  CHANGE_NAME,
  HEAD_NAME,
  headWorthReading,
  numbersOf,
  ownFolderIntact,
  planFolder,
  snapshotDue,
} from '../../../../../utils/domain/sync/gaps';

describe('gaps in a computer’s folder', () => {
  it('reads the numbers of change files and heads, ignoring temporary uploads and other names', () => {
    const names = ['c10', 'c2', 'c1', 'h10', 'tmp-1234', 'c0', 'c01', 'notes.txt'];
    expect(numbersOf(names, CHANGE_NAME)).toEqual([1, 2, 10]);
    expect(numbersOf(names, HEAD_NAME)).toEqual([10]);
  });

  it('reads the files right after the last merged one, and nothing past a gap', () => {
    expect(planFolder(0, [1, 2, 3], 3)).toEqual({ read: [1, 2, 3], missing: null });
    expect(planFolder(1, [1, 2, 3], null)).toEqual({ read: [2, 3], missing: null });
    expect(planFolder(0, [1, 3, 4], 4)).toEqual({ read: [1], missing: 2 });
    expect(planFolder(3, [1, 2, 3], 3)).toEqual({ read: [], missing: null });
  });

  it('notices a log cut short at its end only by the head', () => {
    expect(planFolder(0, [1, 2], 4)).toEqual({ read: [1, 2], missing: 3 });
    expect(planFolder(0, [1, 2], null)).toEqual({ read: [1, 2], missing: null });
    expect(planFolder(2, [], 2)).toEqual({ read: [], missing: null });
  });

  it('reads a head only when it names a file past everything listed', () => {
    expect(headWorthReading([3], 3)).toBeNull();
    expect(headWorthReading([2, 5], 3)).toBe(5);
    expect(headWorthReading([], 0)).toBeNull();
  });

  it('knows a computer’s own folder lost what it sent', () => {
    expect(ownFolderIntact(null, 0)).toBe(true);
    expect(ownFolderIntact([1, 2, 3], 3)).toBe(true);
    expect(ownFolderIntact([1, 2, 3, 4], 3)).toBe(true);
    expect(ownFolderIntact([1, 3], 3)).toBe(false);
    expect(ownFolderIntact(null, 2)).toBe(false);
  });
});

describe('when a snapshot is due', () => {
  it('once the change files since the last snapshot outweigh it (and a small floor)', () => {
    expect(snapshotDue(10_000, null)).toBe(false);
    expect(snapshotDue(70_000, null)).toBe(true);
    expect(snapshotDue(300_000, 400_000)).toBe(false);
    expect(snapshotDue(400_001, 400_000)).toBe(true);
  });
});
