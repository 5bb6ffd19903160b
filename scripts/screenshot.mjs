#!/usr/bin/env node
/**
 * Screenshots of the popup and the side panel in real Chromium, for a person to
 * look at and for the README: `node scripts/screenshot.mjs [outdir]` (default
 * docs/screens). Needs `npm run build`. The panel is shown at the sizes a side
 * panel has (400×800 and 360×640), idle and running, light and dark.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionId, launchChromium } from './chromium.mjs';

const out = process.argv[2] ?? 'docs/screens';
mkdirSync(out, { recursive: true });
const ext = resolve('.output/chrome-mv3');
const context = await launchChromium(mkdtempSync(join(tmpdir(), 'sc-shot-')), { extension: ext });
const { id } = await extensionId(context);
const MIN = 60_000;

/** A session 31 minutes in: understanding ran 5 over, planning began a minute ago. */
async function seedRunning(page) {
  await page.evaluate(async (min) => {
    const { activeSessionId: id } = await chrome.storage.local.get('activeSessionId');
    const now = Date.now();
    await chrome.storage.local.set({
      [`topic.${id}`]: {
        title: 'I find it hard to speak up in meetings',
        difficulty: 'In the weekly planning meeting I had an idea twice and said nothing.',
        outcome: 'One thing I can try next week.',
        updatedAt: now,
      },
      [`timer.${id}`]: [
        { type: 'start', at: now - 31 * min },
        { type: 'next', at: now - 1 * min },
      ],
      [`notes.${id}`]:
        '10:02 · Understand the problem · 0:02\nIdeas come late: waits until sure.\nManager talks fast, meeting is packed.\n\n10:27 · Understand the problem · 0:27\nPattern: the same in 1:1s? No: only in groups.\n\n10:31 · Plan the attack · 0:31\nTry: write one point before the meeting, say it in the first ten minutes.',
      [`plan.${id}`]: [{ id: 'p1', text: 'Say my prepared point in the first ten minutes, twice a week', done: false }],
    });
  }, MIN);
}

for (const scheme of ['light', 'dark']) {
  const popup = await context.newPage();
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByLabel('Your topic, in one line').fill('I find it hard to speak up in meetings');
  await popup.screenshot({ path: `${out}/popup-${scheme}.png`, fullPage: true });
  await popup.close();

  const panel = await context.newPage();
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await panel.evaluate(async () => {
    const { activeSessionId: id } = await chrome.storage.local.get('activeSessionId');
    await chrome.storage.local.remove([`timer.${id}`, `notes.${id}`, `plan.${id}`]);
  });
  await panel.reload();
  await panel.getByRole('timer').first().waitFor();
  await panel.waitForTimeout(400);
  await panel.screenshot({ path: `${out}/panel-idle-400x800-${scheme}.png` });
  await seedRunning(panel);
  await panel.reload();
  await panel.getByText('ends', { exact: false }).first().waitFor();
  await panel.waitForTimeout(600);
  await panel.screenshot({ path: `${out}/panel-running-400x800-${scheme}.png` });
  await panel.setViewportSize({ width: 360, height: 640 });
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: `${out}/panel-running-360x640-${scheme}.png` });
  await panel.close();
}
await context.close();
console.log(`screenshots in ${out}`);
