import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { type ExtensionBrowser, extensionPerTest } from './chromium';
import { routeCallSites } from './fixtures';
import { ClockPage } from './pages';

const MEET_CALL = 'https://meet.google.com/abc-defg-hij';
const ZOOM_PWA = 'https://app.zoom.us/wc/1234567890/join?fromPWA=1&fixture=zoom-pwa.html';

/** Call one of a fixture page's in-place transitions (see tests/fixtures/calls). */
async function act(page: Page | Locator, name: string): Promise<void> {
  // Serialized into the page: it must not close over anything.
  const run = (_el: unknown, fn: string) => {
    const transition = (window as unknown as Record<string, (() => void) | undefined>)[fn];
    if (!transition) throw new Error(`the fixture has no ${fn}()`);
    transition();
  };
  await ('goto' in page ? page.locator('body') : page).evaluate(run, name);
}

/** The recorded call, read in the service worker. */
function callStateOf(browser: ExtensionBrowser) {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  return () =>
    worker.evaluate(
      async () =>
        (await chrome.storage.local.get('callState')).callState as {
          inCall: boolean;
          startedAt: number | null;
          endedAt: number | null;
          unsureSince?: number | null;
        } | null,
    );
}

/** The active session's clock log, read in the service worker. */
function timerLogOf(browser: ExtensionBrowser) {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  return () =>
    worker.evaluate(async () => {
      const { activeSessionId } = await chrome.storage.local.get('activeSessionId');
      return (await chrome.storage.local.get(`timer.${activeSessionId}`))[`timer.${activeSessionId}`] as
        | { type: string; at: number }[]
        | undefined;
    });
}

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

/**
 * The content scripts' reports as the service worker receives them (a listener of the test's own beside
 * the background's). A report is sent after a look at the page whenever the answer changes, so a
 * report for a URL is the proof that the page was looked at and what it was taken for.
 */
