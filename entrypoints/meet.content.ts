import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchCall } from '../utils/platform/call-watch';

/** Tells the background when a Meet call starts and ends (see utils/call-detect.ts for the cues). */
export default defineContentScript({
  matches: ['https://meet.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchCall(ctx, 'meet');
  },
});

// Try by hand: https://meet.google.com/ (landing, never a call),
// https://meet.google.com/abc-defg-hij (lobby first, then a call once joined),
// https://meet.google.com/lookup/xyz (not a call).
