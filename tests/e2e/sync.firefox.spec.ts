/**
 * Sync across browsers: a Firefox profile and a Chromium profile share notes
 * through a real WebDAV server (rclone serve webdav on 127.0.0.1), both set up
 * from the options page as a person would.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebDav, type WebDavServer } from '../webdav-server';
import { type ExtensionBrowser, launchExtension } from './chromium';
import { type FirefoxExtension, launchFirefoxExtension } from './firefox';
import { NotesPage } from './pages';
import { allowSite, fillSetup, openSync, PASSPHRASE, type SyncStatus, syncNow } from './sync-steps';

/** Firefox's extension storage, read in one of its extension pages. */
const firefoxStored = (page: Page, key: string) =>
  page.evaluate(async (k) => (await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(k))[k] as unknown, key);

async function firefoxSyncNow(page: Page): Promise<void> {
  const read = async () => ((await firefoxStored(page, 'syncStatus')) ?? {}) as SyncStatus;
  const before = await read();
  await page.locator('::-p-aria(Sync now[role="button"])').click();
  await expect
    .poll(async () => ((s) => !s.running && s.lastSyncedAt !== before.lastSyncedAt)(await read()), { timeout: 30_000 })
    .toBe(true);
  expect((await read()).problem).toBeNull();
}

describe('sync between Firefox and Chromium', () => {
  let dav: WebDavServer;
  let firefox: FirefoxExtension;
  let chromium: ExtensionBrowser;

  beforeAll(async () => {
    dav = await startWebDav();
    // Firefox shows its own prompt for an optional permission, which automation cannot answer:
    // this preference plays the person's yes (the request itself stays in the product).
    [firefox, chromium] = await Promise.all([
      launchFirefoxExtension({ 'extensions.webextOptionalPermissionPrompts': false }),
      launchExtension(),
    ]);
    await allowSite(chromium);
    chromium.allowServer(dav.origin);
  });
  afterAll(async () => {
    await Promise.all([firefox?.close(), chromium?.close()]);
    await dav?.dispose();
  });

  it('notes written in Chromium reach Firefox, and Firefox’s words reach Chromium', async () => {
    const panel = new NotesPage(await chromium.openPage('sidepanel.html'));
    await panel.field.fill('From the desktop: ask about the team.');
    await panel.saveStatus.getByText('Saved').waitFor();
    const sessionId = (await panel.page.evaluate(() => chrome.storage.local.get('activeSessionId'))).activeSessionId as string;
    const options = await openSync(chromium);
    await fillSetup(options, `${dav.url}sidecoach/`);
    await options.getByRole('button', { name: 'Start syncing' }).click();
    await options.getByRole('status').getByText('Last synced', { exact: false }).waitFor({ timeout: 30_000 });

    // Firefox: the test build opened its popup (popup.html goes on to the coachee's); from there the page goes to the options' Sync section itself.
    const page = await firefox.extensionPage('/popup-coachee.html');
    await page.evaluate(() => location.assign('/options.html#sync'));
    await page.bringToFront();
    // Fields by the ids their labels name (the label's parentheses do not fit puppeteer's aria selector).
    for (const [id, text] of [
      ['sync-url', `${dav.url}sidecoach/`],
      ['sync-user', dav.user],
      ['sync-password', dav.password],
      ['sync-passphrase', PASSPHRASE],
    ]) {
      await page.waitForSelector(`#${id}`);
      await page.click(`#${id}`);
      await page.keyboard.type(text as string);
    }
    await page.locator('::-p-aria(Start syncing[role="button"])').click();
    await page.locator('::-p-text(Last synced)').setTimeout(30_000).wait();
    await expect.poll(() => firefoxStored(page, `notes.${sessionId}`), { timeout: 10_000 }).toBe('From the desktop: ask about the team.');

    // Firefox adds its words (as its notes editor would store them), syncs; Chromium syncs and has both.
    const sidebar = await firefox.extensionPage('/sidepanel.html');
    await sidebar.bringToFront();
    const notesValue = () =>
      sidebar.evaluate(() => {
        const field = [...document.querySelectorAll('textarea')].find(
          (t) =>
            t.getAttribute('aria-label') === 'Session notes' || [...(t.labels ?? [])].some((l) => l.textContent?.includes('Session notes')),
        );
        return JSON.stringify(field?.value ?? null);
      });
    await expect.poll(async () => JSON.parse(await notesValue()), { timeout: 10_000 }).toBe('From the desktop: ask about the team.');
    await sidebar.locator('::-p-aria(Session notes)').click();
    await sidebar.keyboard.press('End');
    await sidebar.keyboard.type(' From the laptop: the team said yes.');
    await sidebar.locator('::-p-text(Saved)').wait();
    await page.bringToFront();
    await firefoxSyncNow(page);
    expect(await syncNow(options)).toBeNull();
    await expect.poll(() => panel.field.inputValue()).toBe('From the desktop: ask about the team. From the laptop: the team said yes.');
  });
});
