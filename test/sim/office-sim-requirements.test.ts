/**
 * The simulator's requirement-set table must say what @types/office-js says: each gated member's
 * `[Api set: ExcelApi x]` remark in the Excel namespace of the typings (node_modules, read with fs —
 * this test runs in node only; the simulator itself has no Node dependency).
 */
import { readFileSync } from "fs";
import { API_VERSIONS } from "./office/requirements";

const dts = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
const excel = dts.slice(dts.indexOf("declare namespace Excel {"), dts.indexOf("declare namespace Word {"));

/** The ExcelApi version in the doc comment right before `member` inside `class Owner` (or interface RunOptions). */
function declaredVersion(owner: string, member: string): string | null {
  const start = excel.search(new RegExp(`\\n    (class|interface) ${owner}\\b[^{]*\\{`));
  if (start < 0) return null;
  const end = excel.indexOf("\n    }", start);
  const body = excel.slice(start, end);
  const decl = new RegExp(`\\n        (readonly )?${member}[?]?[(:<]`).exec(body);
  if (!decl) return null;
  const comment = body.slice(0, decl.index).split("/**").at(-1) ?? "";
  return /\[Api set: ExcelApi (\d+\.\d+)/.exec(comment)?.[1] ?? null;
}

describe("requirement-set table", () => {
  test.each(Object.entries(API_VERSIONS))("%s needs ExcelApi %s, as the typings say", (key, version) => {
    const [owner = "", member = ""] = key.split(".");
    expect(declaredVersion(owner, member)).toBe(version);
  });
});
