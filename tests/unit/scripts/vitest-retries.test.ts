import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a plain .mjs script of the test runner, without type declarations.
import RetriesReporter from '../../../scripts/vitest-retries.mjs';

/** A finished test as vitest's reporter API shows it: its state and how often it was retried. */
const test = (name: string, state: 'passed' | 'failed' | 'skipped', retryCount: number) => ({
  fullName: name,
  result: () => ({ state }),
  diagnostic: () => (state === 'skipped' ? undefined : { retryCount }),
});
const module = (file: string, tests: ReturnType<typeof test>[]) => ({ relativeModuleId: file, children: { allTests: () => tests } });

describe('the retries reporter of npm test', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('lists every retried test, with its file, its retries and whether the retry passed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'retries-')), 'e2e.retries.json');
    vi.stubEnv('RETRIES_REPORT', file);
    new RetriesReporter().onTestRunEnd([
      module('tests/e2e/a.spec.ts', [test('a > first try', 'passed', 0), test('a > second try', 'passed', 1)]),
      module('tests/e2e/b.spec.ts', [test('b > failed twice', 'failed', 1), test('b > skipped', 'skipped', 0)]),
    ]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([
      { file: 'tests/e2e/a.spec.ts', name: 'a > second try', retries: 1, passed: true },
      { file: 'tests/e2e/b.spec.ts', name: 'b > failed twice', retries: 1, passed: false },
    ]);
  });

  it('writes an empty list when no test needed a retry', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'retries-')), 'unit.retries.json');
    vi.stubEnv('RETRIES_REPORT', file);
    new RetriesReporter().onTestRunEnd([module('tests/unit/x.test.ts', [test('x', 'passed', 0)])]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
