/** Jest for mutation testing (npm run mutate): the in-process tests that exercise src/ directly. */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  // Transpile only: the TypeScript checker already refused mutants that do not compile.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }] },
  // CLI tests run the built lib/, browser and deployment tests a webpack build: neither sees a mutant.
  // No CLI build in the mutation sandbox: the CLI tests are not run there.
  globalSetup: undefined,
  testPathIgnorePatterns: ["/node_modules/", "/test/cli/", "/test/e2e/", "/test/deploy/", "/test/tools/", "/test/architecture/",
    // The WPS pane and shell tests build with webpack and open Chromium: they test the shell, not a mutant.
    "/test/wps/wps-pane.test.ts", "/test/wps/wps-shell.test.ts"],
};
