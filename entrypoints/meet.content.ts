import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchCall } from '../utils/platform/call-watch';

/** Tells the background when a Meet call starts and ends (cues: utils/domain/call-detect.ts). */
export default defineContentScript({
  matches: ['https://meet.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchCall(ctx, 'meet');
  },
});

// Try by hand: https://meet.google.com/ (landing, never a call),
// https://meet.google.com/abc-defg-hij (green room, "asking to join", then a call once admitted),
// https://meet.google.com/_meet/abc-defg-hij (the same call at Meet's other path),
// https://meet.google.com/lookup/xyz (not a call).
