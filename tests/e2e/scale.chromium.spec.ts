/**
 * Years of sessions in real Chromium: a store of 2,000 sessions (about 4 kB each),
 * and the options page lists, searches (topics and notes), opens, edits, deletes
 * and exports them, reading the index rather than every note.
 */
import { describe, expect, it } from 'vitest';
import { extensionPerTest, installedWorker } from './chromium';
import { optionsSection } from './pages';

const COUNT = 2000;

describe('a store of 2,000 sessions', () => {
  const browser = extensionPerTest();

  it('lists, searches the notes, opens, edits, deletes and exports', async () => {
    const worker = await installedWorker(browser);
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
      await chrome.storage.local.set({ sessions, coachees });
    }, COUNT);

    const options = await browser.openPage('options.html');
    const status = options.getByRole('status').first();
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/of 2,?00\d sessions/);
    const total = Number((await status.textContent())?.match(/of ([\d,]+) sessions/)?.[1]?.replace(',', ''));
    expect(total).toBeGreaterThanOrEqual(COUNT);
    // A page at a time, newest first.
    expect(await options.locator('ul.history > li').count()).toBe(50);
    await options.getByRole('button', { name: /^Topic number 1999/ }).waitFor();

    // A word that is only in one session's notes: found by the streamed search.
    await options.getByLabel('Search topics and notes').fill('kaleidoscope');
    await options.getByRole('button', { name: /^Topic number 1234/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^1 of /);

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
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain(`of ${total - 1} sessions`);

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
    // Each session opens with its own front matter.
    expect(md.match(/^---\ndate: /gm)?.length).toBe(200);
  }, 180_000);
});
