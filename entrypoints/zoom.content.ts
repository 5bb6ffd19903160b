import { defineContentScript } from 'wxt/utils/define-content-script';
import { callPlatform } from '../utils/call-urls';
import { send } from '../utils/messaging';

/** Tells the background whether this Zoom tab is the web client (a call), on load and on in-page navigation. */
export default defineContentScript({
  matches: ['https://*.zoom.us/*'],
  runAt: 'document_idle',
  main(ctx) {
    const report = () => void send('callState', { platform: 'zoom', inCall: callPlatform(location.href) === 'zoom', url: location.href });
    report();
    ctx.addEventListener(window, 'wxt:locationchange', report);
  },
});

// Try by hand: https://us02web.zoom.us/wc/1234567890/join (web client, a call),
// https://zoom.us/j/1234567890 (launcher, not a call), https://zoom.us/ (landing).
