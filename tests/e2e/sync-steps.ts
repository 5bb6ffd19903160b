/**
 * The steps the sync specs share: a person's "allow" for the server, the options
 * page's Sync section filled in and Sync now pressed, the sync status read from
 * storage, and two or three coach computers started against one rclone WebDAV server.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createDavClient } from '../../utils/platform/sync/webdav';
import { startWebDav, type WebDavServer } from '../webdav-server';
import { axeViolations } from './axe';
import { type ExtensionBrowser, launchExtension } from './chromium';
import { NotesPage, optionsSection } from './pages';

/** The passphrase the specs' computers agree on. */
export const PASSPHRASE = 'four words we remember';

/** Play the person's "allow" for the server: what Site access → add a site does (see DESIGN §5). */
export async function allowSite(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const dev = (
          globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string, cb: () => void): void } } }
        ).chrome.developerPrivate;
        dev.addHostPermission(id, 'http://127.0.0.1/*', () => {
          const error = (globalThis as unknown as { chrome: { runtime: { lastError?: { message: string } } } }).chrome.runtime.lastError;
          if (error) reject(new Error(error.message));
          else resolve();
        });
      }),
    browser.extensionId,
  );
  await page.close();
}

/** The sync section of the options page. */
export async function openSync(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.openPage('options.html');
  await optionsSection(page, 'Sync');
  await page.getByRole('heading', { name: 'Sync between your computers' }).waitFor();
  return page;
}

/** Fill in the set-up form as a person would (the login is the one tests/webdav-server.ts serves). */
export async function fillSetup(page: Page, url: string, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Server folder address (WebDAV)').fill(url);
  await page.getByLabel('User name').fill('coach');
  await page.getByLabel('App password').fill('app-password-1');
  await page.getByLabel('Sync passphrase').fill(passphrase);
}

/** What the background keeps as `syncStatus`. */
export type SyncStatus = { lastSyncedAt: number | null; problem: { fault: string; at: number } | null; running: boolean };

/** The sync status as stored, or the status before any sync. */
export const statusOf = async (page: Page): Promise<SyncStatus> =>
  ((await page.evaluate(() => chrome.storage.local.get('syncStatus'))).syncStatus as SyncStatus | undefined) ?? {
    lastSyncedAt: null,
    problem: null,
    running: false,
  };

/** Press Sync now and wait until that sync has ended (well or not); returns its problem, if any. */
export async function syncNow(page: Page): Promise<string | null> {
  const before = await statusOf(page);
  const button = page.getByRole('button', { name: 'Sync now' });
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
  await button.click();
  await expect
    .poll(
      async () => {
        const s = await statusOf(page);
        return !s.running && (s.lastSyncedAt !== before.lastSyncedAt || (s.problem?.at ?? 0) !== (before.problem?.at ?? 0));
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return (await statusOf(page)).problem?.fault ?? null;
}

/** One key of the extension's local storage, read in one of its pages. */
export const stored = async (page: Page, key: string): Promise<unknown> =>
  (await page.evaluate((k) => chrome.storage.local.get(k), key))[key];

/** axe-core finds nothing to fix, light and dark. */
export async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), colorScheme).toEqual([]);
  }
}

/** Name this computer in its sync settings, as a person would. */
export async function nameComputer(page: Page, name: string): Promise<void> {
  await page.getByLabel("This computer's name").fill(name);
  await page.getByRole('button', { name: 'Save the name' }).click();
  await page.getByText('Saved: the other computers see the name', { exact: false }).waitFor();
}

/** This computer's device id (the name of its folder on the server), from sync's database. */
export const deviceOf = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('sidecoach-sync');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('meta');
          get.onsuccess = () => {
            resolve((get.result as { dev: string }).dev);
            open.result.close();
          };
        };
      }),
  );

/** Write the notes of the browser's open session in its panel, as a person types them; returns that session's id. */
export async function writeNotes(browser: ExtensionBrowser, text: string): Promise<string> {
  const panel = await browser.openPage('sidepanel.html');
  const notes = new NotesPage(panel);
  await notes.field.fill(text);
  await notes.saveStatus.getByText('Saved').waitFor();
  const sessionId = (await stored(panel, 'activeSessionId')) as string;
  await panel.close();
  return sessionId;
}

