/**
 * Sync for years between three Chromium profiles through rclone's WebDAV
 * server on 127.0.0.1, set up and used from the options page as a person
 * would: three computers sync, the third joining late has every word; the
 * change files all three merged are removed from the server (its folder
 * listed) while a word written after still arrives everywhere; and a computer
 * removed while three are connected can no longer read a change made after,
 * while the other two go on syncing. The steps follow one another and share
 * the browsers and the server.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './chromium';
import {
  deviceOf,
  fillSetup,
  nameComputer,
  openSync,
  PASSPHRASE,
  removeComputer,
  stored,
  syncNow,
  threeComputersForTheseTests,
  writeNotes,
} from './sync-steps';

/** A transcript pasted into the notes: long, and text that barely compresses (a fixed sequence). */
function transcript(chars: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,';
  let x = 11;
  let out = 'Transcript: ';
  while (out.length < chars) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += letters[(x >>> 16) % letters.length];
  }
  return out;
}

const GOAL = 'Goal: one question in every meeting.';
const PASTED = `${GOAL}\n${transcript(120_000)}`;
const FROM_B = `${PASTED}\nStep: ask Kim first.`;

/** Start syncing on a computer from its options page, name it, and wait for its first sync. */
async function startOn(browser: ExtensionBrowser, folder: string, name: string): Promise<Page> {
  const page = await openSync(browser);
  await fillSetup(page, folder);
  await page.getByRole('button', { name: 'Start syncing' }).click();
  await page.getByRole('status').getByText('Last synced', { exact: false }).waitFor({ timeout: 30_000 });
  await nameComputer(page, name);
  return page;
}

/** Set a session's notes on a computer (the storage write its panel makes). */
const setNotes = (page: Page, id: string, text: string) =>
  page.evaluate(([k, v]) => chrome.storage.local.set({ [k as string]: v }), [`notes.${id}`, text]);

describe('three computers: a late one has every word, change files all merged are removed, a removed one reads nothing after', {
  timeout: 180_000,
}, () => {
  const computers = threeComputersForTheseTests();
  const { server, devices } = computers;
  let aSync: Page;
  let bSync: Page;
  let cSync: Page;
  let sessionId: string;
  let aDev: string;
  /** The number of A's snapshot (the change file it was written at). */
  let snap: number;
  /** A's change files on the server, by number. */
  const aChanges = async () =>
    (await server().list(`${aDev}/`))
      .map((e) => e.name)
      .filter((n) => /^c\d+$/.test(n))
      .map((n) => Number(n.slice(1)))
      .sort((x, y) => x - y);

  it('A and B sync; A pastes a long transcript (a snapshot is written); C joins late and has every word', async () => {
    sessionId = await writeNotes(computers.a, GOAL);
    aSync = await startOn(computers.a, computers.folder, 'Office desktop');
    bSync = await startOn(computers.b, computers.folder, 'Travel laptop');
    expect(await syncNow(bSync)).toBeNull();
    expect(await stored(bSync, `notes.${sessionId}`)).toBe(GOAL);
    aDev = await deviceOf(aSync);

    await writeNotes(computers.a, PASTED);
    expect(await syncNow(aSync)).toBeNull();
    const snapshots = (await server().list(`${aDev}/`)).map((e) => e.name).filter((n) => /^s\d+$/.test(n));
    expect(snapshots).toHaveLength(1);
    snap = Number(snapshots[0]?.slice(1));
    // The transcript's change file is there: B and C have not merged it yet.
    expect(await aChanges()).toContain(snap);
    expect(await syncNow(bSync)).toBeNull();
    await setNotes(bSync, sessionId, FROM_B);
    expect(await syncNow(bSync)).toBeNull();

    cSync = await startOn(computers.c, computers.folder, 'Kitchen tablet');
    expect(await syncNow(cSync)).toBeNull();
    expect(await stored(cSync, `notes.${sessionId}`)).toBe(FROM_B);
    expect(await devices()).toHaveLength(3);
  });

  it('the change files all three merged are removed from the server; a word written after arrives everywhere', async () => {
    // A hears from B and C that both have merged everything it wrote, and removes what its snapshot covers
    // (its background may have done so already, syncing a few seconds after the paste).
    expect(await syncNow(aSync)).toBeNull();
    await expect.poll(aChanges, { timeout: 30_000 }).toSatisfy((ns: number[]) => ns.every((n) => n > snap));
    expect((await server().list(`${aDev}/`)).map((e) => e.name)).toContain(`s${snap}`);

    await writeNotes(computers.a, `${FROM_B}\nDone: asked Kim.`);
    expect(await syncNow(aSync)).toBeNull();
    for (const page of [bSync, cSync]) {
      expect(await syncNow(page)).toBeNull();
      expect(await stored(page, `notes.${sessionId}`)).toBe(`${FROM_B}\nDone: asked Kim.`);
    }
    await setNotes(cSync, sessionId, `${FROM_B}\nDone: asked Kim.\nFrom C.`);
    expect(await syncNow(cSync)).toBeNull();
    for (const page of [aSync, bSync]) {
      expect(await syncNow(page)).toBeNull();
      expect(await stored(page, `notes.${sessionId}`)).toBe(`${FROM_B}\nDone: asked Kim.\nFrom C.`);
    }
  });

  it('C removed on A while three are connected: C cannot read a change made after; A and B go on syncing', async () => {
    const before = `${FROM_B}\nDone: asked Kim.\nFrom C.`;
    await removeComputer(aSync, 'Kitchen tablet', PASSPHRASE);
    await writeNotes(computers.a, `${before}\nAfter the removal.`);
    expect(await syncNow(aSync)).toBeNull();

    expect(await syncNow(cSync)).toBe('removed');
    expect(await stored(cSync, `notes.${sessionId}`)).toBe(before);

    // B is asked for the passphrase (a new key), and then syncs both ways with A.
    expect(await syncNow(bSync)).toBe('keyChanged');
    await bSync.getByLabel('Sync passphrase in use now', { exact: true }).fill(PASSPHRASE);
    await bSync.getByRole('button', { name: 'Go on syncing' }).click();
    await expect.poll(() => stored(bSync, `notes.${sessionId}`), { timeout: 60_000 }).toBe(`${before}\nAfter the removal.`);
    await setNotes(bSync, sessionId, `${before}\nAfter the removal.\nFrom B again.`);
    expect(await syncNow(bSync)).toBeNull();
    expect(await syncNow(aSync)).toBeNull();
    expect(await stored(aSync, `notes.${sessionId}`)).toBe(`${before}\nAfter the removal.\nFrom B again.`);
    expect(await syncNow(cSync)).toBe('removed');
    expect(await stored(cSync, `notes.${sessionId}`)).toBe(before);
    expect(await devices()).toHaveLength(2);
  });
});
