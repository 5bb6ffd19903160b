#!/usr/bin/env node
/**
 * What the content script costs a busy Meet page: the same heavy fixture
 * (5,000 nodes, a script mutating the DOM for 10 s) loaded in Chromium with and
 * without the extension, comparing the page's script time (DevTools
 * Performance.getMetrics: ScriptDuration). Runs each 5 times; prints medians.
 * Needs `npm run build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from './chromium.mjs';

const HEAVY = `<!doctype html><html><head><title>Meet</title></head><body>
<div role="main" id="grid"></div>
<div role="region"><button jsname="CQylAd"></button></div>
<script>
const grid = document.getElementById('grid');
for (let i = 0; i < 5000; i++) { const d = document.createElement('div'); d.setAttribute('data-participant-id', 'p' + i); d.textContent = 'tile ' + i; grid.appendChild(d); }
window.workDone = new Promise((resolve) => {
  const end = performance.now() + 10000;
  const tick = () => {
    for (let i = 0; i < 200; i++) { const el = grid.children[(Math.random() * grid.children.length) | 0]; el.textContent = 'tile ' + Math.random().toFixed(4); }
    if (performance.now() < end) setTimeout(tick, 16); else resolve();
  };
  tick();
});
</script></body></html>`;

async function run(withExtension) {
  const dir = mkdtempSync(join(tmpdir(), 'sc-host-'));
  const ext = resolve('.output/chrome-mv3');
  const context = await launchChromium(dir, withExtension ? { extension: ext } : {});
  await context.route('https://meet.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: HEAVY }));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto('https://meet.google.com/abc-defg-hij');
  await page.evaluate(() => window.workDone);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const script = metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN;
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  return script * 1000;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const without = [];
const withExt = [];
for (let i = 0; i < 5; i++) {
  without.push(await run(false));
  withExt.push(await run(true));
}
console.log(
  `host page script time over 10 s on a 5,000-node Meet fixture: without the extension ${median(without).toFixed(1)} ms, with it ${median(withExt).toFixed(1)} ms ` +
    `(difference ${(median(withExt) - median(without)).toFixed(1)} ms; runs ${without.map((x) => x.toFixed(0)).join('/')} vs ${withExt.map((x) => x.toFixed(0)).join('/')})`,
);
