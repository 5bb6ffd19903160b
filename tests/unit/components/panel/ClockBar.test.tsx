import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClockBar } from '../../../../components/panel/ClockBar';
import { useClock } from '../../../../components/panel/useClock';
import { partStore, readChecked } from '../../../../utils/platform/storage';
import { countComponentRenders } from '../../render-count';

const T0 = Date.UTC(2026, 10, 25, 10, 0, 0);

function ClockFor({ sessionId }: { sessionId: string }) {
  return <ClockBar clock={useClock(sessionId)} compact={false} onCompact={() => undefined} />;
}

/** Let fake time pass inside act(), so effects and storage callbacks run. */
const pass = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
const settle = () => pass(0);

describe('ClockBar', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    cleanup();
  });

  it('starts on Start and counts down the first phase', async () => {
    render(<ClockFor sessionId="s1" />);
    await settle();
    expect(screen.getByText('Not started')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await settle();
    await pass(61_000);
    const [phaseTimer, sessionTimer] = screen.getAllByRole('timer');
    expect(phaseTimer?.textContent).toBe('23:59');
    expect(sessionTimer?.textContent).toBe('58:59');
    const log = (await readChecked(partStore('timer', 's1'))).value;
    expect(log.map((e) => e.type)).toEqual(['start']);
  });

  it('updates text nodes, not components, on a timer second', async () => {
    await fakeBrowser.storage.local.set({ 'timer.s1': [{ type: 'start', at: T0 - 5000 }] });
    render(<ClockFor sessionId="s1" />);
    await settle();
    await pass(1000);
    const phaseTimer = screen.getAllByRole('timer')[0];
    const before = phaseTimer?.textContent;

    const { counter, restore } = countComponentRenders();
    await pass(1000);
    expect(phaseTimer?.textContent).not.toBe(before);
    console.info(`component renders during one timer second: ${counter.renders}`);
    expect(counter.renders).toBe(0);
    // The counter does see renders: a phase change re-renders the components that show the phase.
    fireEvent.keyDown(document, { code: 'KeyN', altKey: true });
    await settle();
    restore();
    expect(counter.renders).toBeGreaterThan(0);
  });

  it('moves to the next phase with Alt+N and announces it, and Alt+S pauses', async () => {
    await fakeBrowser.storage.local.set({ 'timer.s1': [{ type: 'start', at: T0 }] });
    render(<ClockFor sessionId="s1" />);
    await settle();
    fireEvent.keyDown(document, { code: 'KeyN', altKey: true });
    await settle();
    // The phase and its prompt from the template, announced once.
    expect(screen.getByText(/^Now: Plan the attack\. \S/)).toBeTruthy();
    expect(document.querySelector('.phase-name')?.textContent).toContain('Plan the attack');
    fireEvent.keyDown(document, { code: 'KeyS', altKey: true });
    await settle();
    expect(screen.getByText('Paused')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
  });

  it('asks before resetting and keeps the clock when the coach changes their mind', async () => {
    await fakeBrowser.storage.local.set({ 'timer.s1': [{ type: 'start', at: T0 }] });
    render(<ClockFor sessionId="s1" />);
    await settle();
    // Reset is under ⋯, in a popover whose controls load on the first open.
    await import('../../../../components/panel/ClockMore');
    const more = screen.getByRole('button', { name: 'More clock controls' });
    fireEvent.click(more);
    await settle();
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await settle();
    // The question takes the popover's place.
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Keep the clock' }));
    await settle();
    expect((await readChecked(partStore('timer', 's1'))).value).toHaveLength(1);
    fireEvent.click(more);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset the clock' }));
    await settle();
    expect((await readChecked(partStore('timer', 's1'))).value.at(-1)?.type).toBe('reset');
    expect(screen.getByText('Not started')).toBeTruthy();
  });

  it('says plainly when the wrap-up no longer fits and when the hour is over', async () => {
    await fakeBrowser.storage.local.set({ 'timer.s1': [{ type: 'start', at: T0 - 57 * 60_000 }] });
    render(<ClockFor sessionId="s1" />);
    await settle();
    expect(screen.getByText(/wrap-up no longer fits/)).toBeTruthy();
    await pass(4 * 60_000);
    expect(screen.getByText('The session\u2019s time is up. Anything more is overtime.')).toBeTruthy();
    expect(screen.getByText('Over the session\u2019s time by')).toBeTruthy();
  });
});

describe('ClockBar: when the hour ends', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => cleanup());

  it('says the time of day the hour ends, and that a pause moves it', async () => {
    // As the bar writes it in en-US ("7:30 AM" at St John's: no leading zero), in whatever zone the suite runs.
    const time = (ms: number) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(ms);
    await fakeBrowser.storage.local.set({ 'timer.s1': [{ type: 'start', at: T0 }] });
    render(<ClockFor sessionId="s1" />);
    await settle();
    expect(screen.getByText(`ends ${time(T0 + 3600_000)}`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await pass(4 * 60_000);
    expect(screen.getByText(`paused — the hour now ends ${time(T0 + 3600_000 + 4 * 60_000)}`)).toBeTruthy();
  });
});
