import { describe, expect, it } from 'vitest';
import { type ExtensionBrowser, extensionPerTest } from './chromium';
import { routeCallSites } from './fixtures';
import { ClockPage } from './pages';

const MEET_CALL = 'https://meet.google.com/abc-defg-hij';

/** The side panel's options for the tab showing `url`, read in the service worker. */
async function panelOptionsFor(browser: ExtensionBrowser, url: string) {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  return worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(wanted));
    if (!tab?.id) return null;
    return chrome.sidePanel.getOptions({ tabId: tab.id });
  }, url);
}

describe('on the call in Chromium', () => {
  const browser = extensionPerTest({ setUp: (b) => routeCallSites(b.context) });

  it('enables the panel on a Meet meeting tab and not on a Meet landing page', async () => {
    const meet = await browser.context.newPage();
    await meet.goto(MEET_CALL);
    const landing = await browser.context.newPage();
    await landing.goto('https://meet.google.com/landing');
    await expect.poll(() => panelOptionsFor(browser, MEET_CALL)).toMatchObject({ enabled: true, path: 'sidepanel.html' });
    await expect.poll(() => panelOptionsFor(browser, 'https://meet.google.com/landing')).toMatchObject({ enabled: false });
  });

  it('opens the real side panel from the popup\u2019s button', async () => {
    const meet = await browser.context.newPage();
    await meet.goto(MEET_CALL);
    const popup = await browser.openPage('popup.html');
    const cdp = await browser.context.newCDPSession(meet);
    const before = await cdp.send('Target.getTargets');
    expect(before.targetInfos.some((t) => t.url.endsWith('/sidepanel.html'))).toBe(false);
    await popup.getByRole('button', { name: 'Open the session panel' }).click();
    await expect
      .poll(async () => {
        const { targetInfos } = await cdp.send('Target.getTargets');
        return targetInfos.some((t) => t.url.endsWith('/sidepanel.html'));
      })
      .toBe(true);
  });

  it('offers to start the clock when the call starts, and the offer starts it', async () => {
    const panel = new ClockPage(await browser.openPage('sidepanel.html'));
    await panel.button('Start').waitFor();
    const meet = await browser.context.newPage();
    // Asking to be let in: the leave button and the self-preview are there, but it is not a call.
    await meet.goto(`${MEET_CALL}?fixture=meet-asking-to-join.html`);
    // A fixed wait is the point: for a while, nothing may be offered.
    await meet.waitForTimeout(4500);
    expect(await panel.page.getByText('Your call started at', { exact: false }).count()).toBe(0);

    await meet.goto(`${MEET_CALL}?fixture=meet-in-call.html`);
    await panel.page.getByText('Your call started at', { exact: false }).waitFor({ timeout: 6000 });
    // Start from the call's actual start: the clock already shows the time since then.
    // A fixed wait is the point: a poll or more passes and still nothing is offered.
    await meet.waitForTimeout(2200);
    await panel.page.getByRole('button', { name: /^Start the clock from .*when the call began$/ }).click();
    await panel.button('Pause').waitFor();
    expect(await panel.seconds(panel.sessionTimer)).toBeLessThanOrEqual(60 * 60 - 2);
    expect(await panel.page.getByText('Your call started at', { exact: false }).count()).toBe(0);

    await meet.evaluate(() => (window as unknown as { endCall: () => void }).endCall());
    const worker = browser.context.serviceWorkers()[0];
    await expect
      .poll(() => worker?.evaluate(async () => (await chrome.storage.local.get('callState')).callState), { timeout: 6000 })
      .toMatchObject({ inCall: false, platform: 'meet' });
  });

  it('a Zoom waiting room offers nothing; the meeting inside the web client\u2019s iframe on zoom.com does, and the host ending it ends the call', async () => {
    const worker = browser.context.serviceWorkers()[0];
    const callState = () => worker?.evaluate(async () => (await chrome.storage.local.get('callState')).callState);
    const panel = new ClockPage(await browser.openPage('sidepanel.html'));
    await panel.button('Start').waitFor();
    const zoom = await browser.context.newPage();
    await zoom.goto('https://app.zoom.com/wc/1234567890/join?fromPWA=1&fixture=zoom-pwa.html&inner=zoom-waiting-room.html');
    await expect.poll(() => panelOptionsFor(browser, 'https://app.zoom.com/wc/')).toMatchObject({ enabled: true, path: 'sidepanel.html' });
    // A fixed wait is the point: for a while, nothing may be offered.
    await zoom.waitForTimeout(4500);
    expect(await panel.page.getByText('Your call started at', { exact: false }).count()).toBe(0);

    await zoom.goto('https://app.zoom.com/wc/1234567890/join?fromPWA=1&fixture=zoom-pwa.html&inner=zoom-meeting.html');
    await panel.page.getByText('Your call started at', { exact: false }).waitFor({ timeout: 6000 });
    expect(await callState()).toMatchObject({ inCall: true, platform: 'zoom' });

    await zoom
      .frameLocator('iframe#webclient')
      .locator('body')
      .evaluate(() => (window as unknown as { endByHost: () => void }).endByHost());
    await expect.poll(callState, { timeout: 6000 }).toMatchObject({ inCall: false, platform: 'zoom' });
  });

  it('closing the call tab ends the call', async () => {
    const worker = browser.context.serviceWorkers()[0];
    const callState = () => worker?.evaluate(async () => (await chrome.storage.local.get('callState')).callState);
    const meet = await browser.context.newPage();
    await meet.goto(`https://meet.google.com/_meet/abc-defg-hij?fixture=meet-in-call.html`);
    await expect.poll(callState, { timeout: 6000 }).toMatchObject({ inCall: true, platform: 'meet' });
    await meet.close();
    await expect.poll(callState, { timeout: 6000 }).toMatchObject({ inCall: false });
  });
});
