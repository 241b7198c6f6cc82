import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/cli/workbook-file";
import { builtinRubric } from "../../src/app/rubrics";
import { compileRubric } from "../../src/core/rubric/compile";
import { scoreFile } from "../../src/app/score-file";
import { catalog, formatIssue } from "../../src/i18n";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { tempDir, xlsxOf } from "../helpers/files";
import type { XSheet } from "../helpers/xlsx";
import { withLibreOffice } from "../helpers/libreoffice";

const community = (() => {
  const c = builtinRubric("community-2009");
  if (!c.ok) throw new Error("rubric");
  return c.value;
})();

const sheet = (): XSheet => ({
  name: "考核表",
  rows: [
    ["2009年社区考核"],
    [...COMMUNITY_HEADERS],
    communityRow("阳光社区", { "计划生育率(%)": 85.5 }),
    communityRow("城东社区"),
    communityRow("城西社区", { "群众满意率(%)": "abc" }),
    ["合计"],
  ],
  merges: ["A1:F1"],
});

async function scoreAndSave(book: XlsxWorkbook, rubric = community, out?: string) {
  const r = await scoreFile(book, rubric, { locale: catalog("zh-CN"), write: true, at: "2026-01-01T00:00:00.000Z" });
  if (!r.ok || !r.value.tx) throw new Error(JSON.stringify(r));
  const file = out ?? path.join(tempDir(), "scored.xlsx");
  await book.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { r: r.value, file, wb };
}

/** A note as ExcelJS reads it back: plain text, or rich text runs. */
function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (typeof n === "string") return n;
  const texts = (n as { texts?: { text: string }[] } | undefined)?.texts ?? [];
  return texts.map((t) => t.text).join("");
}

function values(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => (out[c.address] = c.value)));
  return out;
}

describe("reading .xlsx", () => {
  it("reads merges, number formats, formula results, errors and rich text", async () => {
    const { book } = await xlsxOf([
      {
        name: "S",
        rows: [
          ["标题"],
          ["单位", "率"],
          ["甲", { value: 0.885, numFmt: "0.0%" }],
          ["乙", { value: { formula: "B3*100", result: 88.5 } }],
          ["丙", { value: { error: "#DIV/0!" } }],
        ],
        merges: ["A1:B1"],
      },
    ]);
    const g = await book.readSheet("S");
    expect(g?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(g?.rows[2]?.[1]).toEqual({ value: 0.885, numFmt: "0.0%" });
    expect(g?.rows[3]?.[1]?.value).toBe(88.5);
    expect(g?.rows[4]?.[1]?.value).toEqual({ error: "#DIV/0!" });
    expect(await book.readSheet("nope")).toBeUndefined();
  });

  it("tells a missing file, a non-xlsx file and a corrupt one apart", async () => {
    const dir = tempDir();
    expect(await XlsxWorkbook.open(path.join(dir, "none.xlsx"))).toMatchObject({ ok: false, error: { kind: "notFound" } });
    const csv = path.join(dir, "a.xlsx");
    require("fs").writeFileSync(csv, "单位,计划生育率\n甲,90\n");
    expect(await XlsxWorkbook.open(csv)).toMatchObject({ ok: false, error: { kind: "package", problem: { code: "notZip" } } });
    const broken = path.join(dir, "b.xlsx");
    require("fs").writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]));
    expect(await XlsxWorkbook.open(broken)).toMatchObject({ ok: false, error: { kind: "package", problem: { code: "truncated" } } });
  });
});

describe("a sheet looked up by name", () => {
  it("an unknown sheet is its own problem, naming the sheet and the workbook's sheets, never 'the sheet is empty'", async () => {
    const { book } = await xlsxOf([sheet(), { name: "二季度", rows: [["x"]] }]);
    const r = await scoreFile(book, community, { sheet: "三季度", locale: catalog("zh-CN"), write: false, at: "2026-01-01T00:00:00.000Z" });
    expect(r).toEqual({ ok: false, issues: [expect.objectContaining({ code: "sheet.unknown", sheet: "三季度", params: { sheet: "三季度", available: "考核表、二季度" } })] });
    if (r.ok) return;
    expect(formatIssue(r.issues[0]!, catalog("zh-CN"))).toBe("工作簿中没有工作表“三季度”；现有工作表：考核表、二季度");
    expect(formatIssue(r.issues[0]!, catalog("en-US"))).toBe('The workbook has no sheet "三季度"; its sheets: 考核表、二季度');
    const named = await scoreFile(book, community, { sheet: "考核表", locale: catalog("zh-CN"), write: false, at: "2026-01-01T00:00:00.000Z" });
    expect(named.ok).toBe(true);
  });
});

