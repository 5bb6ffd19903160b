#!/usr/bin/env node
/**
 * Screenshots of the popup and the side panel in real Chromium (light and dark),
 * for a person to look at: `node scripts/screenshot.mjs [outdir]`. Needs `npm run build`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionId, launchChromium } from './chromium.mjs';

const out = process.argv[2] ?? '.tmp/screens';
mkdirSync(out, { recursive: true });
const ext = resolve('.output/chrome-mv3');
const context = await launchChromium(mkdtempSync(join(tmpdir(), 'sc-shot-')), { extension: ext });
const { id } = await extensionId(context);
for (const scheme of ['light', 'dark']) {
  const popup = await context.newPage();
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByLabel('Your topic, in one line').fill('I find it hard to speak up in meetings');
  await popup.screenshot({ path: `${out}/popup-${scheme}.png`, fullPage: true });
  const panel = await context.newPage();
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.setViewportSize({ width: 360, height: 900 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  const start = panel.getByRole('button', { name: 'Start', exact: true });
  if (await start.isVisible()) await start.click();
  await panel.waitForTimeout(1200);
  await panel.screenshot({ path: `${out}/panel-${scheme}.png`, fullPage: true });
  await popup.close();
  await panel.close();
}
await context.close();
console.log(`screenshots in ${out}`);
