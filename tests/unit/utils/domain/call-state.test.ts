import { describe, expect, it } from 'vitest';
import { nextCallState } from '../../../../utils/domain/call-state';

describe('nextCallState', () => {
  it('records when a call starts, keeps that time while it goes on, and when it ends', () => {
    const started = nextCallState(null, { tabId: 1, platform: 'meet', inCall: true }, 100);
    expect(started).toEqual({ tabId: 1, platform: 'meet', inCall: true, startedAt: 100, endedAt: null });
    expect(nextCallState(started, { tabId: 1, platform: 'meet', inCall: true }, 200)).toEqual(started);
    expect(nextCallState(started, { tabId: 1, platform: 'meet', inCall: false }, 300)).toEqual({ ...started, inCall: false, endedAt: 300 });
  });

  it('ignores "no call" from another tab (a second Meet tab on the landing page)', () => {
    const started = nextCallState(null, { tabId: 1, platform: 'meet', inCall: true }, 100);
    expect(nextCallState(started, { tabId: 2, platform: 'meet', inCall: false }, 200)).toBe(started);
  });

  it('follows the newest call when another tab joins one', () => {
    const first = nextCallState(null, { tabId: 1, platform: 'meet', inCall: true }, 100);
    expect(nextCallState(first, { tabId: 2, platform: 'zoom', inCall: true }, 200)).toMatchObject({
      tabId: 2,
      platform: 'zoom',
      startedAt: 200,
    });
  });
});
