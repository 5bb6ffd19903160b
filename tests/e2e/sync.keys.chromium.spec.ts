/**
 * Computers and passphrases, between two Chromium profiles through rclone's
 * WebDAV server on 127.0.0.1, from the options page as a person would: each
 * computer named and listed, the passphrase changed on one (the other asks for
 * it and then syncs), and a computer removed (it can no longer read a change
 * made after). The steps follow one another and share the browsers and the server.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  fillSetup,
  nameComputer,
  openSync,
  PASSPHRASE,
  removeComputer,
  stored,
  syncNow,
  twoComputersForTheseTests,
  writeNotes,
} from './sync-steps';

const NEW_PASSPHRASE = 'seven green apples on the wall';

describe('computers and passphrases: named, listed, a passphrase changed, a computer removed', () => {
  const computers = twoComputersForTheseTests();
  const { devices } = computers;
  let aSync: Page;
  let bSync: Page;
  let sessionId: string;

  it('both computers sync and are named; each lists the other with its name and when it was last seen', async () => {
    sessionId = await writeNotes(computers.a, 'Goal: one question in every meeting.');
    for (const [browser, name] of [
      [computers.a, 'Office desktop'],
      [computers.b, 'Travel laptop'],
    ] as const) {
      const page = await openSync(browser);
      await fillSetup(page, computers.folder);
      await page.getByRole('button', { name: 'Start syncing' }).click();
      await page.getByRole('status').getByText('Last synced', { exact: false }).waitFor({ timeout: 30_000 });
      await nameComputer(page, name);
      expect(await syncNow(page)).toBeNull();
      if (browser === computers.a) aSync = page;
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
    await writeNotes(computers.a, 'Goal: one question in every meeting.\nStep: after the new passphrase.');
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
    await removeComputer(aSync, 'Travel laptop', NEW_PASSPHRASE);
    await expect.poll(() => aSync.getByRole('list', { name: 'Computers' }).getByRole('listitem').count()).toBe(1);
    await writeNotes(computers.a, 'Goal: one question in every meeting.\nStep: after the removal.');
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
