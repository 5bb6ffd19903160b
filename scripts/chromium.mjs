/**
 * Debian's Chromium, headless, for the scripts (benchmarks, screenshots): one
 * place for the flags that keep it quiet on a machine without network.
 */
import { chromium } from 'playwright-core';

/** Launch with a profile directory; `extension` loads an unpacked build; `lang` sets the UI language (en-US by default). */
export async function launchChromium(profile, { extension, lang = 'en-US', ...options } = {}) {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--lang=${lang}`,
  ];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang },
    args,
    ...options,
  });
}

/** The id of the loaded extension, from its service worker's URL. */
export async function extensionId(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { worker, id: new URL(worker.url()).host };
}
