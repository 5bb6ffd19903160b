/**
 * The house rules, checked on the source: utils/domain/ is pure (it imports only
 * itself and a few npm packages, and touches no browser, DOM or i18n), and only
 * entrypoints and utils/platform/ call the extension APIs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const DOMAIN = join(root, 'utils/domain');
/** npm packages pure code may use. */
const PURE_PACKAGES = new Set(['valibot', 'minisearch']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file imports (static, dynamic and type-only). */
function importsOf(code: string): string[] {
  const found = [
    ...code.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g),
  ];
  return found.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Code with comments and string contents blanked, so prose that names `document` does not count. */
function codeOnly(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, "''");
}

/** Why a domain file breaks the rule, or nothing. */
function purityProblems(file: string, code: string): string[] {
  const problems: string[] = [];
  for (const spec of importsOf(code)) {
    if (spec.startsWith('.')) {
      const target = resolve(join(file, '..'), spec);
      if (!target.startsWith(`${DOMAIN}/`)) problems.push(`imports ${spec} from outside utils/domain`);
    } else if (!PURE_PACKAGES.has(spec.split('/')[0] ?? '')) {
      problems.push(`imports the package ${spec}`);
    }
  }
  const body = codeOnly(code);
  for (const name of ['browser', 'chrome', 'document', 'window', 'navigator', 'localStorage', 'location', 'AudioContext']) {
    if (new RegExp(`(?<![\\w.$])${name}\\s*[.[(]`).test(body)) problems.push(`uses the global ${name}`);
  }
  return problems;
}

describe('utils/domain is pure', () => {
  const files = sourceFiles(DOMAIN);

  it('holds the domain modules, timer.ts among them', () => {
    expect(files.map((f) => relative(DOMAIN, f))).toContain('timer.ts');
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(root, f), f]))(
    '%s imports only utils/domain and pure packages, and no browser, DOM or i18n',
    (_, file) => {
      expect(purityProblems(file, readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('the rule catches what it is for', () => {
    const file = join(DOMAIN, 'example.ts');
    expect(purityProblems(file, "import { t } from '../platform/i18n';")).toEqual(['imports ../platform/i18n from outside utils/domain']);
    expect(purityProblems(file, "import { browser } from 'wxt/browser';")).toEqual(['imports the package wxt/browser']);
    expect(purityProblems(file, 'const x = document.title;')).toEqual(['uses the global document']);
    expect(purityProblems(file, 'await chrome.storage.local.get();')).toEqual(['uses the global chrome']);
    expect(purityProblems(file, "// document.title in a comment\nconst s = 'window.open';")).toEqual([]);
    expect(purityProblems(file, "import * as v from 'valibot';\nimport { sum } from './timer';")).toEqual([]);
  });
});

describe('only entrypoints and utils/platform call the extension APIs', () => {
  const files = [...sourceFiles(join(root, 'components')), ...sourceFiles(join(root, 'utils/domain'))];
  it.each(files.map((f) => [relative(root, f), f]))('%s imports no wxt/browser', (_, file) => {
    expect(importsOf(readFileSync(file, 'utf8'))).not.toContain('wxt/browser');
  });
});
