/** The minimal .xlsx writer: a 评分细则 sheet written to a file reads back (through the workbook reader) as the same rubric. */
import { execFileSync } from "child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import fc from "fast-check";
import { unzipSync, strFromU8 } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { rubricSchema } from "../../src/core/rubric/schema";
import { rubricToSheet, sheetToRubric } from "../../src/core/rubric/sheet";
import { rubricSheetFile, workbookBytes } from "../../src/adapters/xlsx/rubric-sheet-file";
import { XlsxWorkbook } from "../../src/cli/workbook-file";
import { BUILTIN_RUBRICS } from "../../src/rubrics";
import { tempDir } from "../helpers/files";
import { withLibreOffice } from "../helpers/libreoffice";

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function reopen(bytes: Uint8Array, name: string) {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const book = await XlsxWorkbook.open(file);
  if (!book.ok) throw new Error(book.error.detail);
  return book.value;
}

describe("rubric-sheet-file", () => {
  it.each(BUILTIN_RUBRICS.map((d) => [(d as { id: string }).id, d]))("%s: written as .xlsx and read back by the workbook reader, the same rubric", async (id, raw) => {
    const doc = rubricSchema.parse(raw);
    const book = await reopen(workbookBytes([rubricSheetFile(rubricToSheet(doc))]), `${id}.xlsx`);
    expect((await book.sheets()).map((s) => s.name)).toEqual(["评分细则"]);
    const grid = await book.readSheet("评分细则");
    const back = sheetToRubric(grid!);
    if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
    expect(back.value.doc).toStrictEqual(doc);
  });

  it("offers the closed choices as list drop-downs on the rule rows", () => {
    const doc = rubricSchema.parse(BUILTIN_RUBRICS[0]);
    const sheet = rubricToSheet(doc);
    const ruleRows = (doc.sections ?? []).flatMap((s) => s.items).reduce((n, it) => n + it.rules.length, 0) + doc.vetoes.length;
    const zip = unzipSync(workbookBytes([rubricSheetFile(sheet)]));
    const xml = new XMLParser({ ignoreAttributes: false }).parse(strFromU8(zip["xl/worksheets/sheet1.xml"]!));
    const dvs = xml.worksheet.dataValidations.dataValidation as Array<Record<string, string>>;
    const kinds = dvs.find((d) => String(d.formula1).includes("对照目标值"));
    expect(kinds).toMatchObject({ "@_type": "list" });
    const rulesHeader = sheet.rows.findIndex((r) => r[4] === "计分方式");
    expect(kinds?.["@_sqref"]).toBe(`E${rulesHeader + 2}:E${rulesHeader + 1 + ruleRows}`);
    expect(String(dvs.find((d) => String(d.formula1).includes("百分率"))?.formula1)).toBe('"百分率,千分率,数值,次数,是否,得分"');
  });

  it("is byte-stable: the same sheet gives the same file", () => {
    const sheet = rubricSheetFile(rubricToSheet(rubricSchema.parse(BUILTIN_RUBRICS[1])));
    expect(Buffer.from(workbookBytes([sheet])).equals(Buffer.from(workbookBytes([sheet])))).toBe(true);
  });

  it("keeps any text as text: formulas, numbers as text, controls, _x escapes, emoji", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: "binary", minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }), async (texts) => {
        const clean = texts.map((t) => t.replace(/[\ud800-\udfff]/g, "x")).filter((t) => t.trim() !== "");
        fc.pre(clean.length > 0);
        const rows = [...clean.map((t) => [t, 1.5]), ["=1+1", "0012", "_x0041_", "a\r\nb"]];
        const book = await reopen(workbookBytes([{ name: "文字", rows }]), "text.xlsx");
        const grid = await book.readSheet("文字");
        expect(grid!.rows.map((r) => r?.map((c) => c?.value))).toEqual(rows);
      }),
      { numRuns: 25 },
    );
  });
});

const lo = withLibreOffice;

describe("a real spreadsheet program", () => {
  lo("opens a written 评分细则 workbook, keeps its drop-downs, and its re-saved copy reads as the same rubric", async () => {
    const doc = rubricSchema.parse(BUILTIN_RUBRICS[0]);
    const file = path.join(dir, "lo-in.xlsx");
    writeFileSync(file, workbookBytes([rubricSheetFile(rubricToSheet(doc))]));
    const outDir = path.join(dir, "lo-out");
    mkdirSync(outDir);
    execFileSync("libreoffice", ["--headless", "--convert-to", "xlsx", "--outdir", outDir, file], { stdio: "ignore", timeout: 120_000, env: { ...process.env, HOME: outDir } });
    const saved = readFileSync(path.join(outDir, "lo-in.xlsx"));
    const book = await reopen(saved, "lo-saved.xlsx");
    const back = sheetToRubric((await book.readSheet("评分细则"))!);
    if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
    expect(back.value.doc).toStrictEqual(doc);
    const sheetXml = strFromU8(unzipSync(saved)["xl/worksheets/sheet1.xml"]!);
    expect(sheetXml).toContain("对照目标值");
    expect(sheetXml).toMatch(/<dataValidation [^>]*type="list"/);
  });
});