/** On the options page (reloaded, at Sync): remove the computer named `name`, with the passphrase for the new key, and wait until it is done. */
export async function removeComputer(page: Page, name: string, passphrase: string): Promise<void> {
  await page.reload();
  await optionsSection(page, 'Sync');
  await page.getByRole('button', { name: 'Show the computers' }).click();
  await page.getByRole('button', { name: `Remove ${name}` }).click();
  await page.getByLabel('Sync passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Remove it and make a new key' }).click();
  await page.getByText('Removed. A new key is in use', { exact: false }).waitFor({ timeout: 60_000 });
}

/** Coach computers, each allowed to reach one rclone WebDAV server, and that server. */
export interface Computers {
  readonly dav: WebDavServer;
  /** The sync folder on the server, ending in `/`. */
  readonly folder: string;
  readonly a: ExtensionBrowser;
  readonly b: ExtensionBrowser;
  /** The third computer (only where three were started). */
  readonly c: ExtensionBrowser;
  /** The server as another program sees it (a person in the server's web page, a sync client). */
  server(): ReturnType<typeof createDavClient>;
  /** The device folders on the server. */
  devices(): Promise<string[]>;
}

/** Start the server and `count` coach computers with the site allowed (the specs' beforeAll). */
async function startComputers(count: number): Promise<{ dav: WebDavServer; folder: string; browsers: ExtensionBrowser[] }> {
  const dav = await startWebDav();
  const folder = `${dav.url}sidecoach/`;
  const launched = await Promise.allSettled(Array.from({ length: count }, () => launchExtension(undefined, { role: 'coach' })));
  const browsers = launched.flatMap((l) => (l.status === 'fulfilled' ? [l.value] : []));
  if (browsers.length < count) {
    // A browser that did not start: close what did, so no profile or server outlives the spec.
    await Promise.all(browsers.map((b) => b.close()));
    await dav.dispose();
    throw (launched.find((l) => l.status === 'rejected') as PromiseRejectedResult).reason;
  }
  await Promise.all(browsers.map((b) => allowSite(b)));
  for (const b of browsers) b.allowServer(dav.origin);
  return { dav, folder, browsers };
}

/** The server as another program sees it, and its device folders. */
function serverOf(dav: WebDavServer, folder: string) {
  const server = () => createDavClient({ url: folder, user: dav.user, password: dav.password, retryDelays: [] });
  return { server, devices: async () => (await server().list()).filter((e) => e.folder).map((e) => e.name) };
}

/** `count` coach computers and their server for the enclosing describe: started before its tests, closed after them. */
function computersForTheseTests(count: 2 | 3): Computers {
  let started: { dav: WebDavServer; folder: string; browsers: ExtensionBrowser[] } | undefined;
  beforeAll(async () => {
    started = await startComputers(count);
  });
  afterAll(async () => {
    await Promise.all(started?.browsers.map((b) => b.close()) ?? []);
    await started?.dav.dispose();
  });
  const get = () => {
    if (!started) throw new Error(`The ${count} computers start in beforeAll.`);
    return started;
  };
  const at = (i: number) => {
    const browser = get().browsers[i];
    if (!browser) throw new Error(`Only ${count} computers were started.`);
    return browser;
  };
  return {
    get dav() {
      return get().dav;
    },
    get folder() {
      return get().folder;
    },
    get a() {
      return at(0);
    },
    get b() {
      return at(1);
    },
    get c() {
      return at(2);
    },
    server: () => serverOf(get().dav, get().folder).server(),
    devices: () => serverOf(get().dav, get().folder).devices(),
  };
}

/** Two coach computers and their server for the enclosing describe. */
export const twoComputersForTheseTests = (): Omit<Computers, 'c'> => computersForTheseTests(2);
/** Three coach computers and their server for the enclosing describe. */
export const threeComputersForTheseTests = (): Computers => computersForTheseTests(3);
