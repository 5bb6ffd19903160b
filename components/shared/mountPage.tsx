import type { ComponentChild, render as preactRender } from 'preact';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { ensureActiveSession } from '../../utils/platform/session-activation';
import { activeSessionIdStore } from '../../utils/platform/storage';
import { flushOnHide } from '../../utils/platform/stored-signal';
import { followTheme } from '../../utils/platform/theme';

/**
 * Start-up of a page that works on no session (the welcome, the privacy page, the
 * options): language, theme, and pending edits flushed when the page is hidden.
 * Opening it creates nothing.
 */
export function mountStaticPage(
  view: () => ComponentChild,
  render: typeof preactRender,
  root: HTMLElement = document.getElementById('app') as HTMLElement,
): void {
  flushOnHide(window);
  document.documentElement.lang = uiLanguage();
  followTheme(document.documentElement);
  render(view(), root);
}

/**
 * Shared start-up of every extension page that works on the active session: find (or create) the active
 * session, render the page for it, re-render when another page switches the
 * active session, and flush pending edits when the page is hidden or closed.
 */
export async function mountPage(
  view: (sessionId: string) => ComponentChild | Promise<ComponentChild>,
  render: typeof preactRender,
  root?: HTMLElement,
): Promise<void>;
/**
 * With `find`, the page is shown for what it finds: a `find` that may answer null shows a page opened
 * before there is any session with none, creating nothing. (A switch made elsewhere brings a session id.)
 */
export async function mountPage<Id extends string | null>(
  view: (sessionId: Id) => ComponentChild | Promise<ComponentChild>,
  render: typeof preactRender,
  root: HTMLElement | undefined,
  options: { find: () => Promise<Id> },
): Promise<void>;
export async function mountPage(
  view: (sessionId: string) => ComponentChild | Promise<ComponentChild>,
  render: typeof preactRender,
  root: HTMLElement = document.getElementById('app') as HTMLElement,
  options: { find?: () => Promise<string | null> } = {},
): Promise<void> {
  flushOnHide(window);
  document.documentElement.lang = uiLanguage();
  // Paint at once (the session is read from storage next), so the first paint does not wait on I/O;
  // a page that ships its first view as static HTML (the panel) keeps that until the app is ready.
  const skeleton = root.firstElementChild !== null;
  if (!skeleton)
    render(
      <main>
        <p class="muted">{t('loading')}</p>
      </main>,
      root,
    );
  followTheme(document.documentElement);
  let current: string | null | undefined;
  const show = async (sessionId: string | null) => {
    if (sessionId === current) return;
    current = sessionId;
    // Only the `find` overload reaches here with null.
    const content = await view(sessionId as string);
    if (skeleton && root.querySelector('[aria-busy="true"]')) root.replaceChildren();
    render(<div key={sessionId ?? 'none'}>{content}</div>, root);
  };
  await show(await (options.find ?? ensureActiveSession)());
  activeSessionIdStore.item.watch((next) => {
    if (next) void show(next);
  });
}
