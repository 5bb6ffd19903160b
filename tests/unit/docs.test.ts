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

/** Number words the README's prose counts with. */
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Every stored item defined beside the adapter that owns it (outside storage.ts): its key without area, and its file. */
function itemsDefinedOutsideStorage(): Map<string, string> {
  const files = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : [],
    );
  const found = new Map<string, string>();
  for (const file of files('utils')) {
    if (file === 'utils/platform/storage.ts') continue;
    for (const m of readFileSync(join(root, file), 'utf8').matchAll(/\bdefine(?:<[\s\S]*?>)?\(\s*'(?:local|sync|session):([\w.-]+)'/g))
      found.set(m[1] ?? '', file);
  }
  return found;
}

/** What the README says of the items beside their adapters: the count in words, and each `key` in `file`. */
function itemsTheReadmeCounts(readme: string): { count: number; items: Map<string, string> } {
  const m = /the shared\s+items in that file, (\w+) beside the one adapter that owns each \(([^)]*)\)/.exec(readme);
  const items = new Map<string, string>();
  for (const group of (m?.[2] ?? '').split(';')) {
    const file = /in\s+`([^`]+)`\s*$/.exec(group.trim())?.[1] ?? '';
    for (const key of group.replace(/in\s+`[^`]+`\s*$/, '').matchAll(/`([^`]+)`/g)) items.set(key[1] ?? '', file);
  }
  return { count: NUMBER_WORDS.indexOf(m?.[1] ?? ''), items };
}

describe('README prose that counts things', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('counts and names the stored items defined beside their adapters as the code defines them', () => {
    const defined = itemsDefinedOutsideStorage();
    expect(defined.size).toBeGreaterThan(3);
    const said = itemsTheReadmeCounts(readme);
    expect(said.count).toBe(defined.size);
    expect(Object.fromEntries(said.items)).toEqual(Object.fromEntries(defined));
  });

  it('lists the parts of a session as session-parts.ts defines them', async () => {
    const { SESSION_PART_NAMES } = await import('../../utils/domain/session-parts');
    const listed = /A session's parts are listed once\*\* \(`utils\/domain\/session-parts\.ts`\): ([^,][\s\S]*?), each with/.exec(
      readme,
    )?.[1];
    const names = (listed ?? '').split(/,\s*|\s+and\s+/).map((n) => n.trim().replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));
    expect(names).toEqual([...SESSION_PART_NAMES]);
  });

  it('the checks catch a wrong count', () => {
    const wrong = readme.replace(/items in that file, \w+ beside/, 'items in that file, three beside');
    expect(itemsTheReadmeCounts(wrong).count).toBe(3);
    expect(itemsTheReadmeCounts(wrong).count).not.toBe(itemsDefinedOutsideStorage().size);
  });
});
