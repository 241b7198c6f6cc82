/**
 * Mutation runs only (jest.mutate.config.js). Stryker's jest runner cannot bail (jest offers no bail to
 * runCLI), so every test covering a mutant ran even after one had failed and killed it. Here the first
 * failure for the active mutant marks it in the environment variables (shared by the test files of one
 * run, which run in band), and every later test of that run is skipped: a killed mutant costs the tests up
 * to its first failure.
 */
const { TestEnvironment } = require("jest-environment-node");

const ACTIVE = "__STRYKER_ACTIVE_MUTANT__";
const KILLED = "KAOHE_MUTANT_KILLED";

class MutationEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env[ACTIVE];
    if (mutant === undefined) return;
    if (event.name === "test_fn_failure" || event.name === "hook_failure") process.env[KILLED] = mutant;
    else if (event.name === "test_start" && process.env[KILLED] === mutant) event.test.mode = "skip";
  }
}

module.exports = MutationEnvironment;
