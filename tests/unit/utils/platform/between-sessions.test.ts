import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHECK_IN_AFTER_MS } from '../../../../utils/domain/check-in';
import { DEFAULT_SETTINGS } from '../../../../utils/domain/settings';
import { onCheckInAlarm, remindIfNoPlan, rescheduleCheckIns } from '../../../../utils/platform/between-sessions';

const T0 = Date.UTC(2026, 10, 25, 10, 0, 0);

function recordNotifications() {
  const shown: string[] = [];
  fakeBrowser.notifications.create = vi.fn(async (id: string) => {
    shown.push(id);
    return id;
  }) as never;
  return shown;
}

async function sessionWithPlan(plan: unknown[]) {
  await fakeBrowser.storage.local.set({
    sessions: [{ id: 's1', coacheeId: 'me', createdAt: T0 - 1000 }],
    activeSessionId: 's1',
    'timer.s1': [{ type: 'start', at: T0 }],
    'plan.s1': plan,
  });
}

describe('mid-month check-in', () => {
  it('is off by default: no alarm', async () => {
    await sessionWithPlan([{ id: 'p', text: 'Step', done: false }]);
    await rescheduleCheckIns(T0 + 1000);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('when switched on, schedules one alarm two weeks after the session, idempotently', async () => {
    await sessionWithPlan([{ id: 'p', text: 'Step', done: false }]);
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, checkIn: true } });
    await rescheduleCheckIns(T0 + 1000);
    await rescheduleCheckIns(T0 + 2000);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => [a.name, a.scheduledTime])).toEqual([['checkin:s1', T0 + CHECK_IN_AFTER_MS]]);
  });

  it('skips sessions without a plan and check-ins already past', async () => {
    await sessionWithPlan([]);
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, checkIn: true } });
    await rescheduleCheckIns(T0);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await sessionWithPlan([{ id: 'p', text: 'Step', done: false }]);
    await rescheduleCheckIns(T0 + CHECK_IN_AFTER_MS + 1);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('notifies when the alarm fires', async () => {
    const shown = recordNotifications();
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, checkIn: true } });
    await onCheckInAlarm('checkin:s1');
    expect(shown).toEqual(['sidecoach-checkin']);
  });
});

describe('remindIfNoPlan', () => {
  it('reminds when the clock ran and no plan was written', async () => {
    const shown = recordNotifications();
    await sessionWithPlan([]);
    expect(await remindIfNoPlan()).toBe(true);
    expect(shown).toEqual(['sidecoach-no-plan']);
  });

  it('stays quiet when a plan exists or the clock never started', async () => {
    const shown = recordNotifications();
    await sessionWithPlan([{ id: 'p', text: 'Step', done: false }]);
    expect(await remindIfNoPlan()).toBe(false);
    await fakeBrowser.storage.local.set({ 'plan.s1': [], 'timer.s1': [] });
    expect(await remindIfNoPlan()).toBe(false);
    expect(shown).toEqual([]);
  });
});

describe('pre-work reminder', () => {
  const DAY = 86_400_000;
  async function nextSessionIn(days: number, coacheeId = 'me') {
    await fakeBrowser.storage.local.set({
      sessions: [{ id: 's1', coacheeId, createdAt: T0 - 1000 }],
      activeSessionId: 's1',
      'wrapup.s1': { feedback: '', nextSessionAt: T0 + days * DAY, checkInNote: '' },
    });
  }

  it('is on by default: an alarm two days before the next session, and a notification that opens the popup', async () => {
    const shown = recordNotifications();
    await nextSessionIn(30);
    await rescheduleCheckIns(T0);
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual([['prework:s1', T0 + 28 * DAY]]);
    await onCheckInAlarm('prework:s1');
    expect(shown).toEqual(['sidecoach-prework']);
  });

  it('can be switched off, and never fires for a date already too close or for another coachee\u2019s session', async () => {
    const shown = recordNotifications();
    await nextSessionIn(1);
    await rescheduleCheckIns(T0);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await nextSessionIn(30, 'from-someone');
    await rescheduleCheckIns(T0);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await nextSessionIn(30);
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, preworkReminder: false } });
    await rescheduleCheckIns(T0);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await onCheckInAlarm('prework:s1');
    expect(shown).toEqual([]);
  });
});
