import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../../utils/domain/settings';
import type { TimerEvent } from '../../../../utils/domain/timer-schema';
import { affectsClock, applyClockCommand, onClockAlarm, reschedule, settleLeftSession } from '../../../../utils/platform/clock-alarms';

const M = 60_000;
const T0 = Date.UTC(2026, 10, 25, 10, 0, 0);

/** fakeBrowser does not implement the badge or notifications: record what is asked of them. */
function recordAlerts() {
  const badge: { text: string[]; color: string[] } = { text: [], color: [] };
  fakeBrowser.action.setBadgeText = vi.fn(async ({ text }: { text: string }) => void badge.text.push(text)) as never;
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn(async ({ color }: { color: string }) => void badge.color.push(color)) as never;
  const notifications: { title: string; message: string }[] = [];
  fakeBrowser.notifications.create = vi.fn(async (_id: string, options: { title: string; message: string }) => {
    notifications.push({ title: options.title, message: options.message });
    return 'sidecoach-alert';
  }) as never;
  // No panel is open: sending the chime request finds no receiver.
  fakeBrowser.runtime.sendMessage = vi.fn(async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  }) as never;
  // With no panel, Chrome plays the chime from an offscreen document.
  const offscreen = { hasDocument: vi.fn(async () => false), createDocument: vi.fn(async () => undefined) };
  (fakeBrowser as unknown as { offscreen: typeof offscreen }).offscreen = offscreen;
  return { badge, notifications, offscreen };
}

/** Make 's1' the active session, its clock started at `at` and then these events. */
async function activeClock(at: number, ...then: TimerEvent[]) {
  await fakeBrowser.storage.local.set({ activeSessionId: 's1', 'timer.s1': [{ type: 'start', at }, ...then] });
}

describe('clock alarms', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('schedules the phase end, the five-minute warning, the hour end and the auto-end of a running clock', async () => {
    recordAlerts();
    await activeClock(T0);
    await reschedule(T0 + 10 * M);
    const alarms = (await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime]).sort();
    expect(alarms).toEqual([
      ['sidecoach:autoEnd', T0 + 90 * M],
      ['sidecoach:fiveMinutesLeft', T0 + 55 * M],
      ['sidecoach:phaseEnd', T0 + 25 * M],
      ['sidecoach:sessionEnd', T0 + 60 * M],
      ['sidecoach:tick', expect.any(Number)],
    ]);
  });

  it('is idempotent: scheduling again leaves the same alarms, not copies', async () => {
    recordAlerts();
    await activeClock(T0);
    await reschedule(T0 + M);
    await reschedule(T0 + M);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(5);
  });

  it('clears every alert when the clock is paused, keeping only the auto-end', async () => {
    recordAlerts();
    await activeClock(T0, { type: 'pause', at: T0 + M });
    await reschedule(T0 + 2 * M);
    // Paused at 1 min with 59 left: the hour would end at 60, the forgotten clock ends itself at 90.
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual([['sidecoach:autoEnd', T0 + 90 * M]]);
  });

  it('at the phase boundary shows the badge, notifies and asks for the chime', async () => {
    const { badge, notifications, offscreen } = recordAlerts();
    await activeClock(T0);
    await onClockAlarm('sidecoach:phaseEnd', T0 + 25 * M);
    expect(offscreen.createDocument).toHaveBeenCalledWith(expect.objectContaining({ reasons: ['AUDIO_PLAYBACK'] }));
    expect(notifications).toEqual([{ title: 'Phase time is up: Understand the problem', message: 'Next: Plan the attack.' }]);
    expect(badge.text.at(-1)).toBe('+0');
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'chime' });
  });

  it('does not alert for an alarm whose moment has passed (the coach moved on)', async () => {
    const { notifications } = recordAlerts();
    await activeClock(T0, { type: 'next', at: T0 + 20 * M });
    await onClockAlarm('sidecoach:phaseEnd', T0 + 25 * M);
    expect(notifications).toEqual([]);
  });

  it('respects the alert settings', async () => {
    const { badge, notifications } = recordAlerts();
    await activeClock(T0);
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, alerts: { sound: false, notification: false, badge: false } } });
    await onClockAlarm('sidecoach:sessionEnd', T0 + 60 * M);
    expect(notifications).toEqual([]);
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalled();
    expect(badge.text.at(-1)).toBe('');
  });

  it('shows the minutes left on the badge, turning red in overtime', async () => {
    const { badge } = recordAlerts();
    await activeClock(T0);
    await reschedule(T0 + 3 * M);
    expect(badge.text.at(-1)).toBe('22m');
    expect(badge.color.at(-1)).toBe('#0b57d0');
    await reschedule(T0 + 61 * M);
    expect(badge.text.at(-1)).toBe('+1');
    expect(badge.color.at(-1)).toBe('#a4161a');
  });

  it('knows which storage keys matter to the clock', () => {
    expect(['timer.s1', 'agenda.s1', 'activeSessionId', 'settings', 'callState'].every(affectsClock)).toBe(true);
    expect(['topic.s1', 'notes.s1', 'coachees'].some(affectsClock)).toBe(false);
  });
});