async function recordReports(browser: ExtensionBrowser) {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(() => {
    const seen: { state: string; url: string }[] = [];
    (globalThis as unknown as { seenReports: typeof seen }).seenReports = seen;
    chrome.runtime.onMessage.addListener((raw: { type?: string; state?: string; url?: string }) => {
      if (raw?.type === 'callState' && raw.state && raw.url) seen.push({ state: raw.state, url: raw.url });
    });
  });
  /** The states reported so far for URLs starting with `prefix`. */
  return (prefix: string) =>
    worker.evaluate(
      (wanted) =>
        (globalThis as unknown as { seenReports: { state: string; url: string }[] }).seenReports
          .filter((r) => r.url.startsWith(wanted))
          .map((r) => r.state),
      prefix,
    );
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
    const reports = await recordReports(browser);
    const callState = callStateOf(browser);
    const panel = new ClockPage(await browser.openPage('sidepanel.html'));
    await panel.button('Start').waitFor();
    const meet = await browser.context.newPage();
    // Asking to be let in: the leave button and the self-preview are there, but it is not a call.
    const asking = `${MEET_CALL}?fixture=meet-asking-to-join.html`;
    await meet.goto(asking);
    // The page was looked at and taken for no call (and a lobby never turns into one by waiting: call-detect.test.ts).
    await expect.poll(() => reports(asking)).toEqual(['none']);
    expect((await callState())?.inCall ?? false).toBe(false);
    expect(await panel.page.getByText('Your call started at', { exact: false }).count()).toBe(0);

    await meet.goto(`${MEET_CALL}?fixture=meet-in-call.html`);
    await panel.page.getByText('Your call started at', { exact: false }).waitFor({ timeout: 6000 });
    await panel.page.getByRole('button', { name: /^Start the clock from .*when the call began$/ }).click();
    await panel.button('Pause').waitFor();
    // The clock starts at the call's own start, not at the click.
    const { startedAt } = (await callState()) ?? {};
    expect(startedAt).toEqual(expect.any(Number));
    await expect.poll(timerLogOf(browser)).toEqual([{ type: 'start', at: startedAt }]);
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
    const reports = await recordReports(browser);
    const zoom = await browser.context.newPage();
    await zoom.goto('https://app.zoom.com/wc/1234567890/join?fromPWA=1&fixture=zoom-pwa.html&inner=zoom-waiting-room.html');
    await expect.poll(() => panelOptionsFor(browser, 'https://app.zoom.com/wc/')).toMatchObject({ enabled: true, path: 'sidepanel.html' });
    // Once the waiting room is up in the iframe, a history change makes the watcher look at once (as it does when
    // the web app moves inside one page): its report for the new URL says what the waiting room was taken for.
    await zoom.frameLocator('iframe#webclient').locator('.meeting-app, #wc-footer').first().waitFor({ state: 'attached' });
    await zoom.evaluate(() => history.replaceState(null, '', `${location.href}&looked=1`));
    await expect
      .poll(() => reports('https://app.zoom.com/wc/1234567890/join?fromPWA=1&fixture=zoom-pwa.html&inner=zoom-waiting-room.html&looked=1'))
      .toEqual(['none']);
    expect(await callState()).toBeFalsy();
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

  it('reads green room → call → left on one page: offered once, and the panel says when it started and ended', async () => {
    const reports = await recordReports(browser);
    const callState = callStateOf(browser);
    const panel = new ClockPage(await browser.openPage('sidepanel.html'));
    await panel.button('Start').waitFor();
    const meet = await browser.context.newPage();
    await meet.goto(`${MEET_CALL}?fixture=meet-lobby.html`);
    // The green room was looked at and is no call.
    await expect.poll(() => reports(`${MEET_CALL}?fixture=meet-lobby.html`)).toEqual(['none']);
    expect((await callState())?.inCall ?? false).toBe(false);
    await act(meet, 'join');
    await panel.page.getByText(/^Call started \d\d:\d\d( [AP]M)?$/).waitFor({ timeout: 6000 });
    const offer = panel.page.getByRole('region', { name: 'Start the clock now' });
    await expect.poll(() => offer.count()).toBe(1);
    await offer.getByRole('button', { name: 'Not now' }).click();
    expect(await offer.count()).toBe(0);
    // The clock runs, the call ends: the end screen ends it at the next look (every 2 s), and the panel says so.
    await panel.button('Start').click();
    await act(meet, 'leave');
    const leftAt = Date.now();
    await panel.page.getByText(/^Call ended \d\d:\d\d( [AP]M)? — the clock is still running$/).waitFor({ timeout: 3000 });
    expect(Date.now() - leftAt).toBeLessThan(3000);
    expect(await callState()).toMatchObject({ inCall: false });
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.page.emulateMedia({ colorScheme });
      expect({ colorScheme, violations: await axeViolations(panel.page) }).toEqual({ colorScheme, violations: [] });
    }
    await panel.page.getByRole('button', { name: 'Go to the wrap-up' }).click();
    await panel.page.getByRole('heading', { name: 'Before you say goodbye' }).waitFor();
    await panel.page.getByRole('button', { name: 'Pause the clock' }).click();
    await panel.button('Resume').waitFor();
    await panel.page.getByText(/^Call ended \d\d:\d\d( [AP]M)?$/).waitFor();
    expect(await panel.page.getByRole('button', { name: 'Pause the clock' }).count()).toBe(0);
  });

  it('a reconnect neither ends the call nor offers it again; the panel says it is reconnecting', async () => {
    const callState = callStateOf(browser);
    const panel = new ClockPage(await browser.openPage('sidepanel.html'));
    await panel.button('Start').waitFor();
    const meet = await browser.context.newPage();
    await meet.goto(`${MEET_CALL}?fixture=meet-in-call.html`);
    const offer = panel.page.getByRole('region', { name: 'Start the clock now' });
    await offer.waitFor({ timeout: 6000 });
    const started = await callState();
    await offer.getByRole('button', { name: 'Not now' }).click();

    await act(meet, 'dropOut');
    // Past the watcher's grace period (8 s) with no call page: unsure, still in the call.
    await panel.page.getByText('Reconnecting…', { exact: true }).waitFor({ timeout: 14_000 });
    const unsure = await callState();
    expect(unsure).toMatchObject({ inCall: true, startedAt: started?.startedAt, endedAt: null, unsureSince: expect.any(Number) });
    // What would end it is the background's alarm, set 90 s after the page went (CALL_LOST_MS: reconnects of
    // 5 to 55 s were seen), so a 30-second reconnect ends nothing; the watcher's own 90 s is unit-tested.
    const worker = browser.context.serviceWorkers()[0];
    const alarm = await worker?.evaluate(() => chrome.alarms.get('call-lost'));
    expect((alarm?.scheduledTime ?? 0) - (unsure?.unsureSince ?? 0)).toBe(90_000);

    await act(meet, 'reconnect');
    expect(meet.url()).toContain('arjcm=1');
    await panel.page.getByText(/^Call started \d\d:\d\d( [AP]M)?$/).waitFor({ timeout: 6000 });
    expect(await callState()).toMatchObject({ inCall: true, startedAt: started?.startedAt, unsureSince: null });
    expect(await offer.count()).toBe(0);
  });

  it('notices the host ending a Zoom meeting over the gallery view, and a recording notice is not an end', async () => {
    const callState = callStateOf(browser);
    const panel = new ClockPage(await browser.openPage('sidepanel.html'));
    await panel.button('Start').waitFor();
    const zoom = await browser.context.newPage();
    // A recording notice over the speaker view with its video hidden (once read as the end): a look at it finds the
    // call itself. Were it taken for an end or for no call, no call would start here at all.
    await zoom.goto(`${ZOOM_PWA}&inner=zoom-recording-notice.html`);
    await panel.page.getByText(/^Call started \d\d:\d\d( [AP]M)?$/).waitFor({ timeout: 6000 });
    expect(await callState()).toMatchObject({ inCall: true, unsureSince: null });

    await zoom.goto(`${ZOOM_PWA}&inner=zoom-gallery.html`);
    await expect.poll(callState, { timeout: 6000 }).toMatchObject({ inCall: true });
    await act(zoom.frameLocator('iframe#webclient').locator('body'), 'endByHost');
    const endedAt = Date.now();
    await panel.page.getByText(/^Call ended \d\d:\d\d( [AP]M)?$/).waitFor({ timeout: 3000 });
    expect(Date.now() - endedAt).toBeLessThan(3000);
    expect(await callState()).toMatchObject({ inCall: false });
  });

  it('does not offer the panel on the Zoom web app\u2019s home, and does once the web app opens a meeting in place', async () => {
    const reports = await recordReports(browser);
    const panel = new ClockPage(await browser.openPage('sidepanel.html'));
    await panel.button('Start').waitFor();
    const zoom = await browser.context.newPage();
    const home = 'https://app.zoom.us/wc/home?fixture=zoom-web-app.html';
    await zoom.goto(home);
    // The content script watches the web app too (a meeting may open inside it) and reports its page as no call.
    await expect.poll(() => reports(home)).toEqual(['ended']);
    expect(await panelOptionsFor(browser, home)).toMatchObject({ enabled: false });

    // The web app opens a meeting in its own tab: a history change to /wc/<n>/join?fromPWA=1, the client in iframe#webclient.
    await zoom.evaluate(() => (window as unknown as { openMeeting: (inner: string) => void }).openMeeting('zoom-meeting.html'));
    expect(zoom.url()).toBe('https://app.zoom.us/wc/1234567890/join?fromPWA=1');
    await expect
      .poll(() => panelOptionsFor(browser, 'https://app.zoom.us/wc/1234567890/'))
      .toMatchObject({ enabled: true, path: 'sidepanel.html' });
    await panel.page.getByText('Your call started at', { exact: false }).waitFor({ timeout: 6000 });
    expect(await callStateOf(browser)()).toMatchObject({ inCall: true, platform: 'zoom' });
    const popup = await browser.openPage('popup.html');
    await popup.getByRole('button', { name: 'Open the session panel' }).waitFor();
  });

  it('leaving the call\u2019s URL ends the call: another site, or Zoom\u2019s post-meeting page', async () => {
    const callState = callStateOf(browser);
    const meet = await browser.context.newPage();
    await meet.goto(`${MEET_CALL}?fixture=meet-in-call.html`);
    await expect.poll(callState, { timeout: 6000 }).toMatchObject({ inCall: true });
    await meet.goto('https://example.com/');
    await expect.poll(callState, { timeout: 6000 }).toMatchObject({ inCall: false });

    const zoom = await browser.context.newPage();
    await zoom.goto(`${ZOOM_PWA}&inner=zoom-meeting.html`);
    await expect.poll(callState, { timeout: 6000 }).toMatchObject({ inCall: true });
    await zoom.goto('https://app.zoom.us/postattendee?mn=1234567890&fixture=zoom-post-meeting.html');
    await expect.poll(callState, { timeout: 6000 }).toMatchObject({ inCall: false });
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
