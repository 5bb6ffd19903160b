import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/sidepanel/App';
import { countComponentRenders } from '../../render-count';

const T0 = Date.UTC(2026, 10, 25, 10, 0, 0);
const pass = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

describe('the whole side panel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => cleanup());

  it('re-renders no component on a timer second, with the clock running, notes and a plan on screen', async () => {
    await fakeBrowser.storage.local.set({
      sessions: [{ id: 's1', coacheeId: 'me', createdAt: T0 - 60_000 }],
      activeSessionId: 's1',
      'timer.s1': [{ type: 'start', at: T0 - 5000 }],
      'topic.s1': { title: 'Speaking up', difficulty: '', outcome: '', updatedAt: 1 },
      'notes.s1': 'Some notes',
      'plan.s1': [{ id: 'p', text: 'A step', done: false }],
    });
    render(<App sessionId="s1" />);
    await pass(1500);
    const timer = screen.getAllByRole('timer')[0];
    const before = timer?.textContent;
    const { counter, restore } = countComponentRenders();
    await pass(1000);
    console.info(`whole panel: component renders during one timer second: ${counter.renders}`);
    expect(timer?.textContent).not.toBe(before);
    expect(counter.renders).toBe(0);
    // The counter does count: a phase change (Alt+N) re-renders what shows the phase.
    fireEvent.keyDown(document, { code: 'KeyN', altKey: true });
    await pass(500);
    restore();
    expect(counter.renders).toBeGreaterThan(0);
  });

  it('shows an ended session’s summary in the clock’s place, reading the same a month on, re-rendering nothing per second', async () => {
    await fakeBrowser.storage.local.set({
      sessions: [{ id: 's2', coacheeId: 'me', createdAt: T0 - 60_000 }],
      activeSessionId: 's2',
      'timer.s2': [
        { type: 'start', at: T0 - 70 * 60_000 },
        { type: 'next', at: T0 - 45 * 60_000 },
        { type: 'next', at: T0 - 20 * 60_000 },
        { type: 'end', at: T0 - 8 * 60_000, by: 'coach' },
      ],
    });
    // The background's record of the sessions near the active one (the panel reads it rather than the whole list).
    await fakeBrowser.storage.session.set({
      recentSessions: { activeId: 's2', sessions: [{ id: 's2', coacheeId: 'me', createdAt: T0 - 60_000 }] },
    });
    render(<App sessionId="s2" />);
    await pass(1500);
    await screen.findByRole('heading', { name: /^The session of / });
    // The summary's own stored reads settle: its parts, then the sessions near it (read again once the record is read).
    await pass(1000);
    await pass(1000);
    expect(screen.queryAllByRole('timer')).toEqual([]);
    const total = () => screen.getByRole('row', { name: /The whole session/ }).textContent;
    expect(total()).toBe('The whole session60 min62 min');
    const { counter, restore } = countComponentRenders();
    await pass(1000);
    expect(counter.renders).toBe(0);
    // A month on (the clock set forward, as after a closed laptop): still the recorded minutes, still no render.
    vi.setSystemTime(T0 + 31 * 24 * 60 * 60_000);
    await pass(2000);
    expect(total()).toBe('The whole session60 min62 min');
    expect(counter.renders).toBe(0);
    // The counter does count: the clock reset in another page brings the clock bar back in the summary's place.
    await fakeBrowser.storage.local.set({ 'timer.s2': [] });
    await pass(500);
    restore();
    expect(screen.queryAllByRole('timer')).not.toEqual([]);
    expect(counter.renders).toBeGreaterThan(0);
  });

  it('a clock left running past the hour and the margin shows as ended by Sidecoach, never counting on', async () => {
    await fakeBrowser.storage.local.set({
      sessions: [{ id: 's3', coacheeId: 'me', createdAt: T0 - 60_000 }],
      activeSessionId: 's3',
      'timer.s3': [{ type: 'start', at: T0 - 24 * 60 * 60_000 }],
    });
    render(<App sessionId="s3" />);
    await pass(1500);
    await screen.findByText(/^Ended by Sidecoach at .+: the clock was still running\.$/);
    expect(screen.getByRole('row', { name: /The whole session/ }).textContent).toBe('The whole session60 min90 min');
    expect(screen.queryByText('The session’s time is up', { exact: false })).toBeNull();
  });
});
