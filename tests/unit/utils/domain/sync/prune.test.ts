import { describe, expect, it } from 'vitest';
import { FILES_PER_SNAPSHOT, ownFolderIntact, snapshotDue } from '../../../../../utils/domain/sync/gaps';
import type { Head } from '../../../../../utils/domain/sync/log';
import {
  ACTIVE_MS,
  behindRemoved,
  firstKept,
  isActive,
  joinedHeads,
  MARK_REFRESH_MS,
  markDue,
  type PeerView,
  removableUpTo,
  snapshotSuffices,
} from '../../../../../utils/domain/sync/prune';

/** A fixed moment (no test depends on the machine's clock). */
const NOW = Date.UTC(2026, 10, 2, 9);
const DAY = 24 * 60 * 60_000;
/** Another computer: what it merged of `me`, what its snapshot covers of `me` (and of `b`, 9), when it was heard of. */
const peer = (floor: number, snapshot: number | null, at: number | null = NOW - DAY): PeerView => ({
  at,
  floor,
  snapshot: snapshot === null ? null : { frontier: { me: snapshot, b: 9 }, at: at ?? NOW },
});
/** How far `me` may remove, having sent 10 files; `b` has removed up to 4 of its own. */
const upTo = (ownSnapshot: number | null, peers: PeerView[], sent = 10) =>
  removableUpTo({
    self: 'me',
    sent,
    ownSnapshot: ownSnapshot === null ? null : { frontier: { me: ownSnapshot, b: 9 }, at: NOW - DAY },
    peers,
    kept: { me: 1, b: 5 },
    now: NOW,
  });

describe('which of its own change files a computer may remove', () => {
  it('up to what every active computer merged and every snapshot that counts covers, never past what it sent', () => {
    expect(upTo(8, [peer(9, null), peer(10, 10)])).toBe(8);
    expect(upTo(10, [peer(10, null), peer(10, 10)])).toBe(10);
    expect(upTo(10, [peer(10, 10)], 6)).toBe(6);
    // Alone: what its own snapshot covers (a computer joining later reads it).
    expect(
      removableUpTo({ self: 'me', sent: 10, ownSnapshot: { frontier: { me: 7 }, at: NOW }, peers: [], kept: { me: 1 }, now: NOW }),
    ).toBe(7);
  });

  it('nothing while one active computer lags behind', () => {
    expect(upTo(10, [peer(10, 10), peer(0, null)])).toBe(0);
    expect(upTo(10, [peer(10, 10), peer(3, null, NOW - ACTIVE_MS)])).toBe(3);
  });

  it('nothing without a snapshot that covers the files, and no more than the least of those that count', () => {
    expect(upTo(null, [peer(10, null), peer(10, null)])).toBe(0);
    expect(upTo(null, [peer(10, 6), peer(10, null)])).toBe(6);
    expect(upTo(10, [peer(10, 4)])).toBe(4);
  });

  it('a snapshot that does not cover what another computer already removed counts for nothing', () => {
    const behind: PeerView = { at: NOW - DAY, floor: 10, snapshot: { frontier: { me: 2, b: 3 }, at: NOW - DAY } };
    // It would hold me back at 2, but a computer joining could not start from it (b's 4 is gone): it is ignored.
    expect(upTo(10, [behind])).toBe(10);
    // And alone it lets nothing go.
    expect(upTo(null, [behind])).toBe(0);
  });

  it('a computer not heard of for a long time holds nothing back, nor does its old snapshot', () => {
    const away = peer(1, 1, NOW - ACTIVE_MS - 1);
    expect(isActive(away.at, NOW)).toBe(false);
    expect(upTo(10, [peer(10, null), away])).toBe(10);
    // Nor one that never said anything; a clock ahead of this one's counts as heard of.
    expect(upTo(10, [peer(0, null, null)])).toBe(10);
    expect(isActive(NOW + DAY, NOW)).toBe(true);
  });

  it('a snapshot named by a head older than that holds nothing back, while its computer (still reading) does', () => {
    const reader: PeerView = { at: NOW - DAY, floor: 9, snapshot: { frontier: { me: 2, b: 9 }, at: NOW - ACTIVE_MS - 1 } };
    expect(upTo(10, [reader])).toBe(9);
    expect(upTo(10, [{ ...reader, snapshot: { frontier: { me: 2, b: 9 }, at: NOW - DAY } }])).toBe(2);
    // Its old snapshot alone counts for nothing: no removal without a snapshot that counts.
    expect(upTo(null, [reader])).toBe(0);
    // Its own, named by its head that long ago, counts for nothing either (the others judge it alike).
    const old = { frontier: { me: 10, b: 9 }, at: NOW - ACTIVE_MS - 1 };
    expect(removableUpTo({ self: 'me', sent: 10, ownSnapshot: old, peers: [], kept: { me: 1, b: 5 }, now: NOW })).toBe(0);
  });
});

