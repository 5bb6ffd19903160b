#!/usr/bin/env node
/**
 * Make sure the real programs the tests drive are installed: Debian's
 * `chromium` and `firefox-esr` (e2e) and `rclone` (the sync tests' WebDAV server). Test tools' own downloads cannot work
 * on a machine whose only registries are npm and Debian, so as root on Debian
 * this installs the packages with apt-get; anywhere else it says exactly
 * what to install and exits non-zero.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { pkg: 'chromium', bin: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', why: 'the Chrome e2e tests (Playwright drives it)' },
  {
    pkg: 'firefox-esr',
    bin: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    why: 'the Firefox e2e tests (Puppeteer drives it over WebDriver BiDi)',
  },
];

needed.push({
  pkg: 'rclone',
  bin: process.env.RCLONE_PATH ?? '/usr/bin/rclone',
  why: 'the real WebDAV server the sync tests run on 127.0.0.1',
});
// `node scripts/ensure-browsers.mjs rclone` checks only the named packages.
const only = process.argv.slice(2);
const missing = needed.filter((n) => (only.length === 0 || only.includes(n.pkg)) && !existsSync(n.bin));
if (missing.length === 0) {
  console.log(
    `test programs: ${needed
      .filter((n) => only.length === 0 || only.includes(n.pkg))
      .map((n) => n.bin)
      .join(', ')} present`,
  );
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
const isDebian = existsSync('/etc/debian_version');
if (!isRoot || !hasApt || !isDebian) {
  console.error('The end-to-end tests need real browsers that are not installed:');
  for (const n of missing) console.error(`  - ${n.bin} (Debian package "${n.pkg}") for ${n.why}`);
  console.error(
    isDebian && hasApt
      ? `Install them with: sudo apt-get install -y ${missing.map((n) => n.pkg).join(' ')}`
      : 'Install Chromium and Firefox ESR, then point CHROMIUM_PATH and FIREFOX_PATH at their binaries.',
  );
  process.exit(1);
}

const pkgs = missing.map((n) => n.pkg);
console.log(`browsers: installing Debian packages ${pkgs.join(', ')} (needed for the e2e tests)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
const result = spawnSync('apt-get', ['install', '-y', '-q', ...pkgs], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env,
});
if (result.status !== 0 || missing.some((n) => !existsSync(n.bin))) {
  console.error(`apt-get could not install ${pkgs.join(', ')}; install them by hand and rerun.`);
  process.exit(1);
}
console.log('browsers: installed');
