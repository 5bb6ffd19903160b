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
const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
const gz = (file) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;

/** Resolve an import specifier found in `file` to a path in the build. */
function resolveIn(file, spec) {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return spec.startsWith('chunks/') ? spec : dir + spec.replace(/^\.\//, '');
}

/**
 * The JavaScript an HTML page loads at start (module scripts, preloaded chunks
 * and their static imports), and separately what it can load later on demand
 * (dynamic `import()`, followed through their own imports).
 */
function pageScripts(html) {
  const text = readFileSync(join(out, html), 'utf8');
  const initial = new Set();
  const lazy = new Set();
  const walk = (start, into) => {
    const queue = [...start];
    while (queue.length) {
      const file = queue.pop();
      if (initial.has(file) || into.has(file)) continue;
      into.add(file);
      const code = readFileSync(join(out, file), 'utf8');
      for (const m of code.matchAll(/(?:import|from)\s*["'`]\.?\.?\/?([^"'`]+\.js)["'`]/g)) queue.push(resolveIn(file, m[1]));
      for (const m of code.matchAll(/import\(\s*["'`]\.?\.?\/?([^"'`]+\.js)["'`]\s*\)/g)) pending.push(resolveIn(file, m[1]));
    }
  };
  const pending = [];
  walk(
    [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]),
    initial,
  );
  walk(pending.splice(0), lazy);
  return { initial: [...initial], lazy: [...lazy].filter((f) => !initial.has(f)) };
}

const page = (name, html, budget) => {
  const { initial, lazy } = pageScripts(html);
  return { name, files: initial, lazy, budget };
};
/** The background's script as the manifest names it (Chrome's service worker, Firefox's background scripts). */
function backgroundFile() {
  const { background } = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  return background.service_worker ?? background.scripts[0];
}

const budgets = [
  page('side panel', 'sidepanel.html', 30 * 1024),
  page('popup', 'popup.html', 25 * 1024),
  // The toolbar's popup.html only reads the role and opens that role's page (or asks the question).
  page('popup as coach', 'popup-coach.html', 25 * 1024),
  page('popup as coachee', 'popup-coachee.html', 25 * 1024),
  page('options', 'options.html', 40 * 1024),
  { name: 'content script: meet', files: ['content-scripts/meet.js'], lazy: [], budget: 6 * 1024 },
  { name: 'content script: zoom', files: ['content-scripts/zoom.js'], lazy: [], budget: 6 * 1024 },
  // The service worker's file is named for its content (wxt.config.ts): its name is in the manifest.
  { name: 'background', files: [backgroundFile()], lazy: [], budget: Number.POSITIVE_INFINITY },
];

let over = 0;
console.log(`JavaScript per page, gzip -9, from ${out}:`);
for (const b of budgets) {
  const size = b.files.reduce((sum, f) => sum + gz(f), 0);
  const ok = size <= b.budget;
  if (!ok) over++;
  const limit = Number.isFinite(b.budget) ? `budget ${kb(b.budget)}` : 'no budget';
  const later = b.lazy.reduce((sum, f) => sum + gz(f), 0);
  const onDemand = later ? `, +${kb(later)} loaded on demand` : '';
  console.log(
    `  ${b.name.padEnd(22)} ${kb(size).padStart(9)}  ${limit}${ok ? '' : '  OVER BUDGET'}  (${b.files.length} file${b.files.length > 1 ? 's' : ''}${onDemand})`,
  );
}
if (check && over > 0) {
  console.error(`${over} bundle(s) over budget`);
  process.exit(1);
}
