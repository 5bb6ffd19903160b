/**
 * Is this Meet or Zoom page in a call right now? Each site's cues in one small
 * place, each with a fixture page and a test (tests/fixtures/calls/). Cues
 * are structural (attributes, element ids), never English labels, since
 * both products are used in many languages. Pure: takes the document and URL.
 *
 * When no cue matches, the answer is "not in a call" and nothing breaks: the
 * clock always works by hand.
 */
import { type CallPlatform, callPlatform } from './call-urls';

/** One language-independent sign that a call is under way. */
export interface CallCue {
  platform: CallPlatform;
  /** What the cue is, for tests and notes. */
  name: string;
  selector: string;
}

/** The cues, most specific first. A cue is one querySelector: cheap enough to poll. */
export const CALL_CUES: readonly CallCue[] = [
  // Meet: participant tiles carry data-participant-id in the meeting, not in the lobby.
  { platform: 'meet', name: 'meet participant tile', selector: '[data-participant-id]' },
  // Meet: the in-call control bar's leave button keeps a stable jsname across languages.
  { platform: 'meet', name: 'meet leave-call button', selector: '[jsname="CQylAd"]' },
  // Zoom web client: the meeting footer and its leave button exist only once joined.
  { platform: 'zoom', name: 'zoom meeting footer', selector: '#wc-footer' },
  { platform: 'zoom', name: 'zoom leave button', selector: '.footer__leave-btn-container' },
];

/** The call state of a page: whether a call is under way, and which cue said so. */
export interface DetectedCall {
  platform: CallPlatform;
  inCall: boolean;
  cue: string | null;
}

/** Detect a call on a page of the given URL. Off a call URL (lobby pages aside) it is never a call. */
export function detectCall(doc: Pick<Document, 'querySelector'>, url: string): DetectedCall | null {
  const platform = callPlatform(url);
  if (!platform) return null;
  for (const cue of CALL_CUES) {
    if (cue.platform === platform && doc.querySelector(cue.selector)) return { platform, inCall: true, cue: cue.name };
  }
  return { platform, inCall: false, cue: null };
}
