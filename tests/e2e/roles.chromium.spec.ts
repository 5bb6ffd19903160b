import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { type ExtensionBrowser, launchExtension } from './chromium';
import { PopupPage } from './pages';

describe('a popup for each role, in Chromium', () => {
  let browser: ExtensionBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('asks a person who never chose, and "I coach" gives the coach’s popup', async () => {
    browser = await launchExtension(undefined, { role: null });
    const page = await browser.openPage('popup.html');
    await page.getByRole('heading', { name: 'How will you use Sidecoach?' }).waitFor();
    // No guess: neither role's popup is shown before the answer.
    expect(await page.getByLabel('Your topic, in one line').count()).toBe(0);
    await page.getByRole('button', { name: 'I coach' }).click();
    await page.getByRole('heading', { name: 'Your next session' }).waitFor();
    expect(page.url()).toContain('popup-coach.html');
    await page.getByText('No coachee yet.', { exact: false }).waitFor();
    // The coach's popup explains where the panel opens, and takes in cards.
    await page.getByText('The panel opens beside a Google Meet or Zoom web call.', { exact: false }).waitFor();
    await page.locator('summary', { hasText: 'Take in a card' }).waitFor();
    expect(await page.getByText('Copy for my coach').count()).toBe(0);
    // Opening the welcome, the options page and the coach's popup created no "(no topic) · Me" session.
    await (await browser.openPage('options.html')).getByRole('heading', { level: 1 }).waitFor();
    const worker = browser.worker;
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('sessions')).sessions ?? [])).toEqual([]);
    // Adding the person they coach: their pre-work is awaited, the next date not set yet.
    await page.getByRole('button', { name: 'Add coachee' }).click();
    await page.getByLabel('New coachee’s name').fill('Dana');
    await page.getByRole('button', { name: 'Add coachee' }).click();
    await page.getByText('No pre-work yet.', { exact: false }).waitFor();
    await page.getByLabel('Coachee').getByRole('option', { name: 'Dana' }).waitFor({ state: 'attached' });
    await page.getByText('No date set for the next session yet', { exact: false }).waitFor();
    // The choice holds: the toolbar button opens the coach's popup again.
    const again = await browser.openPage('popup.html');
    await again.getByRole('heading', { name: 'Your next session' }).waitFor();
  });

  it('"I am being coached" gives the coachee’s popup, without the coach’s tools', async () => {
    browser = await launchExtension(undefined, { role: null });
    const page = await browser.openPage('popup.html');
    await page.getByRole('button', { name: 'I am being coached' }).click();
    const popup = new PopupPage(page);
    await popup.topic.fill('Speaking up in meetings');
    await popup.status.getByText('Saved').waitFor();
    expect(page.url()).toContain('popup-coachee.html');
    await page.locator('summary', { hasText: 'Send to my coach' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add coachee' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Show the popup for' }).count()).toBe(0);
  });

  it('with both roles, switches between the coach’s and the coachee’s popup, and remembers the last', async () => {
    browser = await launchExtension(undefined, { role: 'both' });
    const page = await browser.openPage('popup.html');
    const views = page.getByRole('navigation', { name: 'Show the popup for' });
    await page.getByRole('heading', { name: 'Your next session' }).waitFor();
    await views.getByRole('link', { name: 'My own sessions' }).click();
    await new PopupPage(page).topic.waitFor();
    expect(await views.getByRole('link', { name: 'My own sessions' }).getAttribute('aria-current')).toBe('page');
    const again = await browser.openPage('popup.html');
    await new PopupPage(again).topic.waitFor();
  });

  it('has no WCAG A/AA violations in the question and the coach’s popup (no coachee yet, then one), light and dark, and reflows at 160 px', async () => {
    browser = await launchExtension(undefined, { role: null });
    const question = await browser.openPage('popup.html');
    await question.getByRole('heading', { name: 'How will you use Sidecoach?' }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await question.emulateMedia({ colorScheme });
      expect({ colorScheme, question: await axeViolations(question) }).toEqual({ colorScheme, question: [] });
    }
    await question.getByRole('button', { name: 'I coach' }).click();
    const coach = question;
    await coach.getByText('No coachee yet.', { exact: false }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await coach.emulateMedia({ colorScheme });
      expect({ colorScheme, noCoachee: await axeViolations(coach) }).toEqual({ colorScheme, noCoachee: [] });
    }
    await coach.getByRole('button', { name: 'Add coachee' }).click();
    await coach.getByLabel('New coachee’s name').fill('Dana');
    await coach.getByRole('button', { name: 'Add coachee' }).click();
    await coach.getByText('No pre-work yet.', { exact: false }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await coach.emulateMedia({ colorScheme });
      expect({ colorScheme, withCoachee: await axeViolations(coach) }).toEqual({ colorScheme, withCoachee: [] });
    }
    // 320 device pixels at 200% zoom leave 160 CSS pixels: no sideways scrolling.
    await coach.setViewportSize({ width: 160, height: 800 });
    const widths = await coach.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBe(widths.client);
  });
});
