/**
 * Where a Meet or Zoom page is in a call's life: waiting to get in, in the
 * call, or on an end screen. Each platform's cues live here, each with the
 * public source that documented its shape and a fixture page that has it
 * (tests/fixtures/calls/, see DETECTION.md for refreshing them). Cues are
 * structure (attributes, ids, classes, untranslated icon names), never
 * English labels (one documented exception: Zoom's end dialogs, below). A
 * page is read by a few `querySelector` calls, cheap enough to poll.
 *
 * A missing page is not an end: when the in-call cues vanish with no end
 * screen (a reconnect, a stall, a full-screen dialog) the watch says
 * `unsure`, and only an end screen, leaving the call's URL, closing the tab
 * or a long absence (`CALL_LOST_MS`) ends the call (`nextWatch`).
 *
 * When no cue matches, the answer is "not in a call" and nothing breaks: the
 * clock always works by hand.
 * Pure: takes the document and the URL, no browser calls.
 */
import { type CallPlatform, callPlatform } from './call-urls';

/** Where the page is: not a meeting page yet, waiting to be let in, in the call, or after it. */
export type CallPhase = 'other' | 'waiting' | 'inCall' | 'ended';

/** What a cue needs from a document or element. */
export interface QueryRoot {
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
}

/**
 * One language-independent sign of a phase. Where its shape was documented
 * (repository : file or issue, and date) is the `Source:` comment right above
 * it: comments cost the content script nothing, and the fixture test fails on
 * a cue without one.
 */
export interface CallCue {
  platform: CallPlatform;
  phase: Exclude<CallPhase, 'other'>;
  name: string;
  selector: string;
  /** Icon ligature names the element's text must be one of (Material icon names are never translated). */
  iconNames?: readonly string[];
  /** An element that matches but is not the cue (e.g. Meet's self-preview tile). */
  unless?: (el: Element) => boolean;
  /** The cue holds only when none of these selectors matches. */
  absent?: string;
  /** The matched element's text must match (only for numbers, never words: an error code). */
  text?: RegExp;
}

const ICONS = '.google-symbols, .google-material-icons';
/** Meet's "Backgrounds and visual effects" self-preview carries data-participant-id too; its icon is `visual_effects`. */
const isEffectsPreview = (el: Element) =>
  Array.from(el.querySelectorAll(ICONS)).some((icon) => icon.textContent?.trim() === 'visual_effects');
const ZOOM_VIDEO = '.single-main-container__video-frame, .single-suspension-container__video-frame, .gallery-video-container__video-frame';
/** Meet's call page: its own tile or the control bar's leave button. End screens replace the whole page, so neither is left. */
const MEET_CALL_PAGE = '[data-self-name], [jsname="CQylAd"]';

