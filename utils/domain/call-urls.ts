/**
 * Which URLs are calls, where the side panel belongs. Pure: no browser calls.
 */

/** The video-call platforms Sidecoach knows. */
export type CallPlatform = 'meet' | 'zoom';

/**
 * Meet meeting codes look like abc-defg-hij, at the root or under `/_meet/`
 * (the path Meet also serves calls at: ShingZhanho/auto-gmeet.js).
 */
const MEET_CODE = /^\/(?:_meet\/)?[a-z]{3}-[a-z]{4}-[a-z]{3}(?:\/|$)/;

/** Zoom's own hosts: zoom.us and zoom.com (web-client calls live on both since 2026: attendee-labs/attendee), and their subdomains. */
const isZoomHost = (host: string) => ['zoom.us', 'zoom.com'].some((root) => host === root || host.endsWith(`.${root}`));

/**
 * A Zoom web-client meeting: the meeting number (9 to 11 digits: Vexa-ai/vexa
 * clients/extension/src/meeting.ts) right after `/wc/` or `/wc/join/`, then
 * anything (`/join`, `/start`, a bare `/`). The forms in use: `/wc/<n>/join`
 * (vivek-nexus/transcriptonic extension/rules.json rewrites `/j/` links to it
 * with `?fromPWA=1`; Vexa core/meetings/modules/join/src/zoom/join.ts),
 * `/wc/<n>/start` (transcriptonic rules.json for `/s/`; Meeting-BaaS/meet-teams-bot
 * src/urlParser/zoomUrlParser.test.ts), `/wc/<n>/` (meet-teams-bot, same test) and
 * `/wc/join/<n>` (screenappai/meeting-bot src/bots/ZoomBot.ts; basecamp/omarchy
 * bin/omarchy-webapp-handler-zoom). Zoom's web app (Zoom Workplace, at
 * `/wc/home`: omarchy, same file) shares the prefix for pages with no meeting
 * (home, chat, contacts, settings, recordings, scheduler): words, never a number.
 */
const ZOOM_MEETING = /^\/wc\/(?:join\/)?\d{9,11}(?:\/|$)/;

/**
 * The platform of a call page, or null when the URL is not a call: Meet
 * meeting codes on meet.google.com, and Zoom web-client meetings (a meeting
 * number under `/wc/`) on zoom.us, zoom.com or any of their subdomains.
 * Landing pages, the Zoom web app's own pages, `/j/`, `/s/` and `/w/`
 * launchers and look-alike hosts are not calls.
 */
export function callPlatform(url: string | undefined): CallPlatform | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase();
  if (host === 'meet.google.com' && MEET_CODE.test(parsed.pathname)) return 'meet';
  if (isZoomHost(host) && ZOOM_MEETING.test(parsed.pathname)) return 'zoom';
  return null;
}

/** A tab as far as choosing a call tab goes. */
export interface TabLike {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
}

/** The call tab to open the panel beside: the active tab if it is a call, else the call tab used last. */
export function pickCallTab<T extends TabLike>(tabs: readonly T[]): T | undefined {
  const calls = tabs.filter((t) => t.id !== undefined && callPlatform(t.url) !== null);
  return calls.find((t) => t.active) ?? [...calls].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
