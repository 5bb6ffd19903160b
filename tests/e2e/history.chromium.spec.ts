import { describe, expect, it } from 'vitest';
import { extensionPerTest } from './chromium';
import { NotesPage, openFold, PopupPage } from './pages';

describe('session history in Chromium', () => {
  const browser = extensionPerTest();

  it('starts a new session keeping the old one, then finds and edits the old one from the options page', async () => {
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.fill('Speaking up in meetings');
    const panel = await browser.openPage('sidepanel.html');
    const notes = new NotesPage(panel);
    await notes.field.fill('Agreed to try one question per meeting.');
    await notes.saveStatus.getByText('Saved').waitFor();

    await openFold(panel, 'This session');

    await panel.getByRole('button', { name: 'Start a new session' }).click();
    await panel.getByRole('button', { name: 'Start it' }).click();
    await expect.poll(() => notes.field.inputValue()).toBe('');
    await panel.getByText('No topic yet', { exact: false }).waitFor();
    await expect.poll(() => popup.topic.inputValue()).toBe('');

    const options = await browser.openPage('options.html');
    await options.getByRole('status').getByText('2 of 2 sessions').waitFor();
    await options.getByLabel('Search topics and notes').fill('one question');
    await options.getByRole('status').getByText('1 of 2 sessions').waitFor();
    // The result shows where the words are: the note around them, the words marked.
    const result = options.getByRole('button', { name: 'Speaking up in meetings' });
    await expect.poll(() => result.locator('mark').allTextContents()).toEqual(['one', 'question']);
    await result.getByText('Agreed to try one question per meeting.').waitFor();
    await result.click();
    // Read first: the whole session as a document; its fields open on demand.
    await options.getByText('Agreed to try one question per meeting.').waitFor();
    await options.getByRole('button', { name: 'Edit this session' }).click();
    const oldNotes = options.getByLabel('Session notes');
    await expect.poll(() => oldNotes.inputValue()).toBe('Agreed to try one question per meeting.');
    await oldNotes.press('End');
    await oldNotes.pressSequentially(' Follow up next time.');
    await options.getByRole('region', { name: 'Notes' }).getByRole('status').getByText('Saved').waitFor();
    await options.getByRole('button', { name: 'Back to all sessions' }).click();
    await options.getByLabel('Search topics and notes').fill('follow up');
    await options.getByRole('status').getByText('1 of 2 sessions').waitFor();
    await expect.poll(() => result.locator('mark').allTextContents()).toEqual(['Follow', 'up']);
    // The current session is untouched by the edit of the old one.
    expect(await notes.field.inputValue()).toBe('');
  });

  it('carries the topic into the next session when asked', async () => {
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.fill('Work-life balance');
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByText('Work-life balance').waitFor();
    await openFold(panel, 'This session');
    await panel.getByRole('button', { name: 'Start a new session' }).click();
    await panel.getByLabel('Carry this topic forward').check();
    await panel.getByRole('button', { name: 'Start it' }).click();
    const options = await browser.openPage('options.html');
    await options.getByRole('status').getByText('2 of 2 sessions').waitFor();
    expect(await options.getByRole('button', { name: 'Work-life balance' }).count()).toBe(2);
  });

  it('says "Preparing the history…" while its records are missing (as after a browser start or an update), never "0 of 0", and shows the sessions again', async () => {
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.fill('Saying no to extra projects');
    const panel = new NotesPage(await browser.openPage('sidepanel.html'));
    await panel.field.fill('The word zeppelin came up.');
    await panel.saveStatus.getByText('Saved').waitFor();
    const options = await browser.openPage('options.html');
    const status = options.getByRole('status').first();
    await status.getByText('1 of 1 session').waitFor();
    // Every text the count shows from now on is noted.
    await options.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __seen: string[] }).__seen = seen;
      const node = document.querySelector('[role="status"]');
      if (node)
        new MutationObserver(() => seen.push(node.textContent ?? '')).observe(node, {
          childList: true,
          subtree: true,
          characterData: true,
        });
    });
    // storage.session is empty after every browser start and update: here emptied while the page is open.
    await options.evaluate(() => chrome.storage.session.clear());
    await options.getByRole('button', { name: /^Saying no to extra projects/ }).waitFor();
    await status.getByText('1 of 1 session').waitFor();
    const seen = await options.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen);
    expect(seen).toContain('Preparing the history…');
    expect(seen.filter((text) => /^0 of 0/.test(text))).toEqual([]);
    await options.getByLabel('Search topics and notes').fill('zeppelin');
    await options
      .getByRole('button', { name: /^Saying no to extra projects/ })
      .getByText('zeppelin')
      .waitFor();
  });
});
