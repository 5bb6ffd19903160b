import type { ComponentChild, render as preactRender } from 'preact';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { ensureActiveSession } from '../../utils/platform/sessions';
import { activeSessionIdStore } from '../../utils/platform/storage';
import { flushOnHide } from '../../utils/platform/stored-signal';
import { followTheme } from '../../utils/platform/theme';

/**
 * Shared start-up of every extension page: find (or create) the active
 * session, render the page for it, re-render when another page switches the
 * active session, and flush pending edits when the page is hidden or closed.
 */
export async function mountPage(
  view: (sessionId: string) => ComponentChild | Promise<ComponentChild>,
  render: typeof preactRender,
  root: HTMLElement = document.getElementById('app') as HTMLElement,
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
  let current: string | null = null;
  const show = async (sessionId: string) => {
    if (sessionId === current) return;
    current = sessionId;
    const content = await view(sessionId);
    if (skeleton && root.querySelector('[aria-busy="true"]')) root.replaceChildren();
    render(<div key={sessionId}>{content}</div>, root);
  };
  await show(await ensureActiveSession());
  activeSessionIdStore.item.watch((next) => {
    if (next) void show(next);
  });
}
