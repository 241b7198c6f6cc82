/** The real `kaohe` binary (bin/kaohe.js → lib/, built by `npm test` first), every exit path. */
import { createHash } from "crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from "fs";
import * as path from "path";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { kaohe as run } from "../helpers/cli";
import { tempDir } from "../helpers/files";
import { writeWorkbook } from "../helpers/xlsx";

const kaohe = (args: string[], cwd?: string) => run(args, cwd === undefined ? {} : { cwd });

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

let dir: string;
let book: string;

beforeAll(async () => {
  dir = tempDir();
  book = path.join(dir, "社区考核.xlsx");
  await writeWorkbook(book, [
    { name: "考核表", rows: [["标题"], [...COMMUNITY_HEADERS], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区", { 恶性案件数: 2 }), communityRow("城西社区", { "群众满意率(%)": "#N/A" })] },
    { name: "第二张", rows: [["随便"]] },
  ]);
});

describe("kaohe score", () => {
  it("prints the ranking table and reports problems on stderr (exit 0)", () => {
    const r = kaohe(["score", book, "--rubric", "community-2009"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\s+阳光社区\s+已评分\s+97\.5/);
    expect(r.out).toMatch(/2\s+城东社区\s+一票否决\s+100/);
    expect(r.out).toMatch(/城西社区\s+数据不全/);
    expect(r.err).toContain("单元格 V5（城西社区）：“群众满意率”是错误值 #N/A");
  });

  it("prints exactly the documented JSON on stdout with --format json", () => {
    const r = kaohe(["score", book, "-r", "community-2009", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.rubric).toMatchObject({ id: "community-2009", name: "2009社区人口和计划生育目标管理责任制考核办法", version: "2009" });
    expect(j.sheet).toBe("考核表");
    const u = j.units[0];
    expect(Object.keys(u)).toEqual(expect.arrayContaining(["row", "unit", "status", "total", "rank", "outcomes", "vetoReasons", "items"]));
    expect(u).toMatchObject({ row: 3, unit: "阳光社区", status: "scored", total: 97.5, rank: 1, outcomes: [], vetoReasons: [] });
    expect(u.items[0]).toMatchObject({ name: "计划生育率", score: 7.5, max: 10, met: false, deductions: [{ points: 2.5, cell: "B3", reason: "计划生育率 85.5% 低于目标 88%，每低1个百分点扣1分，扣2.5分" }] });
    expect(j.units[1]).toMatchObject({ status: "vetoed", vetoReasons: ["一票否决：发生因计划生育行政侵权而导致的恶性案件"] });
    expect(j.units[2]).toMatchObject({ status: "incomplete", total: null, rank: null });
    expect(j.problems).toContainEqual(expect.objectContaining({ severity: "error", cell: "V5", unit: "城西社区" }));
  });

  it("speaks English with --lang en-US", () => {
    const r = kaohe(["score", book, "-r", "community-2009", "--lang", "en-US", "--format", "json"]);
    expect(JSON.parse(r.out).units[0].items[0].deductions[0].reason).toBe("计划生育率 85.5% is below the target 88%; 1 per 1 percentage point below: −2.5");
  });

  it("writes a scored copy with --out, atomically, leaving the input untouched", () => {
    const before = sha(book);
    const out = path.join(dir, "scored.xlsx");
    const r = kaohe(["score", book, "-r", "community-2009", "--out", out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(sha(book)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes("kaohe-tmp"))).toEqual([]);
    // An existing output is not replaced without --force.
    const again = kaohe(["score", book, "-r", "community-2009", "--out", out]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/已存在.*--force \| .*already exists/);
    expect(kaohe(["score", book, "-r", "community-2009", "--out", out, "--force"]).code).toBe(0);
  });

  it("refuses to overwrite the input unless --in-place is given", () => {
    const copy = path.join(dir, "copy.xlsx");
    copyFileSync(book, copy);
    const before = sha(copy);
    const r = kaohe(["score", copy, "-r", "community-2009", "--out", copy, "--force"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--in-place");
    expect(sha(copy)).toBe(before);
    expect(kaohe(["score", copy, "-r", "community-2009", "--in-place"]).code).toBe(0);
    expect(sha(copy)).not.toBe(before);
  });

  it("leaves nothing behind when the output cannot be written", () => {
    const out = path.join(dir, "no-such-dir", "x.xlsx");
    const r = kaohe(["score", book, "-r", "community-2009", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不存在；未评分.*\| .*does not exist/);
    expect(existsSync(path.dirname(out))).toBe(false);
  });

  it.each([
    [["score", "missing.xlsx", "-r", "community-2009"], /找不到工作簿文件 missing\.xlsx \| workbook file not found: missing\.xlsx/],
    [["score", "BOOK", "-r", "no-such-rubric"], /找不到考核细则 no-such-rubric.*\| rubric not found/],
    [["score", "BOOK", "-r", "community-2009", "--sheet", "不存在"], /没有工作表“不存在”；现有工作表：考核表, 第二张 \| .*has no sheet "不存在"/],
    [["score", "BOOK", "-r", "community-2009", "--sheet", "第二张"], /工作表“第二张”/],
    [["score", "BOOK", "-r", "village-2006"], /缺少必需的列“第一条” \| .*Required column "第一条" is missing/],
    [["score", "BOOK"], /用法错误：--rubric/],
    [["score", "BOOK", "-r", "community-2009", "--format", "xml"], /--format xml/],
    [["score", "BOOK", "-r", "community-2009", "--bogus"], /用法错误/],
    [["frobnicate"], /用法错误：frobnicate/],
  ])("exits 2 with a one-line bilingual reason: %j", (args, message) => {
    const r = kaohe(args.map((a) => (a === "BOOK" ? book : a)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")[0]).toMatch(/^kaohe: .+ \| .+$/);
    expect(r.out).toBe("");
  });

  it("exits 2 for a corrupt workbook and for a file that is not .xlsx", () => {
    const corrupt = path.join(dir, "corrupt.xlsx");
    writeFileSync(corrupt, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 1)]));
    expect(kaohe(["score", corrupt, "-r", "community-2009"])).toMatchObject({ code: 2, err: expect.stringMatching(/不完整.*\| .*truncated/) });
    const csv = path.join(dir, "data.xlsx");
    writeFileSync(csv, "单位,计划生育率\n");
    expect(kaohe(["score", csv, "-r", "community-2009"])).toMatchObject({ code: 2, err: expect.stringMatching(/不是 \.xlsx 工作簿/) });
  });

  it("scores with a rubric file in YAML, and maps a column by hand", async () => {
    const yaml = path.join(dir, "mine.yaml");
    writeFileSync(yaml, ["id: mine", "name: 我的细则", "version: '1'", "indicators:", "  - { name: 计划生育率, type: percent }", "items:", "  - name: 计划生育率", "    max: 10", "    rules:", "      - { type: target, indicator: 计划生育率, target: 90, points: 2 }"].join("\n"));
    const other = path.join(dir, "other.xlsx");
    await writeWorkbook(other, [{ name: "S", rows: [["单位", "计生率"], ["甲", 89]] }]);
    const r = kaohe(["score", other, "-r", yaml, "--map", "计划生育率=B", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).units[0].total).toBe(8);
  });
});

describe("kaohe rubrics and check-rubric", () => {
  it("lists the four built-ins", () => {
    const r = kaohe(["rubrics", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((x: { id: string }) => x.id)).toEqual(["community-2009", "village-2006", "district-targets-2009", "street-2013"]);
  });

  it("accepts a valid rubric with its warnings and rejects an invalid one with paths", () => {
    const good = kaohe(["check-rubric", "village-2006"]);
    expect(good.code).toBe(0);
    expect(good.err).toContain("“第四条”的细项分值合计 7 分，超过该项分值 5 分");
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ id: "Bad Id", name: "x", version: "1", indicators: [{ name: "a", type: "rate" }], items: [] }));
    const r = kaohe(["check-rubric", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("位置 id");
    expect(r.err).toContain("位置 indicators.0.type");
    const notJson = path.join(dir, "broken.json");
    writeFileSync(notJson, "{ nope");
    expect(kaohe(["check-rubric", notJson])).toMatchObject({ code: 2, err: expect.stringContaining("考核细则文件无法读取") });
  });

  it("prints help (exit 0) and a version", () => {
    expect(kaohe(["--help"])).toMatchObject({ code: 0, out: expect.stringContaining("kaohe score <workbook.xlsx>") });
    expect(kaohe(["--version"]).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(kaohe([]).code).toBe(2);
  });
});
