/**
 * Mutation runs only: which test file holds each test, recorded in Stryker's dry run and read by runner.js.
 * A mutant run names its covering tests in a test-name pattern, but jest still loads every test file in
 * scope to match names against it; with the map, files holding none of the covering tests are not loaded.
 * The map lives in the sandbox's test-artifacts (every Stryker run makes its own sandbox and dry run).
 */
const fs = require("fs");
const path = require("path");

const FILE = path.join(__dirname, "../../test-artifacts/mutation-test-files.json");

/** Dry run: adds `names` (full test names) as held by `testPath`. One writer: the dry run runs in band. */
function record(testPath, names) {
  if (names.length === 0) return;
  const map = read() ?? {};
  for (const name of names) (map[name] ??= []).includes(testPath) || map[name].push(testPath);
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.writeFileSync(FILE, JSON.stringify(map));
}

let cached;
function read() {
  try {
    return JSON.parse(fs.readFileSync(FILE, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The alternatives of Stryker's pattern `(escaped name)|(escaped name)…`, unescaped. Stryker escapes every
 * regex character in a name, so an unescaped `|` outside parentheses separates two names.
 */
function names(pattern) {
  const out = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") current += pattern[++i] ?? "";
    else if (c === "(") depth++ === 0 || (current += c);
    else if (c === ")") --depth === 0 || (current += c);
    else if (c === "|" && depth === 0) out.push(current), (current = "");
    else current += c;
  }
  out.push(current);
  return out;
}

/**
 * The test files to load for a run with this test-name pattern, or undefined for all of them: no pattern
 * (dry run, static mutant), no map, or a covering test the map does not know (then nothing is left out).
 */
function filesFor(pattern) {
  if (!pattern) return undefined;
  cached ??= read();
  if (!cached) return undefined;
  if (!names(pattern).every((name) => name in cached)) return undefined;
  // jest matches the pattern case-insensitively anywhere in a name: keep every file such a name is in.
  const re = new RegExp(pattern, "i");
  const files = new Set();
  for (const [name, paths] of Object.entries(cached)) if (re.test(name)) paths.forEach((p) => files.add(p));
  return files;
}

module.exports = { record, filesFor, names };
