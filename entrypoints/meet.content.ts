import { defineContentScript } from 'wxt/utils/define-content-script';
import { callPlatform } from '../utils/call-urls';
import { send } from '../utils/messaging';

/**
 * Tells the background whether this Meet tab is a call, on load and on every
 * in-page navigation (Meet moves from the lobby to a meeting without a reload).
 */
export default defineContentScript({
  matches: ['https://meet.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const report = () => void send('callState', { platform: 'meet', inCall: callPlatform(location.href) === 'meet', url: location.href });
    report();
    ctx.addEventListener(window, 'wxt:locationchange', report);
  },
});

// Try by hand: https://meet.google.com/ (landing, not a call),
// https://meet.google.com/abc-defg-hij (a meeting), https://meet.google.com/lookup/xyz (not a call).
