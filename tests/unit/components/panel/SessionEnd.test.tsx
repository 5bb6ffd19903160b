import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CallStatus } from '../../../../components/panel/CallStatus';
import { ClockBar } from '../../../../components/panel/ClockBar';
// The ⋯ popover's module, loaded ahead so opening ⋯ shows it within the fake timers' flush.
import '../../../../components/panel/ClockMore';
import { useClock } from '../../../../components/panel/useClock';
import { WrapUpChecklist } from '../../../../components/panel/WrapUpChecklist';
import { partStore, readChecked } from '../../../../utils/platform/storage';

const M = 60_000;
const T0 = Date.UTC(2026, 10, 25, 10, 0, 0);
const pass = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
const log = async () => (await readChecked(partStore('timer', 's1'))).value;
/** Open the clock's ⋯ popover (its controls load on the first open). */
const openMore = async () => {
  fireEvent.click(screen.getByRole('button', { name: 'More clock controls' }));
  await pass(50);
};

function Panel() {
  const clock = useClock('s1');
  return (
    <>
      <ClockBar clock={clock} compact={false} onCompact={() => undefined} />
      <CallStatus clock={clock} />
      <WrapUpChecklist sessionId="s1" clock={clock} />
    </>
  );
}

describe('ending a session from the panel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 + 61 * M });
  });
  afterEach(() => cleanup());

  it('End the session in the wrap-up records the coach’s end now', async () => {
    await fakeBrowser.storage.local.set({ 'timer.s1': [{ type: 'start', at: T0 }] });
    render(<Panel />);
    await pass(100);
    // The wrap-up's button, described by what it does.
    const inWrapUp = screen
      .getAllByRole('button', { name: 'End the session' })
      .find((b) => b.getAttribute('aria-describedby') === 'end-session-help');
    expect(screen.getByText('Stops the clock and records each phase’s time.', { exact: false })).toBeTruthy();
    fireEvent.click(inWrapUp as HTMLElement);
    await pass(100);
    expect((await log()).at(-1)).toEqual({ type: 'end', at: T0 + 61 * M + 100, by: 'coach' });
    // Nothing more to end: the wrap-up's button is gone, the one under ⋯ disabled (the panel shows the summary instead).
    await openMore();
    const left = screen.getAllByRole('button', { name: 'End the session' }) as HTMLButtonElement[];
    expect(left.map((b) => [b.getAttribute('aria-describedby'), b.disabled])).toEqual([[null, true]]);
  });

  it('End the session under ⋯ asks once, then ends a paused clock', async () => {
    await fakeBrowser.storage.local.set({
      'timer.s1': [
        { type: 'start', at: T0 },
        { type: 'pause', at: T0 + 50 * M },
      ],
    });
    render(<Panel />);
    await pass(100);
    await openMore();
    // Asked once: keeping the clock changes nothing.
    fireEvent.click(screen.getAllByRole('button', { name: 'End the session' })[0] as HTMLElement);
    await pass(50);
    fireEvent.click(screen.getByRole('button', { name: 'Keep the clock running' }));
    await pass(100);
    expect(await log()).toHaveLength(2);
    await openMore();
    fireEvent.click(screen.getAllByRole('button', { name: 'End the session' })[0] as HTMLElement);
    await pass(50);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, end the session' }));
    await pass(100);
    expect((await log()).at(-1)).toMatchObject({ type: 'end', by: 'coach' });
  });

  it('when the call ends, offers to end the session at the call’s end, recorded as the call’s', async () => {
    await fakeBrowser.storage.local.set({
      'timer.s1': [{ type: 'start', at: T0 }],
      callState: { tabId: 3, platform: 'meet', inCall: false, startedAt: T0 - M, endedAt: T0 + 58 * M },
    });
    render(<Panel />);
    await pass(100);
    screen.getByText(/^Call ended .+ — the clock is still running$/);
    fireEvent.click(screen.getByRole('button', { name: /^End the session at / }));
    await pass(100);
    expect((await log()).at(-1)).toEqual({ type: 'end', at: T0 + 58 * M, by: 'call' });
  });

  it('makes no call-ended offer for a call that ended before the clock started', async () => {
    await fakeBrowser.storage.local.set({
      'timer.s1': [{ type: 'start', at: T0 }],
      callState: { tabId: 3, platform: 'meet', inCall: false, startedAt: T0 - 90 * M, endedAt: T0 - 30 * M },
    });
    render(<Panel />);
    await pass(100);
    expect(screen.queryByRole('button', { name: /^End the session at / })).toBeNull();
  });
});
