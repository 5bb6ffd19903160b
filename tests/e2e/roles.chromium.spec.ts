import { readFile } from 'node:fs/promises';
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

  it('shapes the options page by role: a coachee sees their own sessions and progress, not a coach’s tools', async () => {
    browser = await launchExtension(undefined, { role: 'coachee' });
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.fill('Speaking up in meetings');
    await popup.status.getByText('Saved').waitFor();
    const options = await browser.openPage('options.html');
    const nav = options.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'My progress' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Sessions',
      'My progress',
      'Cards',
      'Export & backup',
      'Settings & data',
      'Sync',
    ]);
    // A coach's list of coachees is not there, not even by its address.
    await options.goto(`${options.url().replace(/#.*$/, '')}#coachees`);
    await options.getByRole('heading', { name: 'Past sessions' }).waitFor();
    expect(await options.getByRole('heading', { name: 'Coachees' }).count()).toBe(0);
    expect(await options.getByRole('table', { name: 'Coachees' }).count()).toBe(0);
    // Their progress speaks to them: no "Me" as a name, no asking themselves for the pre-work.
    await nav.getByRole('link', { name: 'My progress' }).click();
    await options.getByRole('heading', { name: 'My progress', level: 2 }).waitFor();
    await options.getByRole('cell', { name: 'Speaking up in meetings' }).waitFor();
    expect(await options.getByText('Me', { exact: true }).count()).toBe(0);
    expect(await options.getByText('Progress: Me').count()).toBe(0);
    expect(await options.getByRole('heading', { name: 'Ask for the pre-work' }).count()).toBe(0);
    // The export offers their own sessions, without a list of coachees.
    await nav.getByRole('link', { name: 'Export & backup' }).click();
    await options.getByRole('radio', { name: 'My sessions, with my progress figures' }).check();
    expect(await options.getByLabel('Coachee to export').count()).toBe(0);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const md = await readFile(await download.path(), 'utf8');
    expect(md).toContain('## My progress');
    expect(md).not.toContain('Progress: Me');
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect({ colorScheme, violations: await axeViolations(options) }).toEqual({ colorScheme, violations: [] });
    }
  });

  it('for a coach who is also coached, the coachee list holds the people coached and not "Me"', async () => {
    browser = await launchExtension(undefined, { role: 'both' });
    const popup = new PopupPage(await browser.openPage('popup-coachee.html'));
    await popup.topic.fill('My own topic');
    await popup.status.getByText('Saved').waitFor();
    await browser.worker.evaluate(async () => {
      const { coachees = [] } = (await chrome.storage.local.get('coachees')) as { coachees?: unknown[] };
      await chrome.storage.local.set({ coachees: [...coachees, { id: 'dana', name: 'Dana', createdAt: 1_790_000_000_000 }] });
    });
    const options = await browser.openPage('options.html#coachees');
    const table = options.getByRole('table', { name: 'Coachees' });
    await table.getByRole('link', { name: 'Dana' }).waitFor();
    expect(await table.getByRole('rowheader').count()).toBe(1);
    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My progress' }).click();
    await options.getByRole('heading', { name: 'My progress', level: 2 }).waitFor();
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
