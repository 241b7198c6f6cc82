/**
 * Mutation runs only (jest.mutate.config.js).
 *
 * Bail: Stryker's jest runner cannot bail (jest offers no bail to runCLI), so every test covering a mutant
 * ran even after one had failed and killed it. Here the first failure for the active mutant marks it in the
 * environment variables (shared by the test files of one run, which run in band), and every later test of
 * that run is skipped: a killed mutant costs the tests up to its first failure.
 *
 * Dry run: records which file holds each test (test-files.js), so a mutant run loads only the files with
 * its covering tests (runner.js). With KAOHE_STATIC_LOG=<file>, also logs per test file the mutants it
 * reached outside any test (module level, describe bodies, beforeAll): Stryker calls those "static" and
 * runs every test for them, so a test file computing in a describe body makes the engine's mutants slow.
 */
const fs = require("fs");
const { TestEnvironment } = require("jest-environment-node");
const { record } = require("./test-files");

const ACTIVE = "__STRYKER_ACTIVE_MUTANT__";
const KILLED = "KAOHE_MUTANT_KILLED";

const fullName = (test) => {
  const parts = [test.name];
  for (let block = test.parent; block?.parent; block = block.parent) parts.unshift(block.name);
  return parts.join(" ");
};

class MutationEnvironment extends TestEnvironment {
  #testPath;
  #names = [];
  #staticBefore;

  constructor(config, context) {
    super(config, context);
    this.#testPath = context.testPath;
  }

  #coverage() {
    return this.global.__stryker__?.mutantCoverage?.static;
  }

  async handleTestEvent(event) {
    const mutant = process.env[ACTIVE];
    if (mutant === undefined) {
      if (event.name === "setup") this.#staticBefore = { ...this.#coverage() };
      if (event.name === "test_start") this.#names.push(fullName(event.test));
      return;
    }
    if (event.name === "test_fn_failure" || event.name === "hook_failure") process.env[KILLED] = mutant;
    else if (event.name === "test_start" && process.env[KILLED] === mutant) event.test.mode = "skip";
  }

  async teardown() {
    if (process.env[ACTIVE] === undefined && this.global.__stryker__) {
      record(this.#testPath, this.#names);
      const log = process.env.KAOHE_STATIC_LOG;
      if (log) {
        const now = this.#coverage() ?? {};
        const hit = Object.keys(now).filter((id) => now[id] !== this.#staticBefore?.[id]);
        fs.appendFileSync(log, JSON.stringify({ file: this.#testPath, hit }) + "\n");
      }
    }
    await super.teardown();
  }
}

module.exports = MutationEnvironment;
