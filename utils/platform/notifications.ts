/**
 * System notifications (a platform adapter): one id per kind, so a new one
 * replaces the last of its kind instead of piling up.
 */
import { browser } from 'wxt/browser';

/** The kinds of notification, by id. */
const NOTIFICATION_IDS = {
  /** Phase end, five minutes left, end of the hour. */
  alert: 'sidecoach-alert',
  /** The mid-month check-in. */
  checkIn: 'sidecoach-checkin',
  /** A session ended with no plan written. */
  noPlan: 'sidecoach-no-plan',
  /** Two days before the next session: write the pre-work. */
  prework: 'sidecoach-prework',
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_IDS;

/** Show (or replace) the notification of a kind. */
export async function showNotification(kind: NotificationKind, text: { title: string; message: string }): Promise<void> {
  await browser.notifications.create(NOTIFICATION_IDS[kind], {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: text.title,
    message: text.message,
  });
}

/** The kind of one of our notifications by its id, or null. */
export function notificationKind(id: string): NotificationKind | null {
  const found = Object.entries(NOTIFICATION_IDS).find(([, value]) => value === id);
  return found ? (found[0] as NotificationKind) : null;
}
