import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxExtension, launchFirefoxExtension } from './firefox';
import { callFixture } from './fixtures';

describe('on the call in Firefox', () => {
  let firefox: FirefoxExtension;
  beforeAll(async () => {
    firefox = await launchFirefoxExtension();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('the content script on a routed Meet call reaches the sidebar page, which offers to start the clock', async () => {
    const panel = await firefox.extensionPage('/sidepanel.html');
    await panel.locator('::-p-text(Session clock)').wait();
    const meet = await firefox.browser.newPage();
    await meet.setRequestInterception(true);
    meet.on('request', (request) => {
      if (request.url().startsWith('https://meet.google.com/')) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: callFixture('meet-in-call.html') });
      } else void request.abort();
    });
    await meet.goto('https://meet.google.com/abc-defg-hij');
    await panel.waitForFunction(() => document.body.textContent?.includes('Your call started at'), { timeout: 10_000 });
    const start = await panel.locator('::-p-text(Start the clock now)').waitHandle();
    await start.click();
    await panel.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Pause'));
    const readLog = () =>
      panel.evaluate(async () => {
        const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
        const { activeSessionId } = await ext.storage.local.get('activeSessionId');
        return (await ext.storage.local.get(`timer.${activeSessionId}`))[`timer.${activeSessionId}`];
      });
    await expect.poll(readLog, { timeout: 3000 }).toEqual([{ type: 'start', at: expect.any(Number) }]);
    // The event page schedules the same alarms as Chrome's service worker (the forgotten clock's auto-end included).
    const alarmNames = () =>
      panel.evaluate(async () => {
        const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
        return (await ext.alarms.getAll()).map((a) => a.name).sort();
      });
    await expect
      .poll(alarmNames, { timeout: 3000 })
      .toEqual(['sidecoach:autoEnd', 'sidecoach:fiveMinutesLeft', 'sidecoach:phaseEnd', 'sidecoach:sessionEnd', 'sidecoach:tick']);
  });
});
