/**
 * Mutation runs only: `fast-check` as the tests know it, with a fifth of each property's runs (at least
 * 20) and no shrinking — a failing property has already killed its mutant, and shrinking is for a human.
 * The real package is required by the absolute path jest.mutate.config.js resolved (Node's resolution, through
 * Stryker's symlinked node_modules), which the moduleNameMapper entry for "fast-check" does not match.
 */
const real = require(process.env.KAOHE_FAST_CHECK);

const scaled = (params) => ({ ...params, numRuns: Math.max(20, Math.ceil((params?.numRuns ?? 100) / 5)), endOnFailure: true });
const assert = (property, params) => real.assert(property, scaled(params));
const check = (property, params) => real.check(property, scaled(params));

const fc = { ...real, assert, check };
module.exports = { ...fc, default: fc, __esModule: true };
