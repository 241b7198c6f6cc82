/**
 * Issue parameters are typed per code (src/core/issue.ts): a producer must set what its code's
 * sentences read, and a sentence cannot read what no producer sets. These checks are types: the
 * file does not compile (npx tsc) when one of them stops holding; the runtime part shows the same.
 */
import { issue, type IssueCode, type IssueParamsByCode, type IssueSentences } from "../../src/core/issue";
import { catalog, formatIssue } from "../../src/i18n";

type Accepts<C extends IssueCode, P> = P extends IssueParamsByCode[C] ? true : false;
type Reads<C extends IssueCode, K extends string> = Parameters<IssueSentences[C]>[0] extends { [k in K]: unknown } ? true : false;

describe("issue parameters typed per code", () => {
  it("a producer must give its code's parameters", () => {
    const checks: {
      missingIndicator: Accepts<"value.missing", Record<string, never>>;
      indicator: Accepts<"value.missing", { indicator: string }>;
      unitRow: Accepts<"value.missing", { what: "unit" }>;
      partialOutside: Accepts<"map.noColumn", { name: string; column: string; why: "outside" }>;
      outside: Accepts<"map.noColumn", { name: string; column: string; why: "outside"; first: string; last: string }>;
      notLeftWhenCleaned: Accepts<"host.partial", { cleaned: "yes"; left: string }>;
    } = { missingIndicator: false, indicator: true, unitRow: true, partialOutside: false, outside: true, notLeftWhenCleaned: false };
    expect(Object.values(checks).filter(Boolean)).toHaveLength(3);
  });

  it("a sentence sees only its code's parameters", () => {
    const reads: { rowOfNoHeader: Reads<"table.noHeader", "row">; rowsOfNoHeader: Reads<"table.noHeader", "rows">; leftOfUnverified: Reads<"clear.unverified", "left"> } = {
      rowOfNoHeader: false,
      rowsOfNoHeader: true,
      leftOfUnverified: true,
    };
    expect(reads).toEqual({ rowOfNoHeader: false, rowsOfNoHeader: true, leftOfUnverified: true });
  });

  it("formats a typed issue with the parameters its producer set", () => {
    const i = issue("map.noColumn", { name: "出生率", column: "Z", why: "outside", first: "A", last: "F" });
    expect(formatIssue(i, catalog("zh-CN"))).toBe("--map 出生率=Z：Z 列在表格（A–F 列）之外");
    expect(formatIssue(issue("value.missing", { what: "unit" }), catalog("en-US"))).not.toMatch(/undefined/);
  });
});