describe('where a computer behind the removed files starts again', () => {
  it('the first change file still kept: the lowest listed, or the one after the head when all are gone', () => {
    expect(firstKept([4, 5, 6], [6])).toBe(4);
    expect(firstKept([], [9])).toBe(10);
    expect(firstKept([], [])).toBeNull();
  });

  it('behind when the file after its last merged one was removed', () => {
    expect(behindRemoved(1, 4)).toBe(true);
    expect(behindRemoved(3, 4)).toBe(false);
    expect(behindRemoved(7, 4)).toBe(false);
    expect(behindRemoved(0, null)).toBe(false);
  });

  it('a snapshot will do when, with what the computer merged, it covers every file removed', () => {
    const kept = { a: 6, b: 3, c: null };
    expect(snapshotSuffices({ a: 5, b: 2 }, {}, kept)).toBe(true);
    expect(snapshotSuffices({ a: 5, b: 1 }, {}, kept)).toBe(false);
    expect(snapshotSuffices({ a: 5, b: 1 }, { b: 2 }, kept)).toBe(true);
    expect(snapshotSuffices({ a: 4 }, { b: 9 }, kept)).toBe(false);
  });

  it('joins a snapshot’s heads with its own: the new on each side, and what both still have', () => {
    const h = (dev: string, seq: number): Head => ({ k: 'notes.s1', v: `${dev}${seq}`, dev, seq, at: seq });
    // This computer merged a up to 3 and b up to 9; the snapshot a up to 7 and b up to 4.
    const mine = [h('a', 2), h('b', 9), h('me', 5)];
    const theirs = [h('a', 2), h('a', 7), h('b', 4)];
    const joined = joinedHeads(mine, theirs, { a: 3, b: 9, me: 5 }, { a: 7, b: 4 });
    // a7 is new here; b4 was superseded here by b9 (the snapshot lacks it); a2 both still have.
    expect(joined.map((x) => `${x.dev}${x.seq}`).sort()).toEqual(['a2', 'a7', 'b9', 'me5']);
    // A computer that merged nothing of the others takes the snapshot's heads and keeps its own new ones.
    expect(joinedHeads([h('me', 1)], theirs, { me: 1 }, { a: 7, b: 4 }).map((x) => `${x.dev}${x.seq}`)).toEqual(['a2', 'a7', 'b4', 'me1']);
  });
});

describe('when a computer says what it merged', () => {
  it('when it merged something new of another, or a day after it last said so', () => {
    expect(markDue(undefined, {}, NOW)).toBe(false);
    expect(markDue(undefined, { a: 0 }, NOW)).toBe(false);
    expect(markDue(undefined, { a: 3 }, NOW)).toBe(true);
    expect(markDue({ seen: { a: 3 }, at: NOW - 1 }, { a: 3 }, NOW)).toBe(false);
    expect(markDue({ seen: { a: 3 }, at: NOW - 1 }, { a: 3, b: 1 }, NOW)).toBe(true);
    expect(markDue({ seen: { a: 3 }, at: NOW - MARK_REFRESH_MS }, { a: 3 }, NOW)).toBe(true);
  });
});

describe('its own folder after removals, and snapshots by number of files', () => {
  it('files it removed itself are not files lost', () => {
    expect(ownFolderIntact([4, 5], 5, 3)).toBe(true);
    expect(ownFolderIntact([], 5, 5)).toBe(true);
    expect(ownFolderIntact([5], 5, 3)).toBe(false);
    expect(ownFolderIntact(null, 5, 5)).toBe(false);
  });

  it('a snapshot is due after many small change files too', () => {
    expect(snapshotDue(10_000, 1_000_000, FILES_PER_SNAPSHOT - 1)).toBe(false);
    expect(snapshotDue(10_000, 1_000_000, FILES_PER_SNAPSHOT)).toBe(true);
  });
});
