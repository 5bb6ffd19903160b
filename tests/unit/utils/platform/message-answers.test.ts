import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerMessages } from '../../../../utils/platform/message-answers';
import { MESSAGE_CHECKS } from '../../../../utils/platform/message-checks';

const page = { total: 0, matched: 0, rows: [], snippets: {}, prepared: 0, stored: 0 };
const sender = {};

/** The one listener `answerMessages` registered, called as the browser would (WXT's fake answers only by callback). */
type Listener = (raw: unknown, from: object) => Promise<unknown> | undefined;
function theListener(): () => Listener {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  return () => {
    expect(add).toHaveBeenCalledTimes(1);
    return add.mock.calls[0]?.[0] as unknown as Listener;
  };
}

describe('one protocol: every message in one typed map, checked, answered by one listener', () => {
  it('answers history queries and sync requests through one listener, each with its typed reply', async () => {
    const listener = theListener();
    const query = vi.fn(() => page);
    answerMessages({
      historyQuery: { check: MESSAGE_CHECKS.historyQuery, handle: query },
      syncNow: { check: MESSAGE_CHECKS.syncNow, handle: () => ({ ok: true }) },
      syncTest: { check: MESSAGE_CHECKS.syncTest, handle: () => ({ ok: true, found: 'empty' }) },
    });
    const answer = listener();
    expect(await answer({ type: 'historyQuery', query: 'release', coacheeId: null, offset: 0, limit: 50 }, sender)).toEqual(page);
    expect(query).toHaveBeenCalledWith(expect.objectContaining({ type: 'historyQuery', query: 'release' }), sender);
    expect(await answer({ type: 'syncNow' }, sender)).toEqual({ ok: true });
    expect(await answer({ type: 'syncTest', url: 'https://dav.example/', user: 'u', password: 'p' }, sender)).toEqual({
      ok: true,
      found: 'empty',
    });
  });

  it('a message that fails its check, or that this context does not answer, reaches no handler and gets no answer', () => {
    const listener = theListener();
    const query = vi.fn(() => page);
    const sync = vi.fn(() => ({ ok: true as const }));
    answerMessages({
      historyQuery: { check: MESSAGE_CHECKS.historyQuery, handle: query },
      syncStart: { check: MESSAGE_CHECKS.syncStart, handle: sync },
    });
    const answer = listener();
    // Wrong shapes, as a bug or another sender could send them.
    expect(answer({ type: 'historyQuery', query: 1, coacheeId: null, offset: 0, limit: 50 }, sender)).toBeUndefined();
    expect(answer({ type: 'historyQuery', query: 'x', coacheeId: null, offset: 0.5, limit: 50 }, sender)).toBeUndefined();
    expect(answer({ type: 'syncStart', url: 'https://dav.example/', user: 'u', password: 'p' }, sender)).toBeUndefined();
    expect(answer({ type: 'syncStop' }, sender)).toBeUndefined();
    expect(answer('historyQuery', sender)).toBeUndefined();
    expect(query).not.toHaveBeenCalled();
    expect(sync).not.toHaveBeenCalled();
  });

  it('checks the call state a content script reports', () => {
    expect(MESSAGE_CHECKS.callState({ type: 'callState', platform: 'meet', state: 'inCall', url: 'https://meet.google.com/abc' })).toBe(
      true,
    );
    expect(MESSAGE_CHECKS.callState({ type: 'callState', platform: 'teams', state: 'inCall', url: 'x' })).toBe(false);
    expect(MESSAGE_CHECKS.callState({ type: 'callState', platform: 'zoom', state: 'gone', url: 'x' })).toBe(false);
  });
});
