/**
 * Reminders between and at the end of sessions (a platform adapter for the
 * background): the mid-month check-in, the pre-work reminder two days before
 * the next session, and a gentle note when a session ends with no plan written.
 */
import { browser } from 'wxt/browser';
import { CHECK_IN_AFTER_MS, checkInAt, preworkReminderAt, ranWithoutPlan } from '../domain/check-in';
import { SELF_COACHEE_ID } from '../domain/session-list';
import { isPartKey } from '../domain/session-parts';
import { firstStartAt } from '../domain/timer-log';
import { t } from './i18n';
import { showNotification } from './notifications';
import { activeSessionIdStore, partStore, readChecked, sessionsStore, settingsStore } from './storage';

const CHECK_IN_PREFIX = 'checkin:';
const PREWORK_PREFIX = 'prework:';
/** Re-create the check-in and pre-work alarms from storage (idempotent; called at start-up and on changes). */
export async function rescheduleCheckIns(now = Date.now()): Promise<void> {
  const existing = (await browser.alarms.getAll()).filter((a) => a.name.startsWith(CHECK_IN_PREFIX) || a.name.startsWith(PREWORK_PREFIX));
  await Promise.all(existing.map((a) => browser.alarms.clear(a.name)));
  const settings = (await readChecked(settingsStore)).value;
  const sessions = (await readChecked(sessionsStore)).value;
  if (settings.preworkReminder) {
    // The user's own sessions (the coachee's side): the next date the coach's plan card brought.
    for (const s of sessions) {
      if (s.coacheeId !== SELF_COACHEE_ID || s.createdAt < now - 2 * CHECK_IN_AFTER_MS) continue;
      const next = (await readChecked(partStore('wrapUp', s.id))).value.nextSessionAt;
      if (next !== null && preworkReminderAt(next) > now)
        browser.alarms.create(`${PREWORK_PREFIX}${s.id}`, { when: preworkReminderAt(next) });
    }
  }
  if (!settings.checkIn) return;
  for (const s of sessions) {
    if (s.createdAt < now - 2 * CHECK_IN_AFTER_MS) continue;
    const [plan, log] = await Promise.all([readChecked(partStore('plan', s.id)), readChecked(partStore('timer', s.id))]);
    if (plan.value.length === 0) continue;
    const at = checkInAt(s, firstStartAt(log.value));
    if (at > now) browser.alarms.create(`${CHECK_IN_PREFIX}${s.id}`, { when: at });
  }
}

/** A check-in or pre-work alarm fired: invite the one-line progress note, or the pre-work. */
export async function onCheckInAlarm(name: string): Promise<void> {
  if (name.startsWith(PREWORK_PREFIX)) {
    if ((await readChecked(settingsStore)).value.preworkReminder)
      await showNotification('prework', { title: t('notifyPreworkTitle'), message: t('notifyPreworkBody') });
    return;
  }
  if (!name.startsWith(CHECK_IN_PREFIX)) return;
  if (!(await readChecked(settingsStore)).value.checkIn) return;
  await showNotification('checkIn', { title: t('notifyCheckInTitle'), message: t('notifyCheckInBody') });
}

/** Whether a storage change (key without area) touches the check-ins. */
export function affectsCheckIns(key: string): boolean {
  return key === settingsStore.bare || key === sessionsStore.bare || isPartKey(key, 'plan', 'wrapUp');
}

/** The panel closed or the call ended: if the clock ran and no plan was written, say so gently. */
export async function remindIfNoPlan(): Promise<boolean> {
  const active = (await readChecked(activeSessionIdStore)).value;
  if (!active) return false;
  const [log, plan, settings] = await Promise.all([
    readChecked(partStore('timer', active)),
    readChecked(partStore('plan', active)),
    readChecked(settingsStore),
  ]);
  if (!ranWithoutPlan(log.value, plan.value) || !settings.value.alerts.notification) return false;
  await showNotification('noPlan', { title: t('notifyNoPlanTitle'), message: t('notifyNoPlanBody') });
  return true;
}