/** Every cue, by platform, the phases checked in the order ended → in call → waiting. */
export const CALL_CUES: readonly CallCue[] = [
  // ---- Meet ----
  /** Source: KMChris/google-meet-attendance-extension : src/content/content-script.js (2026 research, docs call-pages.md) */
  {
    platform: 'meet',
    phase: 'ended',
    name: 'meet call-ended screen',
    selector: '[data-call-ended="true"]',
  },
  /** Source: attendee-labs/attendee : bots/google_meet_bot_adapter/google_meet_chromedriver_payload.js (.roSPhc, 2025-05-08) */
  {
    platform: 'meet',
    phase: 'ended',
    name: 'meet removed or ended-for-everyone screen',
    // attendee reads this element's text ("You've been removed…", "Your host ended the meeting for everyone"); the element alone is enough once the call page is gone.
    selector: '.roSPhc',
    absent: MEET_CALL_PAGE,
  },
  /** Source: Vexa-ai/vexa : core/meetings/modules/join/src/googlemeet/meeting-not-found.test.ts (data-startup-code, captured 2026-08-25) */
  {
    platform: 'meet',
    phase: 'ended',
    name: "meet can't-join screen (startup error code)",
    selector: '[data-startup-code]:not([data-startup-code=""])',
    absent: MEET_CALL_PAGE,
  },
  /** Source: KMChris/google-meet-attendance-extension : src/content/content-script.js (read 2026-12-07); Vexa-ai/vexa PR #471 (2026-07-03: the waiting screen shows "Return to home screen" too) */
  {
    platform: 'meet',
    phase: 'ended',
    name: 'meet return-home or rejoin button, no call page left',
    // Since mid-2026 "Asking to be let in" carries a way home beside the leave button (Vexa reclassified it as
    // a waiting sign): the way home is an end only where nothing of the call page is left.
    selector: '[data-mdc-dialog-action="returnToHomePage"], button[jsname="EszDse"]',
    absent: MEET_CALL_PAGE,
  },
  /** Source: Vexa-ai/vexa : core/meetings/modules/join/src/googlemeet/selectors.ts; Meeting-BaaS/meet-teams-bot : src/meeting/meet-state-config.ts (both read 2026-11-30) */
  {
    platform: 'meet',
    phase: 'inCall',
    name: 'meet own tile (data-self-name)',
    selector: '[data-self-name]',
  },
  /** Source: Vexa-ai/vexa : core/meetings/modules/join/src/googlemeet/admission.ts (live check 2026-06-12) */
  {
    platform: 'meet',
    phase: 'inCall',
    name: 'meet participant tile (not the effects preview)',
    selector: '[data-participant-id]',
    unless: isEffectsPreview,
  },
  /** Source: vivek-nexus/transcriptonic : extension/content-scripts/google-meet/config.js (icon class since 2024-08: transcriptonic issue #21) */
  {
    platform: 'meet',
    phase: 'inCall',
    name: 'meet captions icon',
    selector: ICONS,
    iconNames: ['closed_caption_off', 'closed_caption'],
  },
  /** Source: Vexa-ai/vexa issue #166 (2026-03); screenappai/meeting-bot : src/bots/GoogleMeetBot.ts (2026-06); ChrisRegado/streamdeck-googlemeet : browser-extension/event_handlers/leave_call_event_handler.js */
  {
    platform: 'meet',
    phase: 'waiting',
    name: 'meet leave button or call_end icon (also in the lobby)',
    selector: '[jsname="CQylAd"]',
  },
  /** Source: Vexa-ai/vexa : core/meetings/modules/join/src/googlemeet/admission.ts (live check 2026-06-12) */
  {
    platform: 'meet',
    phase: 'waiting',
    name: 'meet effects preview (lobby and call)',
    selector: '[data-participant-id]',
  },
  // ---- Zoom (read inside iframe#webclient when the web client runs there) ----
  /** Source: meetingbot/meetingbot : src/bots/zoom/src/bot.ts (2025-07-20, "Fixed issue with Modal Ended modal"); screenappai/meeting-bot : src/tasks/RecordingTask.ts (2026-06-18) */
  {
    platform: 'zoom',
    phase: 'ended',
    name: 'zoom ended-by-host or removed dialog',
    // The one label read as a cue: these dialogs' accessible names are fixed identifiers ("is end now" is no
    // translated sentence) and the dialog lies over a still-present gallery or speaker view, so no structure
    // tells it from a recording notice. If a client ever names them otherwise, the post-meeting page still ends it.
    selector: 'div[aria-label="Meeting is end now"], div[aria-label="You have been removed"]',
  },
  /** Source: Vexa-ai/vexa : core/meetings/modules/join/src/zoom/selectors.ts ("This meeting link is invalid (3,001)", read 2026-11-30) */
  {
    platform: 'zoom',
    phase: 'ended',
    name: 'zoom invalid-link page (error 3001)',
    // Vexa names the page by its English title and text; the error code in it is the part every language shares.
    selector: 'body',
    text: /\(3[,.\s\u00a0\u202f]?001\)/,
    absent: `#audioOptionMenu, #wc-footer, ${ZOOM_VIDEO}`,
  },
  /** Source: vivek-nexus/transcriptonic : extension/content-scripts/zoom/config.js + index.js (PR #101, 2026-08) */
  {
    platform: 'zoom',
    phase: 'inCall',
    name: 'zoom audio menu or join-audio button',
    selector: '#audioOptionMenu, .join-audio-container__btn',
  },
  /** Source: Meeting-BaaS/meet-teams-bot : src/meeting/zoom-state-config.ts (read 2026-11-30) */
  {
    platform: 'zoom',
    phase: 'inCall',
    name: 'zoom video frame',
    selector: ZOOM_VIDEO,
  },
  /** Source: Vexa-ai/vexa : core/meetings/modules/join/src/zoom/selectors.ts (read 2026-11-30); screenappai/meeting-bot : src/bots/ZoomBot.ts (2026-06) */
  {
    platform: 'zoom',
    phase: 'waiting',
    name: 'zoom join form, waiting room or footer before admission',
    selector: '#input-for-name, #inputname, .preview-join-button, #joinBtn, .meeting-app, #wc-footer',
  },
];

const ORDER: readonly CallCue['phase'][] = ['ended', 'inCall', 'waiting'];

