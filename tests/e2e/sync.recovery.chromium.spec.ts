/**
 * Sync for years, between two Chromium profiles through rclone's WebDAV server
 * on 127.0.0.1, set up and used from the options page as a person would: two
 * computers starting at once on an empty folder, a change file deleted on the
 * server and put back, the whole folder deleted, and "delete everything". The
 * steps follow one another and share the browsers and the server.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillSetup, openSync, stored, syncNow, twoComputersForTheseTests, writeNotes } from './sync-steps';

describe('sync for years: gaps said, folders recovered, one key, nothing left after delete everything', () => {
  const computers = twoComputersForTheseTests();
  const { server, devices } = computers;
  let aSync: Page;
  let bSync: Page;
  let sessionId: string;

  it('two computers starting at the same moment on an empty folder end with one key, and both sync', async () => {
    sessionId = await writeNotes(computers.a, 'Goal: one question in every meeting.');

    [aSync, bSync] = await Promise.all([openSync(computers.a), openSync(computers.b)]);
    await Promise.all([fillSetup(aSync, computers.folder), fillSetup(bSync, computers.folder)]);
    await Promise.all([
      aSync.getByRole('button', { name: 'Start syncing' }).click(),
      bSync.getByRole('button', { name: 'Start syncing' }).click(),
    ]);
    for (const page of [aSync, bSync]) {
      await page.getByText('Syncing with', { exact: false }).waitFor({ timeout: 30_000 });
      await page.getByRole('status').getByText('Last synced', { exact: false }).waitFor({ timeout: 30_000 });
    }
    expect((await server().list()).filter((e) => !e.folder).map((e) => e.name)).toEqual(['sidecoach-key.json']);
    expect(await syncNow(bSync)).toBeNull();
    expect(await stored(bSync, `notes.${sessionId}`)).toBe('Goal: one question in every meeting.');
  });

  it('a change file deleted on the server: the other computer says so within one sync, and takes it once it is back', async () => {
    await aSync.evaluate(
      (id) => chrome.storage.local.set({ [`notes.${id}`]: 'Goal: one question in every meeting. Step: ask first.' }),
      sessionId,
    );
    expect(await syncNow(aSync)).toBeNull();
    const aDev = (await aSync.evaluate(async () => {
      const names = await new Promise<string[]>((resolve) => {
        const open = indexedDB.open('sidecoach-sync');
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('meta');
          get.onsuccess = () => resolve([(get.result as { dev: string }).dev]);
        };
      });
      return names[0];
    })) as string;
    const files = (await server().list(`${aDev}/`)).map((e) => e.name).filter((n) => /^c\d+$/.test(n));
    const last = files.sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))).at(-1) as string;
    const kept = await server().get(`${aDev}/${last}`);
    await server().remove(`${aDev}/${last}`);

    expect(await syncNow(bSync)).toBe('missing');
    await bSync.getByRole('alert').getByText('A file another computer wrote is missing on the server', { exact: false }).waitFor();
    expect(await stored(bSync, `notes.${sessionId}`)).not.toContain('Step: ask first.');

    await server().create(`${aDev}/${last}`, kept as Uint8Array<ArrayBuffer>);
    expect(await syncNow(bSync)).toBeNull();
    expect(await bSync.getByRole('alert').count()).toBe(0);
    expect(await stored(bSync, `notes.${sessionId}`)).toContain('Step: ask first.');
  });

  it('the whole folder deleted on the server: both put it back and send everything again, nothing lost', async () => {
    // B writes while A does not know yet; then the folder goes.
    await bSync.evaluate(
      (id) => chrome.storage.local.set({ [`notes.${id}`]: 'Goal: one question in every meeting. Step: ask first. From B.' }),
      sessionId,
    );
    await server().remove('');
    expect(await syncNow(aSync)).toBeNull();
    expect(await syncNow(bSync)).toBeNull();
    expect(await syncNow(aSync)).toBeNull();
    const aText = await stored(aSync, `notes.${sessionId}`);
    expect(aText).toBe(await stored(bSync, `notes.${sessionId}`));
    expect(aText).toContain('From B.');
    expect(await devices()).toHaveLength(2);
    expect((await server().list()).some((e) => e.name === 'sidecoach-key.json')).toBe(true);
  });

  it('delete everything on B: no sync data left in the browser, the access to the server given back', async () => {
    expect(await computers.b.worker.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
    const options = await computers.b.openPage('options.html#settings');
    await options.getByRole('button', { name: 'Delete everything Sidecoach keeps' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything for good' }).click();
    // Nothing is left but the history's empty session index, which the background writes again at once (pages read a
    // stored one): the count of keys is 0 only for the moment in between, which a busy machine's poll can miss.
    const left = () =>
      options.evaluate(async () => {
        const all = await chrome.storage.local.get(null);
        return Object.keys(all).filter((key) => key !== 'sessionIndex' || (all[key] as { rows?: unknown[] }).rows?.length !== 0);
      });
    await expect.poll(left).toEqual([]);
    await expect.poll(() => options.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('sidecoach-sync');
    expect(await computers.b.worker.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(false);
    // The sync section offers to start again (nothing claims sync is on).
    const again = await openSync(computers.b);
    await again.getByRole('button', { name: 'Start syncing' }).waitFor();
    expect(await again.getByRole('button', { name: 'Stop syncing' }).count()).toBe(0);
    // A goes on as before.
    expect(await syncNow(aSync)).toBeNull();
  });
});
