/**
 * A vitest reporter that writes, as JSON, every test that was retried, whether it then
 * passed or failed again (`[{ file, name, retries, passed }]`), to the file named by the
 * RETRIES_REPORT environment variable. Vitest's own JSON report counts a test that passed
 * on a retry as passed and does not say it was retried; `scripts/test-all.mjs` reads this
 * file to show whether any retry was used.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export default class RetriesReporter {
  /** @param {ReadonlyArray<import('vitest/node').TestModule>} testModules */
  onTestRunEnd(testModules) {
    const file = process.env.RETRIES_REPORT;
    if (!file) return;
    const retried = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const diagnostic = test.diagnostic();
        const state = test.result().state;
        if ((state === 'passed' || state === 'failed') && diagnostic && diagnostic.retryCount > 0) {
          retried.push({ file: module.relativeModuleId, name: test.fullName, retries: diagnostic.retryCount, passed: state === 'passed' });
        }
      }
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(retried, null, 2)}\n`);
  }
}
