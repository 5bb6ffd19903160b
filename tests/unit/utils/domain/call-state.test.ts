import { describe, expect, it } from 'vitest';
import { CALL_LOST_MS } from '../../../../utils/domain/call-detect';
import { callLostAt, endCall, expireCall, nextCallState } from '../../../../utils/domain/call-state';

const meet = (state: 'none' | 'inCall' | 'unsure' | 'ended', tabId = 1) => ({ tabId, platform: 'meet' as const, state });

describe('nextCallState', () => {
  it('records when a call starts, keeps that time while it goes on, and when it ends', () => {
    const started = nextCallState(null, meet('inCall'), 100);
    expect(started).toEqual({ tabId: 1, platform: 'meet', inCall: true, startedAt: 100, endedAt: null, unsureSince: null });
    expect(nextCallState(started, meet('inCall'), 200)).toBe(started);
    expect(nextCallState(started, meet('ended'), 300)).toEqual({ ...started, inCall: false, endedAt: 300 });
  });

  it('ignores anything but "in call" from another tab (a second Meet tab on the landing page)', () => {
    const started = nextCallState(null, meet('inCall'), 100);
    for (const state of ['none', 'unsure', 'ended'] as const) expect(nextCallState(started, meet(state, 2), 200)).toBe(started);
  });

  it('follows the newest call when another tab joins one', () => {
    const first = nextCallState(null, meet('inCall'), 100);
    expect(nextCallState(first, { tabId: 2, platform: 'zoom', state: 'inCall' }, 200)).toMatchObject({
      tabId: 2,
      platform: 'zoom',
      startedAt: 200,
    });
  });

  it('takes a missing page (unsure, or a reloaded page with no cue yet) for unsure, and a call that comes back keeps its start', () => {
    const started = nextCallState(null, meet('inCall'), 100);
    const unsure = nextCallState(started, meet('unsure'), 10_000);
    expect(unsure).toMatchObject({ inCall: true, startedAt: 100, unsureSince: 10_000 });
    expect(nextCallState(unsure, meet('none'), 20_000)).toBe(unsure);
    expect(nextCallState(unsure, meet('inCall'), 40_000)).toEqual({ ...started, unsureSince: null });
    expect(nextCallState(started, meet('none'), 5000)).toMatchObject({ inCall: true, unsureSince: 5000 });
  });

  it('ends an unsure call on an end screen, at the moment it was last seen', () => {
    const unsure = nextCallState(nextCallState(null, meet('inCall'), 100), meet('unsure'), 10_000);
    expect(nextCallState(unsure, meet('ended'), 30_000)).toMatchObject({ inCall: false, endedAt: 10_000, unsureSince: null });
  });

  it('ends an unsure call after the long absence, and then a new call starts afresh', () => {
    const unsure = nextCallState(nextCallState(null, meet('inCall'), 100), meet('unsure'), 10_000);
    expect(callLostAt(unsure)).toBe(10_000 + CALL_LOST_MS);
    expect(expireCall(unsure, 10_000 + CALL_LOST_MS - 1)).toBe(unsure);
    const ended = expireCall(unsure, 10_000 + CALL_LOST_MS);
    expect(ended).toMatchObject({ inCall: false, startedAt: 100, endedAt: 10_000 });
    expect(callLostAt(ended)).toBeNull();
    // A report long after the page was lost: the old call ended, this is a new one.
    expect(nextCallState(unsure, meet('inCall'), 10_000 + CALL_LOST_MS + 5)).toMatchObject({
      inCall: true,
      startedAt: 10_000 + CALL_LOST_MS + 5,
    });
  });

  it('reads old records without unsureSince', () => {
    const old = { tabId: 1, platform: 'meet' as const, inCall: true, startedAt: 100, endedAt: null };
    expect(nextCallState(old, meet('inCall'), 200)).toBe(old);
    expect(endCall(old, 300)).toMatchObject({ inCall: false, endedAt: 300 });
  });
});
