import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Request, type Worker } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { DEFAULT_SETTINGS, type Role } from '../../utils/domain/settings';

/** The production Chrome build the tests load. */
export const CHROME_BUILD = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker. */
  worker: Worker;
  /** Every request made by an extension page or the service worker that would leave the browser. */
  outgoing: string[];
  /**
   * Allow requests to one origin (the test's sync server, while sync is on); null: none again.
   * Allowed requests are listed in `toServer` instead of `outgoing`.
   */
  allowServer(origin: string | null): void;
  toServer: string[];
  /** Open one of the extension's pages in a tab. */
  openPage(path: string): Promise<Page>;
  /** Close the browser; keep the profile when `keepProfile` (to restart with it). */
  close(keepProfile?: boolean): Promise<void>;
}

/**
 * Launch Debian's Chromium with the built extension loaded, headless, with a
 * fresh profile (or `userDataDir` to restart on an existing one). A fresh
 * profile starts as a coachee who already answered the welcome's question
 * (most specs test the coachee's popup); `role: null` leaves the question unanswered.
 * `extensionDir` loads the unpacked extension from that folder instead of the
 * current build (the update test: an earlier release's files, then the current
 * build's in the same folder; Chromium derives an unpacked extension's id from its path).
 */
export async function launchExtension(
  userDataDir?: string,
  options: { lang?: string; role?: Role | null; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const dir = userDataDir ?? (await mkdtemp(join(tmpdir(), 'sidecoach-e2e-')));
  const extension = options.extensionDir ?? CHROME_BUILD;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    locale: options.lang ?? 'en-US',
    env: { ...process.env, LANGUAGE: options.lang ?? 'en-US' },
    headless: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.lang ?? 'en-US'}`,
    ],
  });
  // Fail fast instead of hanging on a locator that never matches.
  context.setDefaultTimeout(10_000);
  const outgoing: string[] = [];
  const toServer: string[] = [];
  let allowed: string | null = null;
  const record = (request: Request) => {
    const url = request.url();
    if (/^(chrome-extension|data|blob|about|chrome):/.test(url)) return;
    let fromExtension = request.serviceWorker() !== null;
    try {
      fromExtension ||= request.frame().url().startsWith('chrome-extension://');
    } catch {
      // Requests of a service worker have no frame.
      fromExtension = true;
    }
    if (fromExtension) (allowed !== null && url.startsWith(`${allowed}/`) ? toServer : outgoing).push(url);
  };
  context.on('request', record);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const role = options.role === undefined ? 'coachee' : options.role;
  if (!userDataDir && role) {
    await setRole(worker, role);
    await welcomeLoaded(context);
  }
  return {
    context,
    extensionId,
    worker,
    userDataDir: dir,
    outgoing,
    toServer,
    allowServer(origin) {
      allowed = origin;
    },
    async openPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close(keepProfile = false) {
      await context.close();
      if (!keepProfile) await rm(dir, { recursive: true, force: true });
      // Every test that drives Chromium also checks the privacy promise.
      if (outgoing.length > 0) throw new Error(`The extension made requests that would leave the browser: ${outgoing.join(', ')}`);
    },
  };
}

/**
 * Wait until the welcome tab a new install opens has loaded (its question is
 * answered already; it stays open, as a person leaves it). Still loading, it
 * would race what a test does next: the page clock, for one, is installed in
 * every page of the context and failed on a welcome tab mid-navigation.
 * (Closing it instead left Chromium's next extension page without its
 * messages now and then: every text showed as its key.)
 */
async function welcomeLoaded(context: BrowserContext): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (welcome) {
      // Its pictures load too: on a loaded machine that took over 10 s once (load average 13).
      await welcome.waitForLoadState('load', { timeout: 30_000 });
      return;
    }
    await new Promise((r) => setTimeout(r, 50)); // A poll interval, not a wait for time to pass.
  }
  throw new Error('A new install did not open its welcome page within 10 s.');
}

/** Answer the welcome's question as a person would have (writes the role into the stored settings). */
export async function setRole(worker: Worker, role: Role): Promise<void> {
  await worker.evaluate(
    async ({ role, defaults }) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? defaults), role } });
    },
    { role, defaults: DEFAULT_SETTINGS },
  );
}

/** A browser for each test of a suite, launched before it and closed (with the privacy check) after it. */
export interface ExtensionPerTest extends ExtensionBrowser {
  /** Close this test's browser keeping its profile, and start it again on that profile. */
  restart(): Promise<void>;
}

/**
 * Register the launch/close hooks every Chromium spec needs: a fresh profile
 * per test, closed after it (which fails the test if a request would have left
 * the browser). The returned object always speaks for the current test's
 * browser, so tests use it like the browser itself. `role` as in `launchExtension`
 * (a coachee who answered the welcome's question unless told otherwise).
 */
export function extensionPerTest(
  options: { lang?: string; role?: Role | null; setUp?: (browser: ExtensionBrowser) => Promise<void> | void } = {},
): ExtensionPerTest {
  let current: ExtensionBrowser | undefined;
  const live = (): ExtensionBrowser => {
    if (!current) throw new Error('The extension browser exists only inside a test.');
    return current;
  };
  const launch = async (dir?: string) => {
    current = await launchExtension(dir, { lang: options.lang, role: options.role });
    await options.setUp?.(current);
  };
  beforeEach(() => launch());
  afterEach(async () => {
    const done = current;
    current = undefined;
    await done?.close();
  });
  return {
    get context() {
      return live().context;
    },
    get extensionId() {
      return live().extensionId;
    },
    get worker() {
      return live().worker;
    },
    get userDataDir() {
      return live().userDataDir;
    },
    get outgoing() {
      return live().outgoing;
    },
    get toServer() {
      return live().toServer;
    },
    allowServer: (origin) => live().allowServer(origin),
    openPage: (path) => live().openPage(path),
    close: (keepProfile) => live().close(keepProfile),
    async restart() {
      const was = live();
      await was.close(true);
      await launch(was.userDataDir);
    },
  };
}

/** What the clipboard holds, read by pasting it into a plain page of the same browser (as into a mail). */
export async function pasteClipboard(browser: ExtensionBrowser): Promise<string> {
  const mail = await browser.context.newPage();
  await mail.setContent('<label>Mail <textarea rows="20"></textarea></label>');
  await mail.getByLabel('Mail').focus();
  await mail.keyboard.press('Control+V');
  const text = await mail.getByLabel('Mail').inputValue();
  await mail.close();
  return text;
}

/**
 * The extension's service worker once its install has finished its own writes
 * (the session index; an install creates no session), so data a test seeds is not raced by
 * them: on a busy machine the install's index write could land after the seed.
 */
export async function installedWorker(browser: ExtensionBrowser): Promise<Worker> {
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  const deadline = Date.now() + 15_000;
  // The index is the install's last write that touches sessions (see background.ts onInstalled).
  while (!(await worker.evaluate(async () => 'sessionIndex' in (await chrome.storage.local.get('sessionIndex'))))) {
    if (Date.now() > deadline) throw new Error('The extension did not finish installing within 15 s.');
    await new Promise((r) => setTimeout(r, 50)); // A poll interval, not a wait for time to pass.
  }
  return worker;
}
