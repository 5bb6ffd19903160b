#!/usr/bin/env node
/**
 * Gzip size of the JavaScript each page and content script loads, from the
 * Chrome production build. `--check` fails when a budget is exceeded (sizes are
 * deterministic, so this is a build check, not a flaky timing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = process.argv.find((a) => a.startsWith('--dir='))?.slice(6) ?? '.output/chrome-mv3';
const check = process.argv.includes('--check');
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const gz = (file) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;

/** The module scripts and preloaded chunks an HTML page loads, followed through static imports. */
function pageScripts(html) {
  const text = readFileSync(join(out, html), 'utf8');
  const seen = new Set();
  const queue = [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(out, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["'`]\.?\.?\/?([^"'`]+\.js)["'`]/g)) {
      const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
      queue.push(m[1].startsWith('chunks/') ? m[1] : dir + m[1].replace(/^\.\//, ''));
    }
  }
  return [...seen];
}

const budgets = [
  { name: 'side panel', files: pageScripts('sidepanel.html'), budget: 30 * 1024 },
  { name: 'popup', files: pageScripts('popup.html'), budget: 25 * 1024 },
  { name: 'options', files: pageScripts('options.html'), budget: 40 * 1024 },
  { name: 'content script: meet', files: ['content-scripts/meet.js'], budget: 6 * 1024 },
  { name: 'content script: zoom', files: ['content-scripts/zoom.js'], budget: 6 * 1024 },
  { name: 'background', files: ['background.js'], budget: Number.POSITIVE_INFINITY },
];

let over = 0;
console.log(`JavaScript per page, gzip -9, from ${out}:`);
for (const b of budgets) {
  const size = b.files.reduce((sum, f) => sum + gz(f), 0);
  const ok = size <= b.budget;
  if (!ok) over++;
  const limit = Number.isFinite(b.budget) ? `budget ${kb(b.budget)}` : 'no budget';
  console.log(
    `  ${b.name.padEnd(22)} ${kb(size).padStart(9)}  ${limit}${ok ? '' : '  OVER BUDGET'}  (${b.files.length} file${b.files.length > 1 ? 's' : ''})`,
  );
}
if (check && over > 0) {
  console.error(`${over} bundle(s) over budget`);
  process.exit(1);
}
