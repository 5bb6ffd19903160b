/**
 * Years of sessions in real Chromium: a store of 2,000 sessions (about 4 kB each),
 * and the options page lists, searches (through the background's full-text index,
 * the words shown in context), opens, edits, deletes and exports them; a word typed
 * in the panel is found a moment later; a word asked right after the bulk write is
 * found within 2 s, before the indexes are complete; after the worker stopped, a word
 * is found from the stored index; a restore of 2,000 sessions
 * shows its progress and the newest rows before the indexes are complete.
 */
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionPerTest } from './chromium';
import { NotesPage, optionsSection } from './pages';

const COUNT = 2000;
/** A count as the English pages write it ("2,001"). */
const n = (count: number) => count.toLocaleString('en-US');

/**
 * A first session as a person makes one (a new install holds none: the panel
 * opened once creates it), then wait for the background's records of it, so
 * seeding thousands of sessions does not race those writes.
 */
async function installDone(browser: Pick<ExtensionBrowser, 'context' | 'openPage'>): Promise<Worker> {
  const first = await browser.openPage('sidepanel.html');
  let worker: Worker | undefined;
  await expect
    .poll(
      async () => {
        worker = browser.context.serviceWorkers()[0];
        return worker
          ?.evaluate(async () => {
            const { sessions } = await chrome.storage.local.get('sessions');
            // The background's records are derived, kept in storage.session.
            const { historyHead, recentSessions } = await chrome.storage.session.get(['historyHead', 'recentSessions']);
            const count = (sessions as unknown[] | undefined)?.length ?? 0;
            return (
              count > 0 &&
              (historyHead as { prepared?: number } | undefined)?.prepared === count &&
              (recentSessions as { activeId?: string | null } | undefined)?.activeId != null
            );
          })
          .catch(() => false);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await first.close();
  if (!worker) throw new Error('no service worker');
  return worker;
}

describe('a store of 2,000 sessions', () => {
  const browser = extensionPerTest({ role: 'both' });

  it('lists, finds a word of one note through the index, follows an edit in the panel, opens, edits, deletes and exports', async () => {
    const worker = await installDone(browser);
    await worker.evaluate(async (count) => {
      const T0 = Date.UTC(2021, 0, 4, 9);
      const sessions = [];
      for (let start = 0; start < count; start += 500) {
        const batch: Record<string, unknown> = {};
        for (let i = start; i < Math.min(count, start + 500); i++) {
          const id = `s${i}`;
          sessions.push({ id, coacheeId: `c${i % 10}`, createdAt: T0 + i * 86_400_000 });
          batch[`topic.${id}`] = { title: `Topic number ${i}`, difficulty: '', outcome: '', updatedAt: 1 };
          batch[`notes.${id}`] = `${'Ordinary notes about the week. '.repeat(120)}${i === 1234 ? ' The word kaleidoscope came up.' : ''}`;
          batch[`timer.${id}`] = [{ type: 'start', at: T0 + i * 86_400_000 }];
        }
        await chrome.storage.local.set(batch);
      }
      const coachees = Array.from({ length: 10 }, (_, c) => ({ id: `c${c}`, name: `Person ${c}`, createdAt: T0 }));
      // The install's session stays (it is the active one), the seeded ones join it.
      const { sessions: own } = await chrome.storage.local.get('sessions');
      await chrome.storage.local.set({ sessions: [...(own as unknown[]), ...sessions], coachees });
    }, COUNT);
    const seededAt = Date.now();

    const options = await browser.openPage('options.html');
    const status = options.getByRole('status').first();
    const total = COUNT + 1;
    // Right after the bulk write, while the background builds its indexes (newest first): a word that is only in
    // one older session's notes is found within 2 s, from what is indexed plus a scan of the rest.
    const search = options.getByLabel('Search topics and notes');
    await search.fill('kaleido');
    await options.getByRole('button', { name: /^Topic number 1234/ }).waitFor({ timeout: 2_000 });
    // Counted from the end of the write, the page's opening included.
    expect(Date.now() - seededAt).toBeLessThan(2_000);
    await search.fill('');
    // Newest first at once (the background's head record), while the indexes are still being built.
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe(`${n(total)} of ${n(total)} sessions`);
    // A page at a time, newest first.
    expect(await options.locator('ul.history > li').count()).toBe(50);
    await options.getByRole('button', { name: /^Topic number 1999/ }).waitFor();

    // A word that is only in one session's notes, typed by its start: found through the index, shown in context.
    await options.getByRole('progressbar').waitFor({ state: 'detached', timeout: 120_000 });
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe(`${n(total)} of ${n(total)} sessions`);
    await options.getByLabel('Search topics and notes').fill('kaleido');
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe(`1 of ${n(total)} sessions`);
    const found = options.getByRole('button', { name: /^Topic number 1234/ });
    await expect.poll(() => found.locator('mark').textContent()).toBe('kaleidoscope');
    expect(await found.textContent()).toContain('The word kaleidoscope came up.');

    // The panel and the popup read the little they show, never the whole list (what made them slower with
    // years of sessions): every key a page asks storage.local for is noted from its first script on.
    await browser.context.addInitScript(() => {
      // (Typed loosely on purpose: this runs in the page, where `chrome` is the extension API.)
      const local = (globalThis as unknown as { chrome?: { storage?: { local?: { get: (...args: unknown[]) => unknown } } } }).chrome
        ?.storage?.local;
      if (!local) return;
      const reads: string[] = [];
      (globalThis as unknown as { __reads: string[] }).__reads = reads;
      const get = local.get.bind(local);
      local.get = (...args: unknown[]) => {
        reads.push(args[0] === null || args[0] === undefined ? '*' : JSON.stringify(args[0]));
        return get(...args);
      };
    });
    const readsOf = (page: import('playwright-core').Page) => page.evaluate(() => (globalThis as unknown as { __reads: string[] }).__reads);
    const popup = await browser.openPage('popup-coachee.html');
    await popup.getByLabel('Your topic, in one line').waitFor();
    await popup.waitForTimeout(500); // A settle, not a wait for a result: reads that would come late are counted too.
    const popupReads = await readsOf(popup);
    expect(popupReads.some((k) => k.includes('"topic.'))).toBe(true); // The spy sees reads at all.
    expect(popupReads.filter((k) => k === '*' || k.includes('"sessions"'))).toEqual([]);
    await popup.close();

    // A new word typed in the panel's notes is found in the options page a moment later (within 2 s).
    const panel = new NotesPage(await browser.openPage('sidepanel.html'));
    await panel.field.click();
    await panel.field.type(' We talked about the quetzal.');
    await panel.saveStatus.getByText('Saved').waitFor();
    await options.bringToFront();
    await options.getByLabel('Search topics and notes').fill('quetzal');
    await expect.poll(() => status.textContent(), { timeout: 2_000 }).toBe(`1 of ${n(total)} sessions`);
    const panelReads = await readsOf(panel.page);
    expect(panelReads.some((k) => k.includes('"notes.'))).toBe(true);
    expect(panelReads.filter((k) => k === '*' || k.includes('"sessions"'))).toEqual([]);
    await panel.page.close();

    // The worker stopped (Chrome stops an idle one): its next start reads the stored index's head and the one shard
    // a word needs, and indexes again the session edited since the last save. Both words are found.
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await options.getByLabel('Search topics and notes').fill('quetz');
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe(`1 of ${n(total)} sessions`);
    await options.getByLabel('Search topics and notes').fill('kaleidoscope');
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe(`1 of ${n(total)} sessions`);

    // Open it, edit its notes, come back.
    await options.getByRole('button', { name: /^Topic number 1234/ }).click();
    // A past session reads first as a document; its fields open on Edit.
    await options.getByRole('button', { name: 'Edit this session' }).click();
    const notes = options.getByLabel('Session notes');
    await notes.click();
    await notes.press('Control+End');
    await notes.type(' Edited from the history.');
    await options.getByRole('region', { name: 'Notes' }).getByRole('status').getByText('Saved').waitFor();
    const stored = await options.evaluate(async () => (await chrome.storage.local.get('notes.s1234'))['notes.s1234'] as string);
    expect(stored.endsWith('Edited from the history.')).toBe(true);

    // Delete it: it leaves the list and the count.
    await options.getByRole('button', { name: 'Delete this session' }).click();
    await options.getByRole('button', { name: 'Yes, delete this session for good' }).click();
    await options.getByLabel('Search topics and notes').fill('');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain(`of ${n(total - 1)} sessions`);

    // Export one coachee's 200 sessions as Markdown and read the file back.
    await optionsSection(options, 'Export & backup');
    await options.getByRole('radio', { name: 'One coachee’s sessions' }).check();
    await options.getByLabel('Coachee to export').selectOption({ label: 'Person 3' });
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const md = await readFile(await download.path(), 'utf8');
    expect(md).toContain('Topic number 3');
    expect(md).toContain('Topic number 1993');
    expect(md).not.toContain('Topic number 4\n');
    // One front matter at the top lists each session; each follows as a section of its own.
    expect(md.match(/^---$/gm)?.length).toBe(2);
    expect(md.match(/^ {2}- date: /gm)?.length).toBe(200);
    expect(md.match(/^## /gm)?.length).toBe(201);
  }, 240_000);

  it('restores 2,000 sessions: the newest rows and the progress show at once, the search works when it is done', async () => {
    await installDone(browser);
    const T0 = Date.UTC(2021, 0, 4, 9);
    const sessions = Array.from({ length: COUNT }, (_, i) => ({
      meta: { id: `r${i}`, coacheeId: 'ada', createdAt: T0 + i * 86_400_000 },
      topic: { title: `Restored topic ${i}`, difficulty: '', outcome: '', updatedAt: 1 },
      notes: `${'Notes kept for years. '.repeat(150)}${i === 777 ? 'The ocarina again.' : ''}`,
      timer: [],
      agenda: null,
      plan: [],
      homework: [],
      review: null,
      wrapUp: { feedback: '', nextSessionAt: null, checkInNote: '' },
    }));
    const backup = {
      format: 'sidecoach-backup',
      version: 1,
      exportedAt: T0 + COUNT * 86_400_000,
      data: {
        coachees: [{ id: 'ada', name: 'Ada', createdAt: T0 }],
        sessions,
        settings: { alerts: { sound: true, notification: true, badge: true }, theme: 'system' },
        templates: [],
        activeSessionId: null,
      },
    };
    const options = await browser.openPage('options.html');
    await optionsSection(options, 'Export & backup');
    await options
      .getByLabel('Backup file (.json)')
      .setInputFiles(
        { name: 'years.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) },
        { timeout: 60_000 },
      );
    await options.getByText(`This backup has ${n(COUNT)} new sessions`, { exact: false }).waitFor({ timeout: 30_000 });
    await options.getByRole('button', { name: 'Import' }).click();
    await options.getByText(`Imported: ${n(COUNT)} new sessions`, { exact: false }).waitFor({ timeout: 60_000 });
    await optionsSection(options, 'Sessions');

    // While the indexes are built: the progress (a progress bar with its text) and the newest rows.
    const progress = options.getByRole('progressbar', { name: /^Preparing your history: [\d,]+ of 2,?001$/ });
    await progress.waitFor({ timeout: 30_000 });
    await options.getByRole('button', { name: /^Restored topic 1999/ }).waitFor({ timeout: 30_000 });
    expect(Number(await progress.getAttribute('value'))).toBeLessThan(COUNT + 1);

    // Done: the progress goes, every session is listed, a word of one restored note is found.
    await progress.waitFor({ state: 'detached', timeout: 120_000 });
    const status = options.getByRole('status').first();
    await expect.poll(() => status.textContent()).toBe(`${n(COUNT + 1)} of ${n(COUNT + 1)} sessions`);
    await options.getByLabel('Search topics and notes').fill('ocarina');
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe(`1 of ${n(COUNT + 1)} sessions`);
    await options.getByRole('button', { name: /^Restored topic 777/ }).waitFor();
  }, 240_000);
});
