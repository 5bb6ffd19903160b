/**
 * Alerts at the session's moments: the badge, a system notification and a
 * chime (a platform adapter, used by the background).
 */
import { browser } from 'wxt/browser';
import type { Phase } from '../domain/agenda';
import type { Settings } from '../domain/settings';
import { type AlertKind, badgeText, type TimerView } from '../domain/timer';
import { t } from './i18n';
import { send } from './messaging';
import { showNotification } from './notifications';

const BADGE_NORMAL = '#0b57d0';
const BADGE_NEAR_END = '#a15c00';
const BADGE_OVER = '#a4161a';

/** The toolbar action, under its MV3 (`action`) or MV2 (`browserAction`) name. */
function action() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Minutes left in the phase on the toolbar button; amber in its last two minutes, red when over. */
export async function showBadge(view: TimerView, settings: Settings): Promise<void> {
  const text = settings.alerts.badge ? badgeText(view) : '';
  const over = view.overtimeMs > 0 || view.phaseRemainingMs <= 0;
  const color = over ? BADGE_OVER : view.phaseRemainingMs <= 2 * 60_000 ? BADGE_NEAR_END : BADGE_NORMAL;
  await action().setBadgeText({ text });
  if (text) await action().setBadgeBackgroundColor({ color });
}

/** The words of an alert, in the user's language. */
export function alertText(kind: AlertKind, view: TimerView, agenda: readonly Phase[]): { title: string; message: string } {
  if (kind === 'phaseEnd') {
    const current = agenda[view.phaseIndex];
    const next = agenda[view.phaseIndex + 1];
    return {
      title: t('notifyPhaseEndTitle', current?.title ?? ''),
      message: next ? t('notifyPhaseEndBody', next.title) : t('notifyPhaseEndLast'),
    };
  }
  if (kind === 'fiveMinutesLeft') return { title: t('notifyFiveMinutesTitle'), message: t('notifyFiveMinutesBody') };
  return { title: t('notifySessionEndTitle'), message: t('notifySessionEndBody') };
}

/** A system notification (replacing the previous one, so they never pile up). */
export async function notify(text: { title: string; message: string }): Promise<void> {
  await showNotification('alert', text);
}

/**
 * Play the chime: by an open panel if there is one (it answers the message);
 * otherwise by Chrome's offscreen document, or Firefox's background page itself.
 */
export async function chime(): Promise<void> {
  const answered = await send('chime', {});
  if (answered === true) return;
  if (typeof AudioContext !== 'undefined' && typeof document !== 'undefined') {
    const { playChime } = await import('./chime');
    await playChime(new AudioContext());
    return;
  }
  const offscreen = (browser as unknown as { offscreen?: ChromeOffscreen }).offscreen;
  if (!offscreen) return;
  // A document left from the last chime (it closes itself after playing) is replaced, so every chime plays.
  if (await offscreen.hasDocument?.()) await offscreen.closeDocument?.().catch(() => undefined);
  await offscreen.createDocument({
    url: browser.runtime.getURL('/offscreen.html'),
    reasons: ['AUDIO_PLAYBACK'],
    justification: 'Play the session chime when no Sidecoach page is open.',
  });
}

interface ChromeOffscreen {
  hasDocument?: () => Promise<boolean>;
  closeDocument?: () => Promise<void>;
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
