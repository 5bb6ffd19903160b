#!/usr/bin/env node
/**
 * `npm test`: every check, in order, each timed, ending with one plain line
 * `N passed, N failed` (the tests of every vitest run, the unit suite's time-zone
 * passes included, plus one per check step). A failing step does not stop the
 * steps that do not depend on it. Tests that were retried (passed on the retry or failed
 * again) are named in the summary (scripts/vitest-retries.mjs records them), so a run shows
 * whether any retry was used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const results = [];
let passed = 0;
let failed = 0;
/** Tests that were retried: `{ step, file, name, retries, passed }` (passed: on the retry). */
const retried = [];

function run(name, cmd, args, { env } = {}) {
  const started = Date.now();
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  results.push({ name, ok, seconds });
  return ok;
}

/** Tests counted from a vitest JSON report; a step that ran no test counts as one failure. */
function countVitest(file, stepOk) {
  if (!existsSync(file)) {
    failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numTotalTests === 0 || (!stepOk && report.numFailedTests === 0)) failed += 1;
}

const step = (ok) => {
  if (ok) passed += 1;
  else failed += 1;
  return ok;
};

const npx = (...args) => ['npx', args];

/** Tests a vitest run retried, from the file scripts/vitest-retries.mjs wrote. */
function noteRetried(step, file) {
  if (!existsSync(file)) return;
  for (const test of JSON.parse(readFileSync(file, 'utf8'))) retried.push({ step, ...test });
}

/**
 * A vitest run as a step, its tests counted from its own JSON report (never one left by an
 * earlier run), and the tests it retried noted from a second report beside it.
 */
function vitestStep(name, report, args = [], env = {}) {
  const retries = report.replace(/\.json$/, '.retries.json');
  rmSync(report, { force: true });
  rmSync(retries, { force: true });
  const reporters = ['--reporter=default', '--reporter=json', '--reporter=./scripts/vitest-retries.mjs'];
  const ok = run(name, ...npx('vitest', 'run', ...args, ...reporters, `--outputFile=${report}`), {
    env: { ...env, RETRIES_REPORT: retries },
  });
  countVitest(report, ok);
  noteRetried(name, retries);
}

/**
 * Time zones the unit suite runs in again, besides the machine's: offsets of a quarter and
 * half an hour with their own daylight saving (Chatham +12:45/+13:45, St John's −3:30/−2:30)
 * and the date line (Kiritimati +14, a day ahead of UTC for ten hours of each day).
 */
const TIME_ZONES = ['Pacific/Chatham', 'America/St_Johns', 'Pacific/Kiritimati'];

step(run('typecheck', ...npx('tsc', '--noEmit')));
step(run('lint', ...npx('biome', 'check', '--error-on-warnings', '.')));

// The sync unit tests run a real WebDAV server (Debian's rclone).
step(run('WebDAV server for tests', 'node', ['scripts/ensure-browsers.mjs', 'rclone']));
vitestStep('unit tests', '.tmp/unit.json');
for (const zone of TIME_ZONES) vitestStep(`unit tests, TZ=${zone}`, `.tmp/unit-${zone.replace('/', '-')}.json`, [], { TZ: zone });

const built =
  step(run('build chrome', ...npx('wxt', 'build'))) &
  step(run('build firefox', ...npx('wxt', 'build', '-b', 'firefox'))) &
  step(run('build firefox (e2e test build)', ...npx('wxt', 'build', '-b', 'firefox', '--mode', 'e2e')));

if (built) {
  step(run('bundle size budgets', 'node', ['scripts/bench-sizes.mjs', '--check']));
  step(run('web-ext lint (firefox)', 'node', ['scripts/web-ext-lint.mjs']));
  step(run('release: changelog entry for this version', 'node', ['scripts/check-release.mjs']));
  step(run('AMO: the sources zip rebuilds the same Firefox files', 'node', ['scripts/check-sources.mjs']));
  if (step(run('browsers for e2e', 'node', ['scripts/ensure-browsers.mjs']))) {
    vitestStep('e2e tests (Chromium + Firefox ESR)', '.tmp/e2e.json', ['--config', 'vitest.e2e.config.ts']);
  }
} else {
  console.error('\nA build failed: the size check, web-ext lint and the e2e tests were skipped.');
  failed += 1;
}

console.log('\n━━ Summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(36)} ${r.seconds.padStart(6)} s`);
const listRetried = (tests, title) => {
  if (tests.length === 0) return;
  console.log(title);
  for (const t of tests) console.log(`  ${t.step}: ${t.file} > ${t.name} (${t.retries} ${t.retries === 1 ? 'retry' : 'retries'})`);
};
if (retried.length === 0) console.log('No test was retried.');
listRetried(
  retried.filter((t) => t.passed),
  `${retried.filter((t) => t.passed).length} passed only on a retry:`,
);
listRetried(
  retried.filter((t) => !t.passed),
  `${retried.filter((t) => !t.passed).length} failed, on the retry too:`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
