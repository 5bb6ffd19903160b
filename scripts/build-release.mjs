#!/usr/bin/env node
/**
 * Build an earlier release's Chrome extension from git history, for the real
 * update test (tests/e2e/update.chromium.spec.ts):
 *
 *   node scripts/build-release.mjs <commit | version> [...]   prints each build's folder, one a line
 *   node scripts/build-release.mjs --all                      every release in tests/e2e/releases.json
 *
 * Each build lands in .tmp/releases/<commit>/chrome-mv3 and is kept: a second run
 * is instant. A build takes the commit's files (`git archive`, so nothing of the
 * working tree leaks in and there is no worktree to clean up), installs its own
 * locked dependencies (`npm ci`; the npm registry is the only network CI has)
 * and runs its own `wxt build`. Installed dependencies are kept per lock file
 * (.tmp/releases/deps/<hash>), so releases that share a lock file install once,
 * and a release whose lock file is this checkout's uses this checkout's
 * node_modules. Needs the full git history (CI clones it whole).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.tmp', 'releases');
const releasesFile = join(root, 'tests', 'e2e', 'releases.json');

/** The releases the update test starts from (version, commit, date, what its UI can do). */
function releases() {
  return JSON.parse(readFileSync(releasesFile, 'utf8')).releases;
}

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** A version of releases.json or a commit-ish, as a full commit id. */
function commitOf(ref) {
  const release = releases().find((r) => r.version === ref);
  const rev = release ? release.commit : ref;
  try {
    return git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`).trim();
  } catch {
    throw new Error(
      `${rev} is not a commit of this clone. The update test builds earlier releases from git history: clone the whole history (not --depth).`,
    );
  }
}

/** Run a tool quietly; its output is shown only when it fails (stdout carries only the builds' folders). */
function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: process.env.CI ?? '1' } });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${r.status ?? r.signal})`);
  }
}

const hashOf = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Give `src` the node_modules its lock file asks for: this checkout's when the
 * lock files are the same, else one kept per lock file, installed once.
 */
function provideDependencies(src) {
  const lock = readFileSync(join(src, 'package-lock.json'), 'utf8');
  const ownLock = join(root, 'package-lock.json');
  if (existsSync(join(root, 'node_modules')) && existsSync(ownLock) && readFileSync(ownLock, 'utf8') === lock) {
    symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'), 'dir');
    return 'this checkout’s node_modules';
  }
  const kept = join(cache, 'deps', hashOf(lock), 'node_modules');
  if (!existsSync(kept)) {
    run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], src);
    mkdirSync(dirname(kept), { recursive: true });
    renameSync(join(src, 'node_modules'), kept);
  }
  symlinkSync(kept, join(src, 'node_modules'), 'dir');
  return `node_modules kept for lock ${hashOf(lock)}`;
}

/** Build one commit (cached); returns the folder of its Chrome build. */
export function buildRelease(ref) {
  const commit = commitOf(ref);
  const out = join(cache, commit, 'chrome-mv3');
  if (existsSync(join(out, 'manifest.json'))) return out;
  const started = Date.now();
  const src = mkdtempSync(join(tmpdir(), `sidecoach-release-${commit.slice(0, 7)}-`));
  try {
    // The commit's tree, nothing else.
    execFileSync('bash', ['-c', `git archive --format=tar ${commit} | tar -x -C "${src}"`], { cwd: root, stdio: ['ignore', 2, 2] });
    const deps = provideDependencies(src);
    run('npx', ['wxt', 'build'], src);
    const staged = join(cache, commit, 'chrome-mv3.partial');
    rmSync(staged, { recursive: true, force: true });
    mkdirSync(dirname(staged), { recursive: true });
    cpSync(join(src, '.output', 'chrome-mv3'), staged, { recursive: true });
    renameSync(staged, out);
    writeFileSync(
      join(cache, commit, 'built.json'),
      `${JSON.stringify({ commit, seconds: (Date.now() - started) / 1000, deps }, null, 2)}\n`,
    );
    console.error(`build-release: ${commit.slice(0, 7)} built in ${((Date.now() - started) / 1000).toFixed(1)} s (${deps})`);
    return out;
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const refs = args.includes('--all') ? releases().map((r) => r.commit) : args;
  if (refs.length === 0) {
    console.error('Usage: node scripts/build-release.mjs <commit | version> [...] | --all');
    process.exit(2);
  }
  try {
    for (const ref of refs) console.log(buildRelease(ref));
  } catch (error) {
    console.error(`build-release: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