describe("writing a scored copy", () => {
  it("adds 总分/排名/考核结果 beside the table, notes, highlights and a results sheet, and keeps every input cell", async () => {
    const { book, file } = await xlsxOf([sheet(), { name: "其他", rows: [["别动我", 1, 2]] }]);
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(file);
    const { wb } = await scoreAndSave(book);
    const ws = wb.getWorksheet("考核表");
    if (!ws) throw new Error("sheet");
    const n = COMMUNITY_HEADERS.length; // outputs start right after the table
    expect([ws.getCell(2, n + 1).value, ws.getCell(2, n + 2).value, ws.getCell(2, n + 3).value]).toEqual(["总分", "排名", "考核结果"]);
    expect([ws.getCell(3, n + 1).value, ws.getCell(3, n + 2).value]).toEqual([97.5, 2]);
    expect([ws.getCell(4, n + 1).value, ws.getCell(4, n + 2).value]).toEqual([100, 1]);
    expect([ws.getCell(5, n + 1).value, ws.getCell(5, n + 3).value]).toEqual([null, "数据不全"]);
    expect(noteText(ws.getCell(3, n + 3))).toContain("计划生育率 85.5% 低于目标 88%");
    const cf = (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings as { ref: string; rules: { formulae: string[] }[] }[];
    expect(cf.map((c) => [c.ref, c.rules[0]?.formulae[0]])).toEqual([
      ["B3", 'ISTEXT("kaohe-shortfall")'],
      ["V5", 'ISTEXT("kaohe-problem")'],
    ]);
    // Every input cell and every other sheet keep their values.
    const beforeWs = before.getWorksheet("考核表");
    if (!beforeWs) throw new Error("sheet");
    const after = values(ws);
    for (const [addr, v] of Object.entries(values(beforeWs))) expect(after[addr]).toEqual(v);
    expect(values(wb.getWorksheet("其他") as ExcelJS.Worksheet)).toEqual(values(before.getWorksheet("其他") as ExcelJS.Worksheet));
    const results = wb.getWorksheet("考核明细");
    expect(results?.getCell("A1").value).toBe("Kaohe 考核明细");
    expect(JSON.stringify(values(results as ExcelJS.Worksheet))).toContain("每低1个百分点扣1分，扣2.5分");
  });

  it("re-scoring a scored copy replaces its outputs instead of stacking them", async () => {
    const { book } = await xlsxOf([sheet()]);
    const first = await scoreAndSave(book);
    const again = await XlsxWorkbook.open(first.file);
    if (!again.ok) throw new Error("open");
    const second = await scoreAndSave(again.value);
    expect(first.r.tx?.area.left).toEqual(expect.any(Number));
    expect(second.r.tx?.area.left).toBe(first.r.tx?.area.left);
    expect(second.wb.worksheets.map((w) => w.name)).toEqual(["考核表", "考核明细"]);
    const ws = second.wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    expect(values(ws)).toEqual(values(first.wb.getWorksheet("考核表") as ExcelJS.Worksheet));
    expect(((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings).length).toBe(2);
  });

  it("switching to a rubric with fewer output columns clears the old ones", async () => {
    const { book } = await xlsxOf([sheet()]);
    const first = await scoreAndSave(book);
    const attain = compileRubric({
      id: "attain", name: "达标", version: "1", mode: "attainment",
      indicators: [{ name: "计划生育率", type: "percent" }],
      items: [{ name: "计划生育率", rules: [{ type: "target", indicator: "计划生育率", target: 88 }] }],
    });
    if (!attain.ok) throw new Error("rubric");
    const again = await XlsxWorkbook.open(first.file);
    if (!again.ok) throw new Error("open");
    const { wb } = await scoreAndSave(again.value, attain.value);
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    const n = COMMUNITY_HEADERS.length;
    expect([ws.getCell(2, n + 1).value, ws.getCell(2, n + 2).value, ws.getCell(2, n + 3).value]).toEqual(["达标项数", "考核结果", null]);
    expect(ws.getCell(3, n + 3).value).toBeNull();
    expect(ws.getCell(3, n + 3).note).toBeUndefined();
  });

  it("never writes over the user's data right of the table, nor over the user's own sheet named 考核明细", async () => {
    const s = sheet();
    const n = COMMUNITY_HEADERS.length;
    s.rows[3] = [...(s.rows[3] ?? []), null, "备注：已核实"]; // user text two columns right of the table
    const { book } = await xlsxOf([s, { name: "考核明细", rows: [["我自己的明细"]] }]);
    const { wb, r } = await scoreAndSave(book);
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    expect(ws.getCell(4, n + 2).value).toBe("备注：已核实");
    expect(r.tx?.area.left).toBe(n + 2); // first three free columns after the note
    expect(wb.getWorksheet("考核明细")?.getCell("A1").value).toBe("我自己的明细");
    expect(wb.getWorksheet("考核明细 (2)")?.getCell("A1").value).toBe("Kaohe 考核明细");
  });
});

const lo = withLibreOffice;

describe("a real spreadsheet program", () => {
  lo("opens the scored copy and sees the totals and the results sheet", async () => {
    const { book } = await xlsxOf([sheet(), { name: "其他", rows: [["别动我"]] }]);
    const { file } = await scoreAndSave(book);
    const outDir = tempDir();
    // Filter options: comma, UTF-8 (76), all sheets (-1) — one CSV per sheet.
    execFileSync("libreoffice", ["--headless", "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', "--outdir", outDir, file], {
      stdio: "ignore",
      timeout: 120_000,
      env: { ...process.env, HOME: outDir },
    });
    const csvs = readdirSync(outDir).filter((f) => f.endsWith(".csv"));
    expect(csvs.length).toBe(3);
    const main = readFileSync(path.join(outDir, csvs.find((f) => f.includes("考核表")) ?? ""), "utf8");
    expect(main).toMatch(/阳光社区,.*,97\.5,2,/);
    expect(main).toMatch(/城东社区,.*,100,1,/);
    expect(existsSync(path.join(outDir, csvs.find((f) => f.includes("考核明细")) ?? "x"))).toBe(true);
  });
});
