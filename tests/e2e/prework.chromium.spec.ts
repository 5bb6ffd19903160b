import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { extensionPerTest, setRole } from './chromium';
import { PanelPage, PopupPage } from './pages';

describe('pre-work in Chromium', () => {
  const browser = extensionPerTest();

  it('edits the topic in the panel and the open popup shows it', async () => {
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.fill('Speaking up');
    const panel = new PanelPage(await browser.openPage('sidepanel.html'));
    await panel.topicCard.getByText('Speaking up').waitFor();
    await panel.openTopic();
    await panel.page.getByRole('button', { name: 'Edit the topic' }).click();
    const panelTitle = panel.page.getByLabel('Your topic, in one line');
    await panelTitle.fill('Speaking up in design reviews');
    await panel.page.getByLabel('What would make this hour worth it? (optional)').fill('One thing to try on Monday');
    await expect.poll(() => popup.topic.inputValue(), { timeout: 2000 }).toBe('Speaking up in design reviews');
    await expect
      .poll(() => popup.page.getByLabel('What would make this hour worth it? (optional)').inputValue())
      .toBe('One thing to try on Monday');
    // Done editing: the panel shows the answer under its heading, and no heading for the empty one.
    await panel.page.getByRole('button', { name: 'Done editing' }).click();
    await panel.topicCard.getByRole('heading', { name: 'Hoped-for outcome' }).waitFor();
    await panel.topicCard.getByText('One thing to try on Monday').waitFor();
    expect(await panel.topicCard.getByRole('heading', { name: 'Hardest lately' }).count()).toBe(0);
  });

  it('fills the topic from an example, and hints only at a fact question', async () => {
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.page.getByRole('button', { name: 'Use as topic: I’m thinking about leaving my company' }).click();
    expect(await popup.topic.inputValue()).toBe('I’m thinking about leaving my company');
    const hint = popup.page.getByText('This sounds like a question with a factual answer', { exact: false });
    expect(await hint.count()).toBe(0);
    await popup.topic.fill('How do I fix this bug in the login page');
    await hint.waitFor();
    await popup.topic.fill('I have trouble speaking up in meetings');
    await hint.waitFor({ state: 'detached' });
  });

  it('copies a tidy summary for the coach to the clipboard', async () => {
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.fill('My manager gives me no challenging work');
    await popup.difficulty.fill('Two projects went to others');
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByText('My manager gives me no challenging work').waitFor();
    await new PanelPage(panel).openTopic();
    await panel.getByRole('button', { name: 'Copy for my coach' }).click();
    await panel.getByText('Copied.', { exact: false }).waitFor();
    // Paste the real clipboard into a plain page, as a person pasting into the call chat would.
    const chat = await browser.context.newPage();
    await chat.setContent('<label>Chat <textarea></textarea></label>');
    await chat.getByLabel('Chat').focus();
    await chat.keyboard.press('Control+V');
    const text = await chat.getByLabel('Chat').inputValue();
    expect(text).toContain('Topic: My manager gives me no challenging work');
    expect(text).toContain('Two projects went to others');
  });

  it('keeps a coach\u2019s coachees apart', async () => {
    await setRole(browser.worker, 'both');
    const page = await browser.openPage('popup.html');
    const views = page.getByRole('navigation', { name: 'Show the popup for' });
    await views.getByRole('link', { name: 'My own sessions' }).click();
    const popup = new PopupPage(page);
    await popup.topic.fill('My own topic');
    await popup.status.getByText('Saved').waitFor();
    await views.getByRole('link', { name: 'My coaching' }).click();
    await page.getByRole('button', { name: 'Add coachee' }).click();
    await page.getByLabel('New coachee’s name').fill('Ada');
    await page.getByRole('button', { name: 'Add coachee' }).click();
    await expect.poll(() => page.getByLabel('Coachee').inputValue()).not.toBe('me');
    await page.getByText('No pre-work yet.', { exact: false }).waitFor();
    await views.getByRole('link', { name: 'My own sessions' }).click();
    await expect.poll(() => popup.topic.inputValue()).toBe('');
    await popup.topic.fill('Ada’s topic');
    await popup.status.getByText('Saved').waitFor();
    await views.getByRole('link', { name: 'My coaching' }).click();
    await page.getByTestId('coach-popup-topic').getByText('Ada’s topic').waitFor();
    await page.getByLabel('Coachee').selectOption({ label: 'Me' });
    await views.getByRole('link', { name: 'My own sessions' }).click();
    await expect.poll(() => popup.topic.inputValue()).toBe('My own topic');
  });

  it('has no WCAG A/AA violations in the popup and the panel, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of ['popup.html', 'sidepanel.html']) {
        const page = await browser.context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        if (path === 'popup.html') await page.getByLabel('Your topic, in one line').fill('How do I fix this bug');
        expect({ path, colorScheme, violations: await axeViolations(page) }).toEqual({ path, colorScheme, violations: [] });
        await page.close();
      }
    }
  });
});
