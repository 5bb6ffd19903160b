/**
 * The content scripts' shared loop: check the page's call state every two
 * seconds (one or two querySelector calls: no MutationObserver on the host
 * page, nothing on its hot paths) and tell the background when it changes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectCall } from '../domain/call-detect';
import type { CallPlatform } from '../domain/call-urls';
import { send } from './messaging';

/** How often the page is checked. */
export const CALL_POLL_MS = 2000;

export function watchCall(ctx: ContentScriptContext, platform: CallPlatform): void {
  let last = '';
  const report = (inCall: boolean) => {
    const key = `${inCall}:${location.href}`;
    if (key === last) return;
    last = key;
    void send('callState', { platform, inCall, url: location.href });
  };
  const check = () => report(detectCall(document, location.href)?.inCall ?? false);
  check();
  ctx.setInterval(check, CALL_POLL_MS);
  ctx.addEventListener(window, 'wxt:locationchange', check);
  // Leaving or closing the page ends the call as far as the panel knows.
  ctx.addEventListener(window, 'pagehide', () => report(false));
}