describe('the auto-end of a clock left running', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  const log = async () => (await fakeBrowser.storage.local.get('timer.s1'))['timer.s1'] as unknown[];

  it('records "ended by Sidecoach" when its alarm fires, once, and leaves no alarm behind', async () => {
    const { badge } = recordAlerts();
    await activeClock(T0);
    await onClockAlarm('sidecoach:autoEnd', T0 + 90 * M);
    await onClockAlarm('sidecoach:autoEnd', T0 + 91 * M);
    await reschedule(T0 + 92 * M);
    expect(await log()).toEqual([
      { type: 'start', at: T0 },
      { type: 'end', at: T0 + 90 * M, by: 'auto' },
    ]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(badge.text.at(-1)).toBe('');
  });

  it('records a missed auto-end at start-up (the browser was closed), and says nothing of the old hour', async () => {
    const { notifications, badge } = recordAlerts();
    await activeClock(T0, { type: 'pause', at: T0 + 56 * M });
    // The next day: a stale five-minute alarm fires late, then start-up reschedules.
    await onClockAlarm('sidecoach:fiveMinutesLeft', T0 + 24 * 60 * M);
    await reschedule(T0 + 24 * 60 * M);
    expect(notifications).toEqual([]);
    expect(badge.text.at(-1)).toBe('');
    expect((await log()).at(-1)).toEqual({ type: 'end', at: T0 + 90 * M, by: 'auto' });
  });

  it('ends at the call’s end when the call ended and nobody touched the clock', async () => {
    recordAlerts();
    await activeClock(T0);
    await fakeBrowser.storage.local.set({
      callState: { tabId: 4, platform: 'meet', inCall: false, startedAt: T0 - M, endedAt: T0 + 58 * M },
    });
    await reschedule(T0 + 58 * M);
    expect((await fakeBrowser.alarms.getAll()).find((a) => a.name === 'sidecoach:autoEnd')?.scheduledTime).toBe(T0 + 73 * M);
    await onClockAlarm('sidecoach:autoEnd', T0 + 73 * M);
    expect((await log()).at(-1)).toEqual({ type: 'end', at: T0 + 58 * M, by: 'call' });
  });

  it('records the due end of a session the coach left behind, and leaves one still in its hour alone', async () => {
    recordAlerts();
    await fakeBrowser.storage.local.set({
      activeSessionId: 'new',
      'timer.old': [{ type: 'start', at: T0 }],
      'timer.live': [{ type: 'start', at: T0 + 24 * 60 * M }],
    });
    const now = T0 + 24 * 60 * M + 10 * M;
    await settleLeftSession('old', now);
    await settleLeftSession('live', now);
    expect((await fakeBrowser.storage.local.get('timer.old'))['timer.old']).toEqual([
      { type: 'start', at: T0 },
      { type: 'end', at: T0 + 90 * M, by: 'auto' },
    ]);
    expect((await fakeBrowser.storage.local.get('timer.live'))['timer.live']).toHaveLength(1);
  });

  it('leaves a coach’s end alone', async () => {
    recordAlerts();
    await activeClock(T0, { type: 'end', at: T0 + 60 * M, by: 'coach' });
    await reschedule(T0 + 200 * M);
    expect(await log()).toHaveLength(2);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('no keyboard command restarts an ended session', async () => {
    recordAlerts();
    await activeClock(T0, { type: 'end', at: T0 + 60 * M, by: 'coach' });
    await applyClockCommand('toggle-clock', T0 + 24 * 60 * M);
    await applyClockCommand('next-phase', T0 + 24 * 60 * M);
    expect(await log()).toHaveLength(2);
  });
});

describe('keyboard commands', () => {
  it('start the clock, then move to the next phase, in the active session', async () => {
    recordAlerts();
    await fakeBrowser.storage.local.set({ activeSessionId: 's1' });
    await applyClockCommand('toggle-clock', T0);
    await applyClockCommand('next-phase', T0 + M);
    expect((await fakeBrowser.storage.local.get('timer.s1'))['timer.s1']).toEqual([
      { type: 'start', at: T0 },
      { type: 'next', at: T0 + M },
    ]);
  });
});
