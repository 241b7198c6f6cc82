/** The real `kaohe` binary with 评分细则 sheets: export, check, score from a sheet of the same workbook. */
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { rubricSchema } from "../../src/core/rubric/schema";
import { rubricToSheet } from "../../src/core/rubric/sheet";
import { RULE_COLUMNS } from "../../src/core/rubric/sheet/layout";
import { a1 } from "../../src/core/grid";
import { rubricSheetFile, workbookBytes, type SheetFile } from "../../src/adapters/xlsx/rubric-sheet-file";
import community from "../../src/rubrics/community-2009.json";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { kaohe } from "../helpers/cli";
import { tempDir } from "../helpers/files";


const data: SheetFile = {
  name: "考核表",
  rows: [[...COMMUNITY_HEADERS], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区", { 恶性案件数: 2 }), communityRow("城西社区", { 帐册差错项数: 3 })],
};
const sheet = rubricToSheet(rubricSchema.parse(community));

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function book(name: string, sheets: SheetFile[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, workbookBytes(sheets));
  return file;
}

describe("kaohe score --rubric-sheet", () => {
  it("scores with the 评分细则 sheet of the same workbook exactly as with the built-in", () => {
    const file = book("with-sheet.xlsx", [rubricSheetFile(sheet), data]);
    const fromSheet = kaohe(["score", file, "--rubric-sheet", "评分细则", "--format", "json"]);
    expect(fromSheet.err).toContain("已评分 2 个单位");
    expect(fromSheet.code).toBe(0);
    const builtin = kaohe(["score", file, "--rubric", "community-2009", "--sheet", "考核表", "--format", "json"]);
    const a = JSON.parse(fromSheet.out);
    expect(a.sheet).toBe("考核表");
    expect(a.units).toEqual(JSON.parse(builtin.out).units);
    expect(a.units.map((u: { unit: string; total: number }) => [u.unit, u.total])).toEqual([["阳光社区", 97.5], ["城东社区", 100], ["城西社区", 99.4]]);
  });

  it("stops with the cell of a bad value, in Chinese and English (exit 2)", () => {
    const rows = sheet.rows.map((r) => [...r]);
    const col = Object.keys(RULE_COLUMNS).indexOf("target");
    const r = rows.findIndex((x) => x[1] === "计划生育率");
    rows[r]![col] = "九十";
    const file = book("bad-sheet.xlsx", [data, rubricSheetFile({ ...sheet, rows })]);
    const res = kaohe(["score", file, "--rubric-sheet", "评分细则"]);
    expect(res.code).toBe(2);
    expect(res.err).toContain(`工作表“评分细则”单元格 ${a1(r, col)}：目标值“九十”不是数字 | `);
    expect(res.err).toContain(`目标值 "九十" is not a number`);
    const missing = kaohe(["score", file, "--rubric-sheet", "细则"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("工作簿中没有评分细则工作表“细则”");
  });
});

describe("kaohe rubric export and check-rubric --sheet", () => {
  it("exports a built-in as a 评分细则 workbook that check-rubric accepts and score reads", () => {
    const out = path.join(dir, "community-sheet.xlsx");
    const r = kaohe(["rubric", "export", "community-2009", "--format", "sheet", "--out", out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const check = kaohe(["check-rubric", out, "--sheet", "评分细则"]);
    expect(check.code).toBe(0);
    expect(check.out).toContain("考核细则 community-2009 有效（12 个考核项目");
    // An existing file is replaced only with --force.
    expect(kaohe(["rubric", "export", "community-2009", "--format", "sheet", "--out", out]).code).toBe(2);
    expect(kaohe(["rubric", "export", "community-2009", "--format", "sheet", "--out", out, "--force"]).code).toBe(0);
  });

  it("exports YAML pointing at the published schema, and JSON, both reading back as the same rubric", () => {
    const yml = path.join(dir, "c.yaml");
    expect(kaohe(["rubric", "export", "community-2009", "--format", "yaml", "--out", yml]).code).toBe(0);
    const text = readFileSync(yml, "utf8");
    const ref = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];
    expect(ref && existsSync(path.resolve(dir, ref))).toBe(true);
    expect(rubricSchema.parse(parseYaml(text))).toStrictEqual(rubricSchema.parse(community));
    expect(kaohe(["check-rubric", yml]).code).toBe(0);
    const json = kaohe(["rubric", "export", "community-2009", "--format", "json"]);
    const { $schema, ...doc } = JSON.parse(json.out);
    expect($schema).toMatch(/schema\/rubric\.schema\.json$/);
    expect(rubricSchema.parse(doc)).toStrictEqual(rubricSchema.parse(community));
    // And a 评分细则 sheet back to YAML.
    const fromSheet = kaohe(["rubric", "export", book("only-sheet.xlsx", [rubricSheetFile(sheet)]), "--sheet", "评分细则", "--format", "yaml"]);
    expect(rubricSchema.parse(parseYaml(fromSheet.out))).toStrictEqual(rubricSchema.parse(community));
  });

  it("refuses --format sheet without --out, and an unknown format", () => {
    expect(kaohe(["rubric", "export", "community-2009", "--format", "sheet"]).code).toBe(2);
    expect(kaohe(["rubric", "export", "community-2009", "--format", "csv"]).err).toContain("--format csv");
    expect(kaohe(["rubric", "import", "x"]).code).toBe(2);
  });
});
