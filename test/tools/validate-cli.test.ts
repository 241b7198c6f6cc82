import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

describe("npm run validate", () => {
  // .ci/run installs xmllint and CI has ../shared beside the checkout: the schema check must really run.
  it("validates manifest.xml against the schema and the project's rules, and says the online check did not run", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "tools/validate-manifest.ts", "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout).toContain("manifest.xml: valid");
    expect(r.stdout).not.toContain("schema: skipped");
    expect(r.stdout).toContain("Microsoft's online validator: not run");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);

  it("fails, naming the element, for a manifest that breaks the project's rules", () => {
    const bad = path.join(ROOT, "test/stubs/bad-manifest.xml");
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "tools/validate-manifest.ts", bad], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/bad-manifest\.xml: .*http:/);
  }, 60_000);
});
