/** Jest for mutation testing (npm run mutate): the in-process tests that exercise src/ directly. */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  // CLI tests run the built lib/, browser and deployment tests a webpack build: neither sees a mutant.
  testPathIgnorePatterns: ["/node_modules/", "/test/cli/", "/test/e2e/", "/test/deploy/", "/test/tools/", "/test/architecture/"],
};
