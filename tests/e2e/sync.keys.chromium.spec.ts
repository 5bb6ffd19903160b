/**
 * Computers and passphrases, between two Chromium profiles through rclone's
 * WebDAV server on 127.0.0.1, from the options page as a person would: each
 * computer named and listed, the passphrase changed on one (the other asks for
 * it and then syncs), and a computer removed (it can no longer read a change
 * made after). The steps follow one another and share the browsers and the server.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDavClient } from '../../utils/platform/sync/webdav';
import { startWebDav, type WebDavServer } from '../webdav-server';
import { axeViolations } from './axe';
import { type ExtensionBrowser, launchExtension } from './chromium';
import { NotesPage, optionsSection } from './pages';

const PASSPHRASE = 'four words we remember';
const NEW_PASSPHRASE = 'seven green apples on the wall';

/** Play the person's "allow" for the server (Site access → add a site; see sync.chromium.spec.ts). */
async function allowSite(browser: ExtensionBrowser): Promise<void> {
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

async function openSync(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.openPage('options.html');
  await optionsSection(page, 'Sync');
  await page.getByRole('heading', { name: 'Sync between your computers' }).waitFor();
  return page;
}

async function fillSetup(page: Page, url: string): Promise<void> {
  await page.getByLabel('Server folder address (WebDAV)').fill(url);
  await page.getByLabel('User name').fill('coach');
  await page.getByLabel('App password').fill('app-password-1');
  await page.getByLabel('Sync passphrase').fill(PASSPHRASE);
}

type Status = { lastSyncedAt: number | null; problem: { fault: string; at: number } | null; running: boolean };
const statusOf = async (page: Page): Promise<Status> =>
  ((await page.evaluate(() => chrome.storage.local.get('syncStatus'))).syncStatus as Status | undefined) ?? {
    lastSyncedAt: null,
    problem: null,
    running: false,
  };

/** Press Sync now and wait until that sync has ended; returns its problem, if any. */
async function syncNow(page: Page): Promise<string | null> {
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

const stored = async (page: Page, key: string): Promise<unknown> => (await page.evaluate((k) => chrome.storage.local.get(k), key))[key];

/** Write the notes of A's open session in its panel, as a person types them. */
async function writeNotes(browser: ExtensionBrowser, text: string): Promise<void> {
  const panel = await browser.openPage('sidepanel.html');
  const notes = new NotesPage(panel);
  await notes.field.fill(text);
  await notes.saveStatus.getByText('Saved').waitFor();
  await panel.close();
}

/** axe-core finds nothing to fix, light and dark. */
async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), colorScheme).toEqual([]);
  }
}

/** Name this computer in its sync settings. */
async function nameComputer(page: Page, name: string): Promise<void> {
  await page.getByLabel("This computer's name").fill(name);
  await page.getByRole('button', { name: 'Save the name' }).click();
  await page.getByText('Saved: the other computers see the name', { exact: false }).waitFor();
}

