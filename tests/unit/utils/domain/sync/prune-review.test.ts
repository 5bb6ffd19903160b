/**
 * A review of the removal rule (issue #34): a computer that writes removes its own change files only as far
 * as its own snapshot covers them, since another computer's snapshot can go away with that computer's folder.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVE_MS, type PeerView, type RemovalView, removableByWriter, removableUpTo } from '../../../../../utils/domain/sync/prune';

/** A fixed moment (no test depends on the machine's clock). */
const NOW = Date.UTC(2026, 10, 2, 9);
const DAY = 24 * 60 * 60_000;
/** Another computer that merged all 10 of `me`'s files and whose snapshot covers `me` up to `covers`. */
const peer = (covers: number): PeerView => ({ at: NOW - DAY, floor: 10, snapshot: { frontier: { me: covers, b: 9 }, at: NOW - DAY } });
/** `me` sent 10 files; `b` removed up to 4 of its own. */
const view = (own: RemovalView['ownSnapshot'], peers: PeerView[]): RemovalView => ({
  self: 'me',
  sent: 10,
  ownSnapshot: own,
  peers,
  kept: { me: 1, b: 5 },
  now: NOW,
});

describe('how far a computer that writes may remove its own change files', () => {
  it('nothing on the strength of another computer’s snapshot alone (it can go with that computer’s folder)', () => {
    // The rule underneath would let 6 go on the peer's snapshot alone.
    expect(removableUpTo(view(null, [peer(6)]))).toBe(6);
    expect(removableByWriter(view(null, [peer(6)]))).toBe(0);
  });

  it('up to what its own snapshot and every other that counts cover, as the rule underneath says', () => {
    expect(removableByWriter(view({ frontier: { me: 8, b: 9 }, at: NOW - DAY }, [peer(6)]))).toBe(6);
    expect(removableByWriter(view({ frontier: { me: 5, b: 9 }, at: NOW - DAY }, [peer(10)]))).toBe(5);
    expect(removableByWriter(view({ frontier: { me: 10, b: 9 }, at: NOW }, []))).toBe(10);
  });

  it('nothing when its own snapshot does not count: named too long ago, or not covering what another removed', () => {
    expect(removableByWriter(view({ frontier: { me: 8, b: 9 }, at: NOW - ACTIVE_MS - 1 }, [peer(10)]))).toBe(0);
    // b removed up to 4; a snapshot covering b only to 3 is no place for a computer joining to start.
    expect(removableByWriter(view({ frontier: { me: 8, b: 3 }, at: NOW - DAY }, [peer(10)]))).toBe(0);
  });
});
