import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchCall } from '../utils/platform/call-watch';

/** Tells the background when a Zoom web-client call starts and ends (see utils/call-detect.ts for the cues). */
export default defineContentScript({
  matches: ['https://*.zoom.us/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchCall(ctx, 'zoom');
  },
});

// Try by hand: https://us02web.zoom.us/wc/1234567890/join (join form, then a call),
// https://zoom.us/j/1234567890 (launcher, not a call), https://zoom.us/ (landing).
