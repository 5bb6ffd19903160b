/**
 * The content scripts' shared loop: look at the page every two seconds (a few
 * querySelector calls: no MutationObserver on the host page, nothing on its
 * hot paths), run the result through the grace period, and tell the background
 * when the call starts or ends.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type CallWatch, NO_CALL, nextWatch, readCallPage } from '../domain/call-detect';
import type { CallPlatform } from '../domain/call-urls';
import { send } from './messaging';

/** How often the page is checked. */
export const CALL_POLL_MS = 2000;

export function watchCall(ctx: ContentScriptContext, platform: CallPlatform): void {
  let last = '';
  let watch: CallWatch = NO_CALL;
  const report = (inCall: boolean) => {
    const key = `${inCall}:${location.href}`;
    if (key === last) return;
    last = key;
    void send('callState', { platform, inCall, url: location.href });
  };
  const check = () => {
    const reading = readCallPage(document, location.href);
    // Off a call URL (navigated away inside the app) the call is over at once; on one, the grace period applies.
    watch = reading ? nextWatch(watch, reading.phase, Date.now()) : NO_CALL;
    report(watch.inCall);
  };
  check();
  ctx.setInterval(check, CALL_POLL_MS);
  ctx.addEventListener(window, 'wxt:locationchange', check);
  // Leaving or closing the page ends the call as far as the panel knows.
  ctx.addEventListener(window, 'pagehide', () => report(false));
}
