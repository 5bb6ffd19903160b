import { describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionPerTest, installedWorker } from './chromium';
import { ClockPage } from './pages';

/** Give the active session one-minute phases and a clock started `secondsAgo`, from the service worker. */
async function shortPhasesStarted(browser: ExtensionBrowser, secondsAgo: number) {
  const worker = await installedWorker(browser);
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
