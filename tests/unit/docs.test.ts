/**
 * Docs that cannot go stale: every path of this repository that a Markdown
 * document at the root (README, DETECTION, CHANGELOG, PRIVACY…) names, in
 * backticks, as a link or in the README's tree of "How it is built", exists.
 * (In the spirit of refined-github's features test, which fails when a
 * feature named in its readme has no file.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
/** The top-level entries of the repository: a path is ours when it starts with one of them. */
const topLevel = new Set(readdirSync(root).filter((n) => !['node_modules', '.git', '.output', '.wxt', '.tmp'].includes(n)));
const docs = readdirSync(root).filter((n) => n.endsWith('.md'));

/** The part of a path that must exist: up to the first glob or placeholder segment. */
function concrete(path: string): string {
  const segments = path.split('/');
  const cut = segments.findIndex((s) => /[*<>{}]/.test(s));
  return (cut < 0 ? segments : segments.slice(0, cut)).join('/');
}

/** Paths named in one Markdown text. */
function pathsNamed(markdown: string): string[] {
  const found = new Set<string>();
  const consider = (raw: string) => {
    const path = raw.replace(/[),.:;]+$/, '').replace(/^\.\//, '');
    const first = path.split('/')[0] ?? '';
    if (!path.includes('/') && !/\.(md|ts|tsx|mjs|json)$/.test(path)) return;
    if (!topLevel.has(first) && !(path.includes('/') === false && topLevel.has(path))) return;
    found.add(concrete(path));
  };
  for (const m of markdown.matchAll(/`([^`\s]+)`/g)) consider(m[1] ?? '');
  for (const m of markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
    if (!/^[a-z]+:/i.test(m[1] ?? '')) consider(m[1] ?? '');
  }
  // The tree under "How it is built": a name at the start of a line, nested under the last top-level folder.
  const tree = /## How it is built\s+```\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  let parent = '';
  for (const line of tree.split('\n')) {
    const m = /^(\s*)(\S+\/)(\s|$)/.exec(line);
    if (!m) continue;
    const name = m[2] ?? '';
    if ((m[1] ?? '').length === 0) {
      parent = name;
      consider(name);
    } else if (!name.includes('/', 0) || name.indexOf('/') === name.length - 1) {
      consider(parent + name);
    }
    for (const more of line.slice((m[0] ?? '').length).matchAll(/(?:^|\s)((?:[\w.-]+\/)+[\w.-]*)(?=\s|$)/g)) consider(more[1] ?? '');
  }
  return [...found];
}

describe('paths the docs name', () => {
  it('finds the docs and the paths in them (the check can see a path)', () => {
    expect(docs).toContain('README.md');
    const named = pathsNamed(readFileSync(join(root, 'README.md'), 'utf8'));
    expect(named).toContain('utils/domain/session-parts.ts');
    expect(named).toContain('components/panel/');
    expect(pathsNamed('see `utils/nowhere.ts` and [x](docs/none.png)')).toEqual(['utils/nowhere.ts', 'docs/none.png']);
  });

  for (const doc of docs) {
    it(`every path ${doc} names exists`, () => {
      const missing = pathsNamed(readFileSync(join(root, doc), 'utf8')).filter((p) => !existsSync(join(root, p)));
      expect(missing).toEqual([]);
    });
  }
});
