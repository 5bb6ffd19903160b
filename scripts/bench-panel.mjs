#!/usr/bin/env node
/**
 * Figures measured in real headless Chromium with the production build
 * (`npm run build` first). Prints, never asserts:
 *  - side panel first contentful paint: three runs, each the median of 20 loads beside a blank extension page's
 *    (taking turns); BENCH_PAINT_RUNS to change the number of runs, BENCH_ONLY_PAINT=1 for nothing else;
 *  - storage writes of the notes while typing steadily (default 60 s; BENCH_TYPING_SECONDS to change);
 *  - history search over 500 generated sessions: time from a keystroke to the updated count.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionId, launchChromium } from './chromium.mjs';

// A copy of the build with one extra page, blank.html, as the baseline an extension page can't beat.
const dir = mkdtempSync(join(tmpdir(), 'sc-bench-'));
const ext = join(dir, 'ext');
cpSync(resolve(process.env.BENCH_EXT ?? '.output/chrome-mv3'), ext, { recursive: true });
writeFileSync(
  join(ext, 'blank.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><p>blank</p></body></html>',
);
const profile = join(dir, 'profile');
const context = await launchChromium(profile, { extension: ext });
const { worker, id } = await extensionId(context);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One page's first contentful paint, from a fresh tab (ready: wait until the panel's app has replaced its static first view). */
async function fcpOnce(path, ready) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/${path}`);
  if (ready) await page.getByRole('timer').first().waitFor();
  const ms = await page.evaluate(
    () =>
      new Promise((r) => {
        const get = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const v = get();
        if (v !== undefined) r(v);
        else new PerformanceObserver(() => r(get())).observe({ type: 'paint', buffered: true });
      }),
  );
  await page.close();
  return ms;
}

// Three runs of 20 loads each, the blank page and the panel taking turns (so a change in the machine's load
// falls on both alike), each run's medians side by side.
const runs = Number(process.env.BENCH_PAINT_RUNS ?? 3);
for (let run = 1; run <= runs; run++) {
  const blanks = [];
  const panels = [];
  for (let i = 0; i < 20; i++) {
    blanks.push(await fcpOnce('blank.html', false));
    panels.push(await fcpOnce('sidepanel.html', true));
  }
  const [blank, panel] = [median(blanks), median(panels)];
  console.log(
    `side panel first contentful paint, run ${run}: median ${panel.toFixed(1)} ms over 20 loads; blank extension page ${blank.toFixed(1)} ms (${(panel / blank).toFixed(2)}×)`,
  );
}
if (process.env.BENCH_ONLY_PAINT) {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

// Notes: type steadily and count writes of the notes key seen by another page.
const seconds = Number(process.env.BENCH_TYPING_SECONDS ?? 60);
const watcher = await context.newPage();
await watcher.goto(`chrome-extension://${id}/options.html`);
await watcher.evaluate(() => {
  window.__writes = 0;
  chrome.storage.onChanged.addListener((changes) => {
    if (Object.keys(changes).some((k) => k.startsWith('notes.'))) window.__writes++;
  });
});
const typing = await context.newPage();
await typing.goto(`chrome-extension://${id}/sidepanel.html`);
const field = typing.getByLabel('Session notes');
await field.click();
const end = Date.now() + seconds * 1000;
let chars = 0;
while (Date.now() < end) {
  await typing.keyboard.type('coaching notes ', { delay: 60 });
  chars += 15;
}
await typing.waitForTimeout(1500);
const writes = await watcher.evaluate(() => window.__writes);
console.log(`notes typing: ${chars} characters in ${seconds} s -> ${writes} storage writes (${(writes / seconds).toFixed(2)} per second)`);

// History search over 500 generated sessions.
await worker.evaluate(async () => {
  const words = ['meetings', 'manager', 'balance', 'promotion', 'feedback', 'delegation', 'conflict', 'visibility', 'career', 'burnout'];
  const items = { sessions: [] };
  for (let i = 0; i < 500; i++) {
    const id = `bench-${i}`;
    items.sessions.push({ id, coacheeId: 'me', createdAt: 1_700_000_000_000 + i * 86_400_000 });
    items[`topic.${id}`] = { title: `Topic ${i} about ${words[i % 10]}`, difficulty: 'x'.repeat(200), outcome: '', updatedAt: 0 };
    items[`notes.${id}`] = `Session ${i}. ${words[(i * 7) % 10]} `.repeat(150);
  }
  await chrome.storage.local.set(items);
});
const options = await context.newPage();
await options.goto(`chrome-extension://${id}/options.html`);
await options
  .getByRole('status')
  .getByText(/of 50\d sessions/)
  .waitFor();
const search = options.getByLabel('Search topics and notes');
const samples = [];
for (const q of ['promotion', 'career 12', 'burnout session 4', 'zzz']) {
  await search.fill('');
  await options
    .getByRole('status')
    .getByText(/^(50\d) of \1 sessions$/)
    .waitFor();
  const t0 = await options.evaluate(() => performance.now());
  await search.fill(q);
  const t1 = await options.evaluate(
    () =>
      new Promise((r) => {
        const status = document.querySelector('[role=status]');
        const done = () => r(performance.now());
        if (!/^50\d of/.test(status.textContent)) return done();
        new MutationObserver(done).observe(status, { childList: true, subtree: true, characterData: true });
      }),
  );
  samples.push(t1 - t0);
}
console.log(
  `history search over 500 sessions: ${samples.map((s) => s.toFixed(1)).join(', ')} ms per query (median ${median(samples).toFixed(1)} ms)`,
);

// Markdown export of those 500 sessions: from the click to the file being handed to the browser.
await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Export & backup' }).click();
await options.getByRole('button', { name: 'Download Markdown' }).waitFor();
const exportTimes = [];
for (let i = 0; i < 5; i++) {
  const t0 = Date.now();
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  exportTimes.push(Date.now() - t0);
  await download.delete();
}
console.log(`Markdown export of 500 sessions: ${exportTimes.join(', ')} ms (median ${median(exportTimes)} ms)`);

await context.close();
rmSync(dir, { recursive: true, force: true });
