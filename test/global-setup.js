/* eslint-disable no-undef */
// The CLI tests run the real binary (bin/kaohe.js → lib/). Rebuild lib/ first whenever a source file
// is newer than the build, so no test ever runs a stale lib/ (npm test builds it anyway).
const { spawnSync } = require("child_process");
const { readdirSync, statSync, existsSync } = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

module.exports = async () => {
  const built = path.join(ROOT, "lib/cli/main.js");
  const stale = !existsSync(built) || newest(path.join(ROOT, "src")) > statSync(built).mtimeMs;
  if (!stale) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`building lib/ for the CLI tests failed:\n${r.stdout}${r.stderr}`);
};
