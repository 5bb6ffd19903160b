#!/usr/bin/env node
/**
 * The check AMO's reviewers make: the sources zip, unpacked alone in an empty
 * folder, rebuilds the same Firefox files as the package. Zips both
 * (`wxt zip -b firefox`), unpacks the sources in a temporary folder, builds
 * there with SOURCE-BUILD.md's command, and compares every file byte for byte.
 * To stay fast it links this checkout's node_modules instead of running
 * `npm ci` (package-lock.json pins the same versions a reviewer installs).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const sh = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const hashes = (dir) => new Map(files(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));

const root = resolve('.');
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
sh('npx', ['wxt', 'zip', '-b', 'firefox'], root);
const work = mkdtempSync(join(tmpdir(), 'sc-amo-'));
try {
  const sources = join(work, 'sources');
  const packaged = join(work, 'packaged');
  sh('unzip', ['-q', join(root, `.output/${name}-${version}-sources.zip`), '-d', sources], root);
  sh('unzip', ['-q', join(root, `.output/${name}-${version}-firefox.zip`), '-d', packaged], root);
  symlinkSync(join(root, 'node_modules'), join(sources, 'node_modules'), 'dir');
  sh('npm', ['run', 'build-for-amo', '--silent'], sources);
  const want = hashes(packaged);
  const got = hashes(join(sources, '.output/firefox-mv2'));
  const differ = [...new Set([...want.keys(), ...got.keys()])].filter((f) => want.get(f) !== got.get(f));
  if (differ.length) {
    console.error(`The sources zip does not rebuild the same Firefox package; these files differ:\n  ${differ.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`sources zip rebuilds the same ${want.size} Firefox files (${name} ${version})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
