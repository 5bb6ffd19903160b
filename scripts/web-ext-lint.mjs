#!/usr/bin/env node
/** `web-ext lint` on the Firefox production build: prints every finding, fails on any error. */
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const { errors = [], warnings = [], notices = [] } = report;
for (const [kind, list] of [
  ['error', errors],
  ['warning', warnings],
  ['notice', notices],
]) {
  for (const f of list) console.log(`${kind}: ${f.code} ${f.file ?? ''} ${f.message}`);
}
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
process.exit(errors.length === 0 ? 0 : 1);
