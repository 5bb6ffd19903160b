import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxExtension, launchFirefoxExtension } from './firefox';

describe('pre-work topic in Firefox', () => {
  let firefox: FirefoxExtension;
  beforeAll(async () => {
    firefox = await launchFirefoxExtension();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('shows a topic typed in the popup in the open sidebar page without a reload', async () => {
    const panel = await firefox.extensionPage('/sidepanel.html');
    const popup = await firefox.extensionPage('/popup-coachee.html');
    await panel.locator('::-p-text(No topic yet)').wait();

    const topic = await popup.locator('::-p-aria(Your topic, in one line)').waitHandle();
    await topic.type('Getting a word in on video calls');
    const typedAt = Date.now();
    await panel.waitForFunction(
      () => document.querySelector('[data-testid="panel-topic"]')?.textContent === 'Getting a word in on video calls',
      { timeout: 1500 },
    );
    expect(Date.now() - typedAt).toBeLessThan(1500);
    const status = await popup.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Saved');
    expect(status).toBeTruthy();
  });

  it('has the background keep the pages’ small records in storage.session (Manifest V2 too)', async () => {
    const panel = await firefox.extensionPage('/sidepanel.html');
    const records = () =>
      panel.evaluate(async () => {
        // Firefox's promise-returning namespace (its `chrome` takes callbacks in Manifest V2).
        const { storage } = (globalThis as unknown as { browser: typeof chrome }).browser;
        const { recentSessions } = await storage.session.get('recentSessions');
        const { activeSessionId } = await storage.local.get('activeSessionId');
        return { kept: (recentSessions as { activeId?: string } | undefined)?.activeId ?? null, active: activeSessionId ?? null };
      });
    await expect
      .poll(
        async () => {
          const { kept, active } = await records();
          return active !== null && kept === active;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  });
});
