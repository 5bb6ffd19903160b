import { describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionPerTest, installedWorker } from './chromium';
import { ClockPage, openFold } from './pages';

/**
 * Give the active session one-minute phases and a clock started `secondsAgo`, from the service worker.
 * The panel just opened creates the first session (a fresh profile has none): its id is awaited first.
 */
async function shortPhasesStarted(browser: ExtensionBrowser, secondsAgo: number) {
  const worker = await installedWorker(browser);
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.storage.local.get('activeSessionId')).activeSessionId ?? null))
    .not.toBeNull();
  await worker.evaluate(async (ago) => {
    const { activeSessionId } = await chrome.storage.local.get('activeSessionId');
    await chrome.storage.local.set({
      [`agenda.${activeSessionId}`]: [
        { id: 'a', title: 'Understand the problem', minutes: 1, prompt: '' },
        { id: 'b', title: 'Plan the attack', minutes: 1, prompt: '' },
        { id: 'c', title: 'Review and wrap up', minutes: 1, prompt: '' },
      ],
      [`timer.${activeSessionId}`]: [{ type: 'start', at: Date.now() - ago * 1000 }],
    });
  }, secondsAgo);
  return worker;
}

describe('session clock in Chromium', () => {
  const browser = extensionPerTest();

  it('opens the ⋯ menu in place over the page, by keyboard; Escape closes it and focus returns; one Send the plan', async () => {
    const page = await browser.openPage('sidepanel.html');
    await page.setViewportSize({ width: 360, height: 700 });
    const clock = new ClockPage(page);
    await clock.button('Start').click();
    const more = clock.button('More clock controls');
    const bar = page.locator('.clockbar');
    const before = { more: await more.boundingBox(), bar: await bar.boundingBox(), next: await clock.button('Next phase').boundingBox() };
    await more.focus();
    await page.keyboard.press('Enter');
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    // Open: its first control has focus, and it overlays — the ⋯, its row and the bar keep their place and size.
    // (Previous phase is disabled in the first phase: focus goes to the first control that can be used.)
    const back = clock.button('Previous phase');
    await back.waitFor();
    expect(await back.isDisabled()).toBe(true);
    await expect
      .poll(() =>
        page.getByRole('button', { name: '+5 min (add five minutes to this phase)' }).evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    expect({ more: await more.boundingBox(), bar: await bar.boundingBox(), next: await clock.button('Next phase').boundingBox() }).toEqual(
      before,
    );
    const popover = await page.locator('#clock-more').boundingBox();
    expect(popover && before.bar && popover.y + popover.height > before.bar.y + before.bar.height).toBe(true);
    expect(popover && popover.x >= 0 && popover.x + popover.width <= 360).toBe(true);
    // Escape closes it and gives focus back to ⋯.
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await back.isVisible()).toBe(false);
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
    // A click outside closes it too.
    await more.click();
    await back.waitFor();
    await page.locator('.clockbar .phase-name').click();
    await back.waitFor({ state: 'hidden' });

    // With the plan and the wrap-up both open, the plan is sent from one place.
    await openFold(page, 'Plan for the month');
    await openFold(page, 'Before you say goodbye');
    await page.getByRole('heading', { name: /^Send the plan to / }).waitFor();
    expect(await page.getByRole('heading', { name: /^Send the plan to / }).count()).toBe(1);
    await page.getByText('You send the plan under “Before you say goodbye”', { exact: false }).waitFor();
  });

  it('counts, and shows the right time after the panel is closed and reopened', async () => {
    const clock = new ClockPage(await browser.openPage('sidepanel.html'));
    await clock.button('Start').click();
    const startedAt = Date.now();
    await expect.poll(() => clock.phaseTimer.textContent(), { timeout: 3000 }).toBe('24:58');
    await clock.page.close();

    // A fixed wait is the point: real time passes while no page is open.
    await new Promise((r) => setTimeout(r, 3000));
    const again = new ClockPage(await browser.openPage('sidepanel.html'));
    await again.button('Pause').waitFor();
    const shown = await again.seconds(again.phaseTimer);
    const expected = 25 * 60 - (Date.now() - startedAt) / 1000;
    expect(Math.abs(shown - expected)).toBeLessThanOrEqual(1.5);
    expect(browser.outgoing).toEqual([]);
  });

  it('keeps time through a killed service worker and a browser restart', async () => {
    const clock = new ClockPage(await browser.openPage('sidepanel.html'));
    await clock.button('Start').click();
    const startedAt = Date.now();
    await clock.button('Pause').waitFor();
    const cdp = await browser.context.newCDPSession(clock.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await browser.restart();
    const again = new ClockPage(await browser.openPage('sidepanel.html'));
    await again.button('Pause').waitFor();
    const expected = 25 * 60 - (Date.now() - startedAt) / 1000;
    expect(Math.abs((await again.seconds(again.phaseTimer)) - expected)).toBeLessThanOrEqual(1.5);
  });

  it('at a phase boundary shows the badge and a notification, from the alarm alone', async () => {
    const panel = await browser.openPage('sidepanel.html');
    // One-minute phases, the first started 58 seconds ago: the boundary alarm is two seconds away.
    const worker = await shortPhasesStarted(browser, 58);
    const clock = new ClockPage(panel);
    await clock.button('Pause').waitFor();
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 5000 }).toBe('1m');
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 8000, interval: 500 }).toMatch(/^\+\d/);
    const notifications = await worker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(notifications)).toContain('sidecoach-alert');
    await expect.poll(() => clock.phaseTimer.textContent(), { timeout: 3000 }).toMatch(/^\+0:0\d$/);
    await clock.page.getByText('This phase is over its plan by').waitFor();
  });

  it('with no Sidecoach page open, plays the boundary chime from an offscreen document', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await shortPhasesStarted(browser, 57);
    await new ClockPage(panel).button('Pause').waitFor();
    const blank = await browser.context.newPage();
    await panel.close();
    const cdp = await browser.context.newCDPSession(blank);
    await expect
      .poll(
        async () => {
          const { targetInfos } = await cdp.send('Target.getTargets');
          return targetInfos.some((t) => t.url.endsWith('/offscreen.html'));
        },
        { timeout: 8000, interval: 200 },
      )
      .toBe(true);
  });
});
