import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * The Firefox test build (`wxt build -b firefox --mode e2e`): the production
 * build plus, on install, its own popup and panel opened in tabs, because
 * Firefox refuses automation's navigation to moz-extension:// pages.
 */
export const FIREFOX_BUILD = resolve('.output/firefox-mv2-e2e');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxExtension {
  browser: Browser;
  /** The extension page whose URL ends with `path`, opened by the test build on install. */
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launch Debian's Firefox ESR headless over WebDriver BiDi and install the test build. */
export async function launchFirefoxExtension(prefs: Record<string, boolean | number | string> = {}): Promise<FirefoxExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // No network: keep Firefox from phoning home while tests run.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      ...prefs,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    async extensionPage(path: string) {
      // Puppeteer's BiDi target URL stays about:blank for tabs the extension
      // opened, so ask each page where it really is. A page in the middle of a
      // navigation may not answer: each question is given 2 s, then asked again.
      const deadline = Date.now() + 40_000;
      let seen: string[] = [];
      while (Date.now() < deadline) {
        seen = [];
        for (const page of await browser.pages()) {
          const href = await Promise.race([
            page.evaluate(() => location.href).catch(() => ''),
            new Promise<string>((r) => setTimeout(() => r('(no answer)'), 2_000)),
          ]);
          seen.push(href);
          if (href.startsWith('moz-extension://') && href.endsWith(path)) return page;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`The test build never opened ${path} (pages open: ${seen.join(', ') || 'none'})`);
    },
    close: () => browser.close(),
  };
}
