#!/usr/bin/env node
/**
 * Run before `wxt zip` (npm run zip): refuses to package a version that has no
 * entry in CHANGELOG.md, or a German or English extension description over the
 * Chrome Web Store's 132 characters.
 */
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const changelog = readFileSync('CHANGELOG.md', 'utf8');
// The same reading as utils/domain/changelog.ts (a script cannot import TypeScript): `## <version> — <date>` then `- ` points.
const start = changelog.search(new RegExp(`^##\\s+v?${version.replaceAll('.', '\\.')}(\\s|$)`, 'm'));
const body = start < 0 ? '' : changelog.slice(start).split(/\n(?=##\s)/)[0];
const problems = [];
if (!/^[-*]\s+\S/m.test(body))
  problems.push(`CHANGELOG.md has no entry for ${version}: write what changed for the people who use it, then zip.`);
for (const lang of ['en', 'de']) {
  const { extDescription } = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
  if ([...extDescription.message].length > 132)
    problems.push(`The ${lang} extDescription is over 132 characters (the Chrome Web Store refuses it).`);
}
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`release ${version}: changelog entry found`);
