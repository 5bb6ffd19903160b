/**
 * A vitest reporter that writes, as JSON, every test that passed only on a retry
 * (`[{ file, name, retries }]`) to the file named by the RETRIES_REPORT environment
 * variable. Vitest's own JSON report counts such a test as passed and does not say it
 * was retried; `scripts/test-all.mjs` reads this file to show that no retry was used.
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
        if (test.result().state === 'passed' && diagnostic && diagnostic.retryCount > 0) {
          retried.push({ file: module.relativeModuleId, name: test.fullName, retries: diagnostic.retryCount });
        }
      }
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(retried, null, 2)}\n`);
  }
}
