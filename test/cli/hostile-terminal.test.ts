/** Control characters stored the way Excel stores them (_x001B_) never reach the terminal raw (issue 11). */
import { rmSync, writeFileSync } from "fs";
import * as path from "path";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { tempDir } from "../helpers/files";
import { kaohe, writePatchedWorkbook } from "../helpers/hostile";

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
let dir: string;
let book: string;

beforeAll(async () => {
  dir = tempDir();
  book = path.join(dir, "hostile.xlsx");
  await writePatchedWorkbook(
    book,
    [{ name: "考核表", rows: [[...COMMUNITY_HEADERS], communityRow("UNITESC阳光社区"), communityRow("城东社区", { "计划生育率(%)": "VALUEESC" }), communityRow("城西社区", { "群众满意率(%)": "1".repeat(32000) + "x" })] }],
    // ESC [2J clears the screen, ESC ]0; sets the title, BEL ends it; a newline fakes a line of output.
    { UNITESC: "_x001B_[2J_x001B_]0;pwned_x0007_", VALUEESC: "88_x000A_kaohe: 已写入 /etc/passwd_x000D_\u202e" },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("terminal injection", () => {
  it("unit names and values with control characters are printed escaped, one line per message", () => {
    const r = kaohe(["score", book, "-r", "community-2009"]);
    expect(r.code).toBe(0);
    expect(RAW_CONTROL.test(r.out)).toBe(false);
    expect(RAW_CONTROL.test(r.err)).toBe(false);
    expect(r.out).toContain("\\x1b[2J\\x1b]0;pwned\\x07阳光社区");
    // The fake "written" line stays inside the message that quotes the value.
    expect(r.err.split("\n").filter((l) => l.startsWith("kaohe: 已写入"))).toEqual([]);
    expect(r.err).toMatch(/“计划生育率”的值“88\\nkaohe: 已写入 \/etc\/passwd\\r\\u202e”不是数字/);
  });

  it("a 32,000-character value is echoed cut with …", () => {
    const r = kaohe(["score", book, "-r", "community-2009"]);
    const line = r.err.split("\n").find((l) => l.includes("群众满意率"));
    expect(line).toMatch(/1{10,}…/);
    expect((line ?? "").length).toBeLessThan(400);
  });

  it("--format json escapes C1 and bidi controls too and stays the same JSON", () => {
    const r = kaohe(["score", book, "-r", "community-2009", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(RAW_CONTROL.test(r.out)).toBe(false);
    const j = JSON.parse(r.out);
    expect(j.units.map((u: { unit: string }) => u.unit)).toContain("\x1b[2J\x1b]0;pwned\x07阳光社区");
  });

  it("a rubric's veto reason with control characters is escaped in check-rubric and score output", () => {
    const rubric = path.join(dir, "veto.json");
    writeFileSync(rubric, JSON.stringify({
      id: "veto", name: "否决\u001b[31m", version: "1",
      indicators: [{ name: "恶性案件数", type: "count" }, { name: "计划生育率", type: "percent" }],
      items: [{ name: "计划生育率", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 90, points: 2 }] }],
      vetoes: [{ type: "fact", when: "计划生育率 < 100", reason: "案件\u001b]0;x\u0007\n假行" }],
    }));
    const r = kaohe(["score", book, "-r", rubric]);
    expect(r.code).toBe(0);
    expect(RAW_CONTROL.test(r.out + r.err)).toBe(false);
    expect(r.out).toContain("否决\\x1b[31m");
    expect(r.out).toContain("案件\\x1b]0;x\\x07\\n假行");
  });
});
