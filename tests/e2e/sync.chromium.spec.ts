/**
 * Sync through a real WebDAV server (rclone serve webdav on 127.0.0.1, behind a
 * pass-through the test can cut) between two Chromium profiles, set up and used
 * as a person would from the options page. The steps follow one another and
 * share the two browsers and the server.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CuttableProxy, startProxy, startWebDav, type WebDavServer } from '../webdav-server';
import { type ExtensionBrowser, launchExtension } from './chromium';
import { NotesPage, openFold, PopupPage } from './pages';
import { allowSite, expectAccessible, fillSetup, openSync, PASSPHRASE, stored, syncNow } from './sync-steps';

describe('sync between two computers through a WebDAV server', () => {
  let dav: WebDavServer;
  let server: CuttableProxy;
  let a: ExtensionBrowser;
  let b: ExtensionBrowser;
  let aSync: Page;
  let bSync: Page;
  let sessionId: string;

  beforeAll(async () => {
    dav = await startWebDav();
    server = await startProxy(dav);
    // The coach's two computers; the coach also writes pre-work of their own (both roles: the popup's two views).
    [a, b] = await Promise.all([launchExtension(undefined, { role: 'both' }), launchExtension(undefined, { role: 'both' })]);
    await Promise.all([allowSite(a), allowSite(b)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await server?.close();
    await dav?.dispose();
  });

  it('A starts syncing into an empty folder: only encrypted files with random names arrive', async () => {
    const popup = new PopupPage(await a.openPage('popup.html'));
    const views = popup.page.getByRole('navigation', { name: 'Show the popup for' });
    await views.getByRole('link', { name: 'My own sessions' }).click();
    await popup.topic.fill('Speaking up in meetings');
    await popup.status.getByText('Saved').waitFor();
    const panel = await a.openPage('sidepanel.html');
    const notes = new NotesPage(panel);
    await notes.field.fill('Goal: one question in every meeting.');
    await notes.saveStatus.getByText('Saved').waitFor();
    await panel.getByRole('button', { name: 'Start', exact: true }).click();
    await panel.getByRole('button', { name: 'Next phase', exact: true }).click();
    await openFold(panel, 'Plan for the month');
    await panel.getByLabel('New step').fill('Ask Kim for feedback');
    await panel.getByRole('button', { name: 'Add step' }).click();
    sessionId = (await stored(panel, 'activeSessionId')) as string;

    a.allowServer(server.origin);
    aSync = await openSync(a);
    await fillSetup(aSync, `${server.url}sidecoach/`, PASSPHRASE);
    await aSync.getByRole('button', { name: 'Test the connection' }).click();
    await aSync.getByRole('status').getByText('The folder is empty', { exact: false }).waitFor();
    await aSync.getByRole('button', { name: 'Start syncing' }).click();
    await aSync.getByText('Syncing with', { exact: false }).waitFor({ timeout: 30_000 });
    await aSync.getByRole('status').getByText('Last synced', { exact: false }).waitFor({ timeout: 30_000 });
    // The add-coachee step comes after the first sync: a change that goes by the debounced sync or Sync now.
    await views.getByRole('link', { name: 'My coaching' }).click();
    await popup.page.getByRole('button', { name: 'Add coachee' }).click();
    await popup.page.getByLabel('New coachee’s name').fill('Ada Lovelace');
    await popup.page.getByRole('button', { name: 'Add coachee' }).click();
    await expect.poll(() => popup.page.getByLabel('Coachee').inputValue()).not.toBe('me');
    expect(await syncNow(aSync)).toBeNull();

    const root = await readdir(join(dav.dir, 'sidecoach'));
    const devices = root.filter((n) => n !== 'sidecoach-key.json');
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatch(/^[0-9a-f]{32}$/);
    for (const file of await readdir(join(dav.dir, 'sidecoach', devices[0] as string))) {
      // Change files and the head (the number of the last one): nothing else is named.
      expect(file).toMatch(/^[ch]\d+$/);
      const bytes = await readFile(join(dav.dir, 'sidecoach', devices[0] as string, file));
      for (const secret of ['Speaking', 'Kim', 'Ada', 'question']) expect(bytes.includes(secret)).toBe(false);
    }
  });

  it('B with the wrong passphrase is refused and writes nothing', async () => {
    b.allowServer(server.origin);
    bSync = await openSync(b);
    const before = await readdir(join(dav.dir, 'sidecoach'), { recursive: true });
    await fillSetup(bSync, `${server.url}sidecoach/`, 'not our passphrase');
    await bSync.getByRole('button', { name: 'Start syncing' }).click();
    await bSync
      .getByRole('status')
      .getByText('This passphrase does not open the data on the server', { exact: false })
      .waitFor({ timeout: 30_000 });
    expect(await readdir(join(dav.dir, 'sidecoach'), { recursive: true })).toEqual(before);
    await expectAccessible(bSync);
    expect(await stored(bSync, 'syncConfig')).toBeUndefined();
    expect(await stored(bSync, `notes.${sessionId}`)).toBeUndefined();
  });

  it('notes, plan and a new coachee written on A appear on B', async () => {
    await bSync.getByLabel('Sync passphrase').fill(PASSPHRASE);
    await bSync.getByRole('button', { name: 'Start syncing' }).click();
    await bSync.getByText('Syncing with', { exact: false }).waitFor({ timeout: 30_000 });
    await bSync.getByRole('status').getByText('Last synced', { exact: false }).waitFor({ timeout: 30_000 });
    // B's popup opens on the coach's view (its first): Ada is in the coachee list, and picking Me
    // makes the synced session (the one A wrote in) the panel's.
    const popup = await b.openPage('popup.html');
    await popup.getByRole('heading', { name: 'Your next session' }).waitFor();
    await expect
      .poll(async () => (await popup.getByLabel('Coachee').locator('option').allTextContents()).join('|'))
      .toContain('Ada Lovelace');
    await popup.getByLabel('Coachee').selectOption({ label: 'Me' });
    await expect.poll(() => stored(popup, 'activeSessionId')).toBe(sessionId);
    const panel = await b.openPage('sidepanel.html');
    await expect.poll(() => new NotesPage(panel).field.inputValue()).toBe('Goal: one question in every meeting.');
    await openFold(panel, 'Plan for the month');
    await panel.getByText('Ask Kim for feedback').waitFor();
    await panel.close();
    await popup.close();
  });

  it('both edit the same notes while the server is stopped; then both sync and every word of both is kept', async () => {
    const aPanel = new NotesPage(await a.openPage('sidepanel.html'));
    const bPanel = new NotesPage(await b.openPage('sidepanel.html'));
    // A's panel is on Ada's new session now; both work on the first session from the history instead.
    const aNotes = await sessionNotes(a, 'Speaking up in meetings');
    const bNotes = await sessionNotes(b, 'Speaking up in meetings');
    await server.stop();
    await aNotes.press('Control+End');
    await aNotes.pressSequentially(' Alpha: she will ask first.');
    await bNotes.press('Control+Home');
    await bNotes.pressSequentially('Beta: practise with a friend. ');
    await aNotes.page().getByRole('region', { name: 'Notes' }).getByRole('status').getByText('Saved').waitFor();
    await bNotes.page().getByRole('region', { name: 'Notes' }).getByRole('status').getByText('Saved').waitFor();
    expect(await syncNow(aSync)).toBe('unreachable');
    await aSync.getByRole('alert').getByText('The server did not answer', { exact: false }).waitFor();
    await aSync.getByText('Changes waiting to go', { exact: false }).waitFor();
    await expectAccessible(aSync);

    await server.start();
    expect(await syncNow(aSync)).toBeNull();
    expect(await syncNow(bSync)).toBeNull();
    expect(await syncNow(aSync)).toBeNull();
    const aText = await stored(aSync, `notes.${sessionId}`);
    const bText = await stored(bSync, `notes.${sessionId}`);
    expect(aText).toBe(bText);
    for (const words of ['Goal: one question in every meeting.', 'Alpha: she will ask first.', 'Beta: practise with a friend.']) {
      expect(aText).toContain(words);
    }
    await expect.poll(() => aNotes.inputValue()).toBe(aText);
    await expect.poll(() => bNotes.inputValue()).toBe(bText);
    await aPanel.page.close();
    await bPanel.page.close();
    await aNotes.page().close();
    await bNotes.page().close();
  });

  it('a file altered on the server is refused and reported, and applied once it is whole again', async () => {
    const notes = await sessionNotes(a, 'Speaking up in meetings');
    const before = new Set(await changeFiles(join(dav.dir, 'sidecoach')));
    await notes.press('Control+End');
    await notes.pressSequentially(' Gamma.');
    await notes.page().getByRole('region', { name: 'Notes' }).getByRole('status').getByText('Saved').waitFor();
    expect(await syncNow(aSync)).toBeNull();
    // Every change file this typing made (the scheduled sync may have sent part of it already): one byte changed in each.
    const made = (await changeFiles(join(dav.dir, 'sidecoach'))).filter((f) => !before.has(f));
    expect(made.length).toBeGreaterThan(0);
    const originals = await Promise.all(made.map((f) => readFile(f)));
    for (const [i, file] of made.entries()) {
      const altered = Buffer.from(originals[i] as Buffer);
      altered[altered.length - 5] = (altered[altered.length - 5] as number) ^ 1;
      await writeFile(file, altered);
    }

    expect(await syncNow(bSync)).toBe('altered');
    await bSync.getByRole('alert').getByText('A file on the server was changed by someone else', { exact: false }).waitFor();
    expect(await stored(bSync, `notes.${sessionId}`)).not.toContain('Gamma');

    for (const [i, file] of made.entries()) await writeFile(file, originals[i] as Buffer);
    expect(await syncNow(bSync)).toBeNull();
    expect(await stored(bSync, `notes.${sessionId}`)).toContain('Gamma');
    expect(await bSync.getByRole('alert').count()).toBe(0);
    await notes.page().close();
  });

  it('the server stopped in the middle of a sync loses nothing, and the next sync completes', async () => {
    const notes = await sessionNotes(a, 'Speaking up in meetings');
    await notes.press('Control+End');
    await notes.pressSequentially(' Delta.');
    await notes.page().getByRole('region', { name: 'Notes' }).getByRole('status').getByText('Saved').waitFor();
    // The key file, the folder, the upload to a temporary name: then the server is gone before the move.
    server.stopAfter(3);
    expect(await syncNow(aSync)).toBe('unreachable');
    expect(await stored(aSync, `notes.${sessionId}`)).toContain('Delta.');
    await server.start();
    expect(await syncNow(aSync)).toBeNull();
    // B: the server goes away after the listing, while the files are read: nothing is applied.
    server.stopAfter(3);
    expect(await syncNow(bSync)).toBe('unreachable');
    expect(await stored(bSync, `notes.${sessionId}`)).not.toContain('Delta.');
    await server.start();
    expect(await syncNow(bSync)).toBeNull();
    expect(await stored(bSync, `notes.${sessionId}`)).toContain('Delta.');
    expect(await stored(bSync, `notes.${sessionId}`)).toBe(await stored(aSync, `notes.${sessionId}`));
    await notes.page().close();
  });

  it('a session deleted on A is gone on B', async () => {
    const options = await a.openPage('options.html');
    await options.getByRole('button', { name: 'Speaking up in meetings' }).click();
    await options.getByRole('button', { name: 'Delete this session' }).click();
    await options.getByRole('button', { name: 'Yes, delete this session for good' }).click();
    await expect.poll(() => options.getByRole('button', { name: 'Speaking up in meetings' }).count()).toBe(0);
    expect(await syncNow(aSync)).toBeNull();
    expect(await syncNow(bSync)).toBeNull();
    expect(await stored(bSync, `notes.${sessionId}`)).toBeUndefined();
    expect(((await stored(bSync, 'sessions')) as { id: string }[]).some((s) => s.id === sessionId)).toBe(false);
    const bOptions = await b.openPage('options.html');
    await bOptions.getByRole('status').getByText('of', { exact: false }).waitFor();
    // The history's rows come from the background's record, which follows the synced deletion a moment later.
    await expect.poll(() => bOptions.getByRole('button', { name: 'Speaking up in meetings' }).count(), { timeout: 5_000 }).toBe(0);
  });

  it('stop syncing keeps the data here and sends nothing more', async () => {
    await aSync.getByRole('button', { name: 'Stop syncing' }).click();
    await aSync.getByRole('button', { name: 'Start syncing' }).waitFor();
    a.allowServer(null);
    const notes = new NotesPage(await a.openPage('sidepanel.html'));
    await notes.field.fill('Written after sync was stopped.');
    await notes.saveStatus.getByText('Saved').waitFor();
    // Nothing to wait for but time: the debounced sync would have gone within 3 s.
    await notes.page.waitForTimeout(4_000);
    expect(await stored(aSync, 'coachees')).toBeTruthy();
  });
});

/** The notes of a past session, opened from the options page's history by its topic. */
async function sessionNotes(browser: ExtensionBrowser, topic: string) {
  const page = await browser.openPage('options.html');
  await page.getByRole('button', { name: topic }).click();
  // A past session reads first as a document; its fields open on Edit.
  await page.getByRole('button', { name: 'Edit this session' }).click();
  const field = page.getByLabel('Session notes');
  await expect.poll(() => field.inputValue()).not.toBe('');
  return field;
}

/** The change files on the server (their names end in c<counter>). */
async function changeFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (/c\d+$/.test(entry) && (await stat(path)).isFile()) files.push(path);
  }
  return files;
}
