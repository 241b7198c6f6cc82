/**
 * Jest for mutation testing (npm run mutate / mutate:adapters): the in-process tests that exercise src/ directly.
 * KAOHE_MUTATE=core runs the engine's own tests (test/core, test/golden) against core's mutants: a score, rank
 * or veto must be caught there, not only by a host test far away. KAOHE_MUTATE=adapters runs the host tests.
 */
const base = require("./jest.config.js");

const scopes = {
  core: ["<rootDir>/test/core/**/*.test.ts", "<rootDir>/test/golden/**/*.test.ts"],
  adapters: ["<rootDir>/test/adapters/**/*.test.ts", "<rootDir>/test/excel/**/*.test.ts", "<rootDir>/test/wps/wps-host.test.ts", "<rootDir>/test/wps/wps-adapter-mutants.test.ts"],
};
const scope = scopes[process.env.KAOHE_MUTATE ?? "core"];
if (!scope) throw new Error(`KAOHE_MUTATE must be one of ${Object.keys(scopes).join(", ")}`);

// test/mutation/fast-check.js stands in for "fast-check" and requires the real one from here.
process.env.KAOHE_FAST_CHECK = require.resolve("fast-check");

module.exports = {
  ...base,
  // Transpile only: a mutant that does not type-check still runs (the checker is too slow on two cores).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }] },
  // No CLI build in the mutation sandbox: CLI, browser and deployment tests never see a mutant.
  globalSetup: undefined,
  // A killed mutant stops at its first failing test; properties run a fifth of their cases (test/mutation/).
  // An absolute path: Stryker wraps the environment and does not expand <rootDir>.
  testEnvironment: require("path").join(__dirname, "test/mutation/environment.js"),
  moduleNameMapper: { ...base.moduleNameMapper, "^fast-check$": "<rootDir>/test/mutation/fast-check.js" },
  testSequencer: require("path").join(__dirname, "test/mutation/sequencer.js"),
  // A mutant run loads only the test files holding its covering tests (recorded in the dry run).
  runner: require("path").join(__dirname, "test/mutation/runner.js"),
  testMatch: scope,
};