/**
 * Whether a cue holds. Its own selector first (end screens are rare, so their
 * `absent` scans of the call page seldom run), then `absent`, which `present`
 * remembers within one reading (one scan each).
 */
function holds(cue: CallCue, root: QueryRoot, present: Map<string, boolean>): boolean {
  const first = root.querySelector(cue.selector);
  if (!first) return false;
  if (cue.absent) {
    const found = present.get(cue.absent) ?? root.querySelector(cue.absent) !== null;
    present.set(cue.absent, found);
    if (found) return false;
  }
  if (cue.text) return cue.text.test(first.textContent ?? '');
  if (!cue.iconNames && !cue.unless) return true;
  const fits = (el: Element) => (!cue.iconNames || cue.iconNames.includes(el.textContent?.trim() ?? '')) && !cue.unless?.(el);
  // The first match usually fits: then the (on a big call, thousands of tiles) full list is never built.
  return fits(first) || Array.from(root.querySelectorAll(cue.selector)).some(fits);
}

/** What one look at a page says: its phase and the cue that said so. */
export interface PageReading {
  platform: CallPlatform;
  phase: CallPhase;
  cue: string | null;
}

/**
 * The document the meeting runs in: Zoom's web client usually runs it in a
 * same-origin `iframe#webclient` (vivek-nexus/transcriptonic : zoom/index.js;
 * meetingbot/meetingbot : src/bots/zoom/src/bot.ts), which the top frame reads
 * directly, so the top frame alone reports for the tab. Otherwise the page itself.
 */
function meetingRoot(doc: QueryRoot): QueryRoot {
  const frame = doc.querySelector('iframe#webclient') as { contentDocument?: QueryRoot | null } | null;
  try {
    return frame?.contentDocument ?? doc;
  } catch {
    return doc; // a cross-origin frame: read the page itself
  }
}

/** Read a page of the given URL. Off a call URL it is never a call. */
export function readCallPage(doc: QueryRoot, url: string): PageReading | null {
  const platform = callPlatform(url);
  if (!platform) return null;
  const root = platform === 'zoom' ? meetingRoot(doc) : doc;
  const present = new Map<string, boolean>();
  for (const phase of ORDER) {
    const cue = CALL_CUES.find((c) => c.platform === platform && c.phase === phase && holds(c, root, present));
    if (cue) return { platform, phase, cue: cue.name };
  }
  return { platform, phase: 'other', cue: null };
}

/** How long a call stays "in call" when its cues vanish without an end screen (a re-render, a hidden footer) before the watch says "unsure". */
export const CALL_GRACE_MS = 8000;

/**
 * How long the call page may be gone before the call counts as ended. Meet's
 * reconnects (the URL gains `arjcm=`/`pplid=`) and page stalls were seen to
 * last 5 to 55 s, and meeboter found a 30 s limit too short during network
 * loss (Payme-Works/meeboter : docs/plans/2025-12-20-google-meet-false-removal-fix-design.md,
 * 2025-12-21-google-meet-bot-resilience-design.md). 90 s is the longest
 * reported stall with a margin of more than half, and still ends a call that
 * dropped without an end screen within a minute and a half.
 */
export const CALL_LOST_MS = 90_000;

/** What the watcher tells the background: not in a call, in it, unsure (its page is gone, no end screen), or ended. */
export type CallReport = 'none' | 'inCall' | 'unsure' | 'ended';

/** What the watcher remembers between looks. */
export interface CallWatch {
  report: CallReport;
  /** When an in-call cue was last seen (epoch ms), or null. */
  lastSeenAt: number | null;
}

export const NO_CALL: CallWatch = { report: 'none', lastSeenAt: null };

/**
 * The next watch state after a look at the page: in the call as soon as an
 * in-call cue shows; ended at once on an end screen. When the cues vanish
 * without one, still in the call for the grace period, then unsure, and ended
 * only after `lostMs` without them. A call that comes back is in the call again.
 */
export function nextWatch(previous: CallWatch, phase: CallPhase, now: number, graceMs = CALL_GRACE_MS, lostMs = CALL_LOST_MS): CallWatch {
  if (phase === 'inCall') return { report: 'inCall', lastSeenAt: now };
  const { lastSeenAt } = previous;
  if (phase === 'ended') return { report: 'ended', lastSeenAt };
  if ((previous.report !== 'inCall' && previous.report !== 'unsure') || lastSeenAt === null)
    return { report: previous.report === 'ended' ? 'ended' : 'none', lastSeenAt };
  const gone = now - lastSeenAt;
  return { report: gone < graceMs ? previous.report : gone < lostMs ? 'unsure' : 'ended', lastSeenAt };
}
