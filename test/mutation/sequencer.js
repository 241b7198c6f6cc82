/**
 * Mutation runs only: test files in a fixed order, property-based files last. A mutant stops at its first
 * failing test (environment.js), and most are caught by a short example-based test; jest's own order
 * (slowest first, for parallel runs) would run the long property files before reaching it.
 */
const Sequencer = require("@jest/test-sequencer").default;

const late = (path) => /propert/i.test(path);

class MutationSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => Number(late(a.path)) - Number(late(b.path)) || a.path.localeCompare(b.path));
  }
}

module.exports = MutationSequencer;
