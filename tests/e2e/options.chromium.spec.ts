import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { extensionPerTest } from './chromium';
import { NotesPage, optionsSection, PopupPage } from './pages';

const XSS = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';

function backupFile(overrides: Record<string, unknown> = {}) {
  const session = (id: string, title: string, createdAt: number) => ({
    meta: { id, coacheeId: 'ada', createdAt },
    topic: { title, difficulty: '', outcome: '', updatedAt: createdAt },
    notes: `Notes of ${title}`,
    timer: [],
    agenda: null,
    plan: [{ id: 'p1', text: 'Speak first in standup', done: false }],
    homework: [],
    review: null,
    wrapUp: { feedback: '', nextSessionAt: null, checkInNote: '' },
  });
  return {
    format: 'sidecoach-backup',
    version: 1,
    exportedAt: 1_790_000_000_000,
    data: {
      coachees: [{ id: 'ada', name: 'Ada', createdAt: 1_780_000_000_000 }],
      sessions: [session('r1', 'Restored topic one', 1_780_000_000_000), session('r2', XSS, 1_780_000_100_000)],
      settings: { alerts: { sound: true, notification: true, badge: true }, theme: 'system' },
      templates: [],
      activeSessionId: 'r2',
      ...overrides,
    },
  };
}

async function restore(options: Page, name: string, content: string) {
  const file = options.getByLabel('Backup file (.json)');
  if ((await file.count()) === 0) await optionsSection(options, 'Export & backup');
  await file.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

describe('options page in Chromium', () => {
  const browser = extensionPerTest({ role: 'both' });

  it('exports Markdown with the topic, notes and plan, and reads the file back', async () => {
    const popup = new PopupPage(await browser.openPage('popup-coachee.html'));
    await popup.topic.fill('Speaking up in meetings');
    const notes = new NotesPage(await browser.openPage('sidepanel.html'));
    await notes.field.fill('She waits for the perfect moment.');
    await notes.saveStatus.getByText('Saved').waitFor();
    await notes.page.evaluate(async () => {
      const { activeSessionId } = await chrome.storage.local.get('activeSessionId');
      await chrome.storage.local.set({ [`plan.${activeSessionId}`]: [{ id: 'p1', text: 'Ask one question per meeting', done: false }] });
    });
    const options = await browser.openPage('options.html');
    await optionsSection(options, 'Export & backup');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sidecoach-all-sessions-\d{4}-\d\d-\d\d\.md$/);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain('**Topic:** Speaking up in meetings');
    expect(text).toContain('She waits for the perfect moment.');
    expect(text).toContain('- [ ] Ask one question per meeting');
    expect(text).toContain('| Understand the problem | 25 min | 0 min |');
    await options.getByRole('status').getByText(download.suggestedFilename(), { exact: false }).waitFor();
  });

  it('backs up, wipes, restores into the empty profile and sees the sessions again', async () => {
    const popup = new PopupPage(await browser.openPage('popup-coachee.html'));
    await popup.topic.fill('Work-life balance');
    await popup.status.getByText('Saved').waitFor();
    const options = await browser.openPage('options.html');
    await options.getByRole('status').getByText('1 of 1 session').waitFor();
    await optionsSection(options, 'Export & backup');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download a backup of everything (JSON)' }).click(),
    ]);
    const backup = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(backup)).toMatchObject({ format: 'sidecoach-backup', version: 1 });

    await optionsSection(options, 'Settings & data');
    await options.getByRole('button', { name: 'Delete everything Sidecoach keeps' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything for good' }).click();
    await optionsSection(options, 'Sessions');
    await options.getByRole('status').getByText('0 of 0 sessions').waitFor();
    // Nothing of the notes stays in the history's IndexedDB either (its full-text index and shards go whole).
    await expect
      .poll(() =>
        options.evaluate(async () => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('sidecoach');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
            const request = db.transaction('kv', 'readonly').objectStore('kv').getAllKeys();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          db.close();
          return keys.map(String).filter((key) => key.startsWith('fullText'));
        }),
      )
      .toEqual([]);
    await optionsSection(options, 'Export & backup');

    await restore(options, 'backup.json', backup);
    await options.getByText('This backup has 1 new session', { exact: false }).waitFor();
    await options.getByRole('button', { name: 'Import' }).click();
    await options.getByText('Imported: 1 new session', { exact: false }).waitFor();
    await optionsSection(options, 'Sessions');
    await options.getByRole('button', { name: 'Work-life balance' }).waitFor();
  });

  it('restores a backup into an empty profile, shows hostile text as text, and replaces nothing without asking', async () => {
    const options = await browser.openPage('options.html');
    // A new profile holds no session: opening pages creates none.
    await options.getByRole('heading', { level: 1 }).waitFor();
    await restore(options, 'good.json', JSON.stringify(backupFile()));
    await options.getByText('This backup has 2 new sessions and 0 that differ', { exact: false }).waitFor();
    await options.getByRole('button', { name: 'Import' }).click();
    await options.getByText('Imported: 2 new sessions', { exact: false }).waitFor();
    await optionsSection(options, 'Sessions');
    await options.getByRole('button', { name: 'Restored topic one' }).waitFor();
    await options.getByRole('button', { name: XSS }).waitFor();
    expect(await options.title()).not.toBe('pwned');
    expect(await options.locator('img[src="x"]').count()).toBe(0);

    // The same backup with one session changed: it is offered, not forced.
    const changed = backupFile();
    changed.data.sessions[0] = { ...changed.data.sessions[0], notes: 'Changed in the backup' } as (typeof changed.data.sessions)[0];
    await restore(options, 'changed.json', JSON.stringify(changed));
    await options.getByText('0 new sessions and 1 that differs', { exact: false }).waitFor();
    await options.getByText('Nothing to import', { exact: false }).waitFor();
  });

  it('refuses each bad file with a clear message and changes nothing', async () => {
    const popup = new PopupPage(await browser.openPage('popup-coachee.html'));
    await popup.topic.fill('Keep me');
    await popup.status.getByText('Saved').waitFor();
    const options = await browser.openPage('options.html');
    await options.getByRole('status').getByText('1 of 1 session').waitFor();
    // The background's index follows the typed topic a moment later: the row shows it once it has.
    await optionsSection(options, 'Sessions');
    await options.getByRole('button', { name: 'Keep me' }).waitFor();
    const before = await options.evaluate(() => chrome.storage.local.get(null));
    const good = JSON.stringify(backupFile());
    const bad: [string, string, string][] = [
      ['truncated.json', good.slice(0, 300), 'not valid JSON'],
      ['other.json', JSON.stringify({ bookmarks: [] }), 'not a Sidecoach backup'],
      ['future.json', good.replace('"version":1', '"version":3'), 'newer Sidecoach'],
      ['types.json', good.replace('"name":"Ada"', '"name":7'), 'cannot accept'],
      ['proto.json', good.replace('"templates":[]', '"templates":[],"__proto__":{"admin":true}'), 'refused for safety'],
      ['huge.json', good.replace('"Restored topic one"', `"${'x'.repeat(300)}"`), 'cannot accept'],
    ];
    for (const [name, content, words] of bad) {
      await restore(options, name, content);
      await options.getByRole('alert').getByText(words, { exact: false }).waitFor();
      expect(await options.getByRole('button', { name: 'Import' }).count()).toBe(0);
    }
    expect(await options.evaluate(() => chrome.storage.local.get(null))).toEqual(before);
  });

  it('opens a print view of the sessions', async () => {
    const popup = new PopupPage(await browser.openPage('popup-coachee.html'));
    await popup.topic.fill('Thinking about leaving my company');
    await popup.status.getByText('Saved').waitFor();
    const options = await browser.openPage('options.html#export');
    const [print] = await Promise.all([
      browser.context.waitForEvent('page'),
      options.getByRole('button', { name: 'Open the print view' }).click(),
    ]);
    await print.getByText('Thinking about leaving my company', { exact: false }).waitFor();
    await print.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    expect(await print.getByRole('table').count()).toBe(1);
  });

  it('has no WCAG A/AA violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme });
      // Each section with the headings of its parts (those loaded on demand render after the first).
      const sections = {
        sessions: ['Past sessions'],
        coachees: ['Coachees'],
        cards: ['Cards between coach and coachee'],
        export: ['Export', 'Restore from a backup'],
        templates: ['Agenda templates'],
        settings: ['Settings', 'Your data'],
      };
      for (const [section, headings] of Object.entries(sections)) {
        await page.goto(`chrome-extension://${browser.extensionId}/options.html#${section}`);
        for (const name of headings) await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
        expect({ colorScheme, section, violations: await axeViolations(page) }).toEqual({ colorScheme, section, violations: [] });
      }
      await page.close();
    }
  });

  it('switches the theme everywhere, and syncs only what the user lets sync', async () => {
    const options = await browser.openPage('options.html#settings');
    const panel = await browser.openPage('sidepanel.html');
    await options.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const worker = browser.context.serviceWorkers()[0];
    const synced = () => worker?.evaluate(() => chrome.storage.sync.get(null));
    // A fixed wait is the point: nothing goes to the browser's sync until the person turns it on, not even a moment later.
    await panel.waitForTimeout(500);
    expect(Object.keys((await synced()) ?? {})).not.toContain('settings');
    await options.getByRole('checkbox', { name: 'These settings' }).check();
    await expect.poll(synced).toMatchObject({ settings: { theme: 'dark' } });

    await options.getByRole('checkbox', { name: 'These settings' }).uncheck();
    await expect.poll(async () => Object.keys((await synced()) ?? {})).not.toContain('settings');
    await options.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    // A fixed wait is the point: the mirror, switched off, must write nothing in the moments after.
    await panel.waitForTimeout(500);
    expect(Object.keys((await synced()) ?? {})).not.toContain('settings');
  });
});
