import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CallStatus } from '../../../../components/panel/CallStatus';
import { ClockBar } from '../../../../components/panel/ClockBar';
import { SessionSummary } from '../../../../components/panel/SessionSummary';
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

describe('correcting the end of a session that crossed midnight', () => {
  // Local wall times, so the test means the same in every zone the suite runs in (TZ=Pacific/Chatham…).
  const START = new Date(2026, 10, 25, 23, 10).getTime();
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date(2026, 10, 26, 9, 0).getTime() });
  });
  afterEach(() => cleanup());

  function Summary() {
    return <SessionSummary sessionId="s1" clock={useClock('s1')} />;
  }

  it('reads 23:59 as that evening and 00:35 as the next morning, says which day, and records each', async () => {
    // Started at 23:10 and left running: Sidecoach ended it at 00:40.
    await fakeBrowser.storage.local.set({ 'timer.s1': [{ type: 'start', at: START }] });
    render(<Summary />);
    await pass(100);
    screen.getByText('Ended by Sidecoach at 12:40 AM the next day: the clock was still running.');
    const correct = async (time: string) => {
      fireEvent.click(screen.getByRole('button', { name: 'Correct the end time' }));
      const field = screen.getByLabelText('The session ended at') as HTMLInputElement;
      fireEvent.input(field, { target: { value: time } });
      return field;
    };
    const field = await correct('23:59');
    expect(field.getAttribute('aria-describedby')).toBe('end-correct-day');
    screen.getByText('On November 25, 2026, the day the session began.');
    fireEvent.click(screen.getByRole('button', { name: 'Save the end time' }));
    await pass(100);
    expect((await log()).at(-1)).toMatchObject({ type: 'end', at: START + 49 * M, by: 'coach' });
    screen.getByText('Ended at 11:59 PM (time corrected).');
    expect(screen.getByRole('row', { name: /The whole session/ }).textContent).toContain('49 min');

    await correct('00:35');
    screen.getByText('On November 26, 2026: the next day, after midnight.');
    fireEvent.click(screen.getByRole('button', { name: 'Save the end time' }));
    await pass(100);
    expect((await log()).at(-1)).toMatchObject({ type: 'end', at: START + 85 * M, by: 'coach' });
    screen.getByText('Ended at 12:35 AM the next day (time corrected).');
    expect(screen.getByRole('row', { name: /The whole session/ }).textContent).toContain('85 min');

    // 22:40 is no session of 23 and a half hours: it is before the start, said so, and nothing changes.
    await correct('22:40');
    fireEvent.click(screen.getByRole('button', { name: 'Save the end time' }));
    await pass(100);
    expect(screen.getByRole('alert').textContent).toBe('That is before the clock started (11:10 PM).');
    expect((await log()).at(-1)).toMatchObject({ at: START + 85 * M });
  });
});
