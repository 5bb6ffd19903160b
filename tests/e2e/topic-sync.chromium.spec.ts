import { describe, expect, it } from 'vitest';
import { extensionPerTest } from './chromium';
import { PanelPage, PopupPage } from './pages';

describe('pre-work topic in Chromium', () => {
  const browser = extensionPerTest();

  it('shows a topic typed in the popup in the already-open panel within a second, without a reload', async () => {
    const panel = new PanelPage(await browser.openPage('sidepanel.html'));
    await panel.topicCard.getByText('No topic yet', { exact: false }).waitFor();
    const popup = new PopupPage(await browser.openPage('popup.html'));

    await popup.topic.pressSequentially('I find it hard to speak up in meetings', { delay: 5 });
    const typedAt = Date.now();
    await panel.topicCard.getByText('I find it hard to speak up in meetings', { exact: true }).waitFor({ timeout: 1000 });
    expect(Date.now() - typedAt).toBeLessThan(1000);
    await popup.status.getByText('Saved').waitFor();
    expect(browser.outgoing).toEqual([]);
  });

  it('keeps text typed right before the popup closes', async () => {
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.fill('Thinking about leaving my company');
    await popup.page.close({ runBeforeUnload: true });

    const again = new PopupPage(await browser.openPage('popup.html'));
    await expect.poll(() => again.topic.inputValue()).toBe('Thinking about leaving my company');
  });

  it('refuses an over-long paste with a message and changes nothing', async () => {
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.fill('Work-life balance');
    await popup.topic.fill('x'.repeat(250));
    await popup.alert.getByText('the limit is 200', { exact: false }).waitFor();
    expect(await popup.topic.inputValue()).toBe('Work-life balance');
  });

  it('keeps the topic across a browser restart', async () => {
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.fill('My manager gives me no challenging work');
    await popup.status.getByText('Saved').waitFor();
    await browser.restart();
    const panel = new PanelPage(await browser.openPage('sidepanel.html'));
    await panel.topicCard.getByText('My manager gives me no challenging work').waitFor();
  });
});
