/**
 * The content scripts' shared loop: look at the page every two seconds (a few
 * querySelector calls: no MutationObserver on the host page, nothing on its
 * hot paths), run the result through `nextWatch`, and tell the background
 * when the answer changes: in the call, unsure, ended. Leaving the call's URL
 * ends the call; a reload or a reconnect does not (the background ends the
 * call when the tab closes or goes to another site).
 *
 * The script runs on every page of the platform's hosts, not only on call
 * URLs, because a single-page app can turn into a call without a page load:
 * Zoom's web app (`/wc/home`) hosts the meeting in `iframe#webclient` at
 * `/wc/<n>/join?fromPWA=1` (DETECTION.md). A history change is looked at at once.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type CallWatch, NO_CALL, nextWatch, readCallPage } from '../domain/call-detect';
import type { CallPlatform } from '../domain/call-urls';
import { send } from './messaging';

/** How often the page is checked. */
const CALL_POLL_MS = 2000;

/** Watch this tab's page for the platform's call, for the life of the content script. */
export function watchCall(ctx: ContentScriptContext, platform: CallPlatform): void {
  let last = '';
  let watch: CallWatch = NO_CALL;
  const check = (href = location.href) => {
    const reading = readCallPage(document, href);
    // Off a call URL (navigated away inside the app) the call is over at once.
    watch = reading ? nextWatch(watch, reading.phase, Date.now()) : NO_CALL;
    const state = reading ? watch.report : 'ended';
    const key = `${state}:${href}`;
    if (key === last) return;
    last = key;
    void send('callState', { platform, state, url: href });
  };
  check();
  ctx.setInterval(check, CALL_POLL_MS);
  // The Navigation API announces a history change before `location` shows it: read the new URL from the event.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => check(event.newUrl.href));
}
