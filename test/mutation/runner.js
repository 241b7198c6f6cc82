/**
 * Mutation runs only: jest's in-band runner, loading only the test files that hold a mutant's covering
 * tests (test-files.js). Loading every file in scope to filter names cost more than running the tests.
 */
const TestRunner = require("jest-runner").default;
const { filesFor } = require("./test-files");

class MutationRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    const files = filesFor(this._globalConfig.testNamePattern);
    return super.runTests(files ? tests.filter((t) => files.has(t.path)) : tests, watcher, options);
  }
}

module.exports = MutationRunner;
