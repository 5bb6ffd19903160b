import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchCall } from '../utils/platform/call-watch';

/**
 * Tells the background when a Zoom web-client call starts and ends (cues: utils/domain/call-detect.ts).
 * Top frame only: it reads the meeting inside the same-origin iframe#webclient itself, so no
 * frame's "not in call" can cancel another's report.
 */
export default defineContentScript({
  matches: ['https://*.zoom.us/*', 'https://*.zoom.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchCall(ctx, 'zoom');
  },
});

// Try by hand: https://app.zoom.us/wc/1234567890/join?fromPWA=1 (join form, waiting room, then a
// call inside iframe#webclient), https://app.zoom.com/wc/1234567890/join (the same on zoom.com),
// https://zoom.us/j/1234567890 (launcher, not a call), https://zoom.us/ (landing),
// https://app.zoom.us/wc/home (the web app: no call until it opens a meeting, which this script still sees).
// It matches all of Zoom's pages, not only meetings, because the web app turns into a meeting without a page load.
