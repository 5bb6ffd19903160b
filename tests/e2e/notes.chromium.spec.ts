import { describe, expect, it } from 'vitest';
import { extensionPerTest } from './chromium';
import { NotesPage } from './pages';

const LONG = 'She says meetings move fast and by the time she has a point the topic has moved on. ';

describe('notes in Chromium', () => {
  const browser = extensionPerTest();

  it('keeps every character typed right before the panel is closed', async () => {
    const notes = new NotesPage(await browser.openPage('sidepanel.html'));
    const text = `${LONG}Last words typed.`;
    await notes.field.pressSequentially(text, { delay: 0 });
    await notes.page.close({ runBeforeUnload: true });
    const again = new NotesPage(await browser.openPage('sidepanel.html'));
    await expect.poll(() => again.field.inputValue()).toBe(text);
  });

  it('adds a time marker with the phase', async () => {
    const notes = new NotesPage(await browser.openPage('sidepanel.html'));
    await notes.page.getByRole('button', { name: 'Start', exact: true }).click();
    await notes.field.fill('Opening question.');
    await notes.field.press('End');
    await notes.page.keyboard.press('Alt+M');
    await expect
      .poll(() => notes.field.inputValue())
      .toMatch(/^Opening question\.\n— \d{1,2}:\d\d(?: [AP]M)? · Understand the problem · 0:0\d in —\n$/);
  });

  it('two windows typing in the same notes at once both keep their words and end identical', async () => {
    // Opened at the same moment: their writes then cross most often (each wrote over the other's before the fix).
    const [pageA, pageB] = await Promise.all([browser.openPage('sidepanel.html'), browser.openPage('sidepanel.html')]);
    const a = new NotesPage(pageA);
    const b = new NotesPage(pageB);
    await a.field.fill('Top line.\n\nBottom line.');
    await expect.poll(() => b.field.inputValue()).toBe('Top line.\n\nBottom line.');
    await a.field.press('Control+Home');
    await a.field.press('End');
    await b.field.press('Control+End');
    await Promise.all([
      a.field.pressSequentially(' Coach writes here', { delay: 15 }),
      b.field.pressSequentially(' Coachee adds here', { delay: 15 }),
    ]);
    await expect
      .poll(async () => [await a.field.inputValue(), await b.field.inputValue()], { timeout: 5000 })
      .toEqual([
        'Top line. Coach writes here\n\nBottom line. Coachee adds here',
        'Top line. Coach writes here\n\nBottom line. Coachee adds here',
      ]);
  });

  it('two panels opened at once on a fresh profile make one session, and both show it', async () => {
    const [pageA, pageB] = await Promise.all([browser.openPage('sidepanel.html'), browser.openPage('sidepanel.html')]);
    const a = new NotesPage(pageA);
    const b = new NotesPage(pageB);
    await a.field.fill('Written in the first panel.');
    await expect.poll(() => b.field.inputValue()).toBe('Written in the first panel.');
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get(['sessions', 'activeSessionId']));
    expect((stored.sessions as { id: string }[]).map((s) => s.id)).toEqual([stored.activeSessionId]);
  });

  it('shows a failed write, keeps the text, and saves it once storage works again', async () => {
    const notes = new NotesPage(await browser.openPage('sidepanel.html'));
    await notes.field.fill('Saved before the disk filled up.');
    await notes.saveStatus.getByText('Saved').waitFor();
    await notes.page.evaluate(() => {
      const local = chrome.storage.local as unknown as { set: unknown; realSet?: unknown };
      local.realSet = local.set;
      local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    });
    await notes.field.fill('Saved before the disk filled up. Typed while it was full.');
    await notes.page.getByText('QUOTA_BYTES quota exceeded', { exact: false }).waitFor();
    await notes.saveStatus.getByText('Not saved yet').waitFor();
    expect(await notes.field.inputValue()).toBe('Saved before the disk filled up. Typed while it was full.');
    await notes.page.evaluate(() => {
      const local = chrome.storage.local as unknown as { set: unknown; realSet?: unknown };
      local.set = local.realSet;
    });
    await notes.saveStatus.getByText('Saved').waitFor({ timeout: 8000 });
    const other = new NotesPage(await browser.openPage('sidepanel.html'));
    await expect.poll(() => other.field.inputValue()).toBe('Saved before the disk filled up. Typed while it was full.');
  });

  it('refuses notes over the 1,000,000-character limit with a message, keeping what was there', async () => {
    const notes = new NotesPage(await browser.openPage('sidepanel.html'));
    await notes.field.fill('Short notes.');
    await notes.saveStatus.getByText('Saved').waitFor();
    await notes.field.fill('x'.repeat(1_000_001));
    await notes.page.getByRole('alert').getByText('the limit is 1,000,000', { exact: false }).waitFor();
    expect(await notes.field.inputValue()).toBe('Short notes.');
  });
});