describe('computers and passphrases: named, listed, a passphrase changed, a computer removed', () => {
  let dav: WebDavServer;
  let a: ExtensionBrowser;
  let b: ExtensionBrowser;
  let aSync: Page;
  let bSync: Page;
  let sessionId: string;
  let folder: string;
  const server = () => createDavClient({ url: folder, user: dav.user, password: dav.password, retryDelays: [] });
  const devices = async () => (await server().list()).filter((e) => e.folder).map((e) => e.name);

  beforeAll(async () => {
    dav = await startWebDav();
    folder = `${dav.url}sidecoach/`;
    [a, b] = await Promise.all([launchExtension(undefined, { role: 'coach' }), launchExtension(undefined, { role: 'coach' })]);
    await Promise.all([allowSite(a), allowSite(b)]);
    a.allowServer(dav.origin);
    b.allowServer(dav.origin);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await dav?.dispose();
  });

  it('both computers sync and are named; each lists the other with its name and when it was last seen', async () => {
    const panel = await a.openPage('sidepanel.html');
    const notes = new NotesPage(panel);
    await notes.field.fill('Goal: one question in every meeting.');
    await notes.saveStatus.getByText('Saved').waitFor();
    sessionId = (await stored(panel, 'activeSessionId')) as string;
    await panel.close();
    for (const [browser, name] of [
      [a, 'Office desktop'],
      [b, 'Travel laptop'],
    ] as const) {
      const page = await openSync(browser);
      await fillSetup(page, folder);
      await page.getByRole('button', { name: 'Start syncing' }).click();
      await page.getByRole('status').getByText('Last synced', { exact: false }).waitFor({ timeout: 30_000 });
      await nameComputer(page, name);
      expect(await syncNow(page)).toBeNull();
      if (browser === a) aSync = page;
      else bSync = page;
    }
    expect(await stored(bSync, `notes.${sessionId}`)).toBe('Goal: one question in every meeting.');
    await aSync.getByRole('button', { name: 'Show the computers' }).click();
    const list = aSync.getByRole('list', { name: 'Computers' });
    await list.getByText('Office desktop (this computer)').waitFor();
    await list.getByText(/Travel laptop · last seen/).waitFor();
    await expectAccessible(aSync);
  });

  it('the passphrase changed on A: B says so and asks for it, refuses the old one, then syncs with the new one', async () => {
    await aSync.getByLabel('New sync passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await aSync.getByLabel('New sync passphrase again', { exact: true }).fill(NEW_PASSPHRASE);
    await aSync.getByRole('button', { name: 'Change the passphrase' }).click();
    await aSync.getByText('The passphrase is changed', { exact: false }).waitFor({ timeout: 60_000 });
    await writeNotes(a, 'Goal: one question in every meeting.\nStep: after the new passphrase.');
    expect(await syncNow(aSync)).toBeNull();

    expect(await syncNow(bSync)).toBe('keyChanged');
    await bSync.getByRole('alert').getByText('The sync key was changed on another computer', { exact: false }).waitFor();
    expect(await stored(bSync, `notes.${sessionId}`)).toBe('Goal: one question in every meeting.');
    await expectAccessible(bSync);
    const field = bSync.getByLabel('Sync passphrase in use now', { exact: true });
    await field.fill(PASSPHRASE);
    await bSync.getByRole('button', { name: 'Go on syncing' }).click();
    await bSync.getByText('This passphrase does not open the data on the server', { exact: false }).waitFor({ timeout: 60_000 });
    await field.fill(NEW_PASSPHRASE);
    await bSync.getByRole('button', { name: 'Go on syncing' }).click();
    await expect.poll(() => stored(bSync, `notes.${sessionId}`), { timeout: 60_000 }).toContain('Step: after the new passphrase.');
    await bSync.getByRole('alert').waitFor({ state: 'detached' });
    // B's answer reaches A under the new key.
    await bSync.evaluate(
      (id) =>
        chrome.storage.local.set({ [`notes.${id}`]: 'Goal: one question in every meeting.\nStep: after the new passphrase.\nFrom B.' }),
      sessionId,
    );
    expect(await syncNow(bSync)).toBeNull();
    expect(await syncNow(aSync)).toBeNull();
    expect(await stored(aSync, `notes.${sessionId}`)).toBe(
      'Goal: one question in every meeting.\nStep: after the new passphrase.\nFrom B.',
    );
    expect(await devices()).toHaveLength(2);
  });

  it('B removed on A: B can no longer read a change made after, and says it was removed', async () => {
    await aSync.reload();
    await optionsSection(aSync, 'Sync');
    await aSync.getByRole('button', { name: 'Show the computers' }).click();
    await aSync.getByRole('button', { name: 'Remove Travel laptop' }).click();
    await aSync.getByLabel('Sync passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await aSync.getByRole('button', { name: 'Remove it and make a new key' }).click();
    await aSync.getByText('Removed. A new key is in use', { exact: false }).waitFor({ timeout: 60_000 });
    await expect.poll(() => aSync.getByRole('list', { name: 'Computers' }).getByRole('listitem').count()).toBe(1);
    await writeNotes(a, 'Goal: one question in every meeting.\nStep: after the removal.');
    expect(await syncNow(aSync)).toBeNull();
    expect(await devices()).toHaveLength(1);

    expect(await syncNow(bSync)).toBe('removed');
    await bSync.getByRole('alert').getByText('This computer was removed from sync on another computer', { exact: false }).waitFor();
    expect(await stored(bSync, `notes.${sessionId}`)).not.toContain('after the removal');
    // Its old key opens nothing on the server now (its own notes stay on it).
    expect(await syncNow(bSync)).toBe('removed');
    expect(await stored(bSync, `notes.${sessionId}`)).toContain('From B.');
  });
});
