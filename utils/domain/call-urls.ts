/**
 * Which URLs are calls, where the side panel belongs. Pure: no browser calls.
 */

/** The video-call platforms Sidecoach knows. */
export type CallPlatform = 'meet' | 'zoom';

/** Meet meeting codes look like abc-defg-hij. */
const MEET_CODE = /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}(?:\/|$)/;

/**
 * The platform of a call page, or null when the URL is not a call: Meet
 * meeting codes on meet.google.com, and Zoom's web client (`/wc/...`) on
 * zoom.us or any of its subdomains. Landing pages, `/j/` launchers and
 * look-alike hosts are not calls.
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
  if ((host === 'zoom.us' || host.endsWith('.zoom.us')) && /^\/wc\//.test(parsed.pathname)) return 'zoom';
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
