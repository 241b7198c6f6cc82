/**
 * The writer's row/cell patching, pinned where mutation testing found it unguarded: a user's cell,
 * style, row or order must come out exactly as it went in unless Kaohe's edit names it.
 */
import { strFromU8, unzipSync } from "fflate";
import { PackageError } from "../../src/adapters/xlsx/errors";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { type WriteJob, writeScoredCopy } from "../../src/adapters/xlsx/write";
import { buildWorkbook, type XSheet } from "../helpers/xlsx";
import { cutSheet } from "../../src/adapters/xlsx/sheet-cells";
import { patched, edits } from "../helpers/sheet-patch";
import { EMPTY_STATE } from "../../src/core/ownership/record";


const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
const str = (ref: string, t: string, s = "") => `<c r="${ref}"${s} t="inlineStr"><is><t>${t}</t></is></c>`;

describe("patchRow keeps the user's cells", () => {
  it("rewrites only the edited cell of a row; cells right of it keep value, style and type", () => {
    const row = '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="2"><v>2</v></c><c r="C1" s="3" t="s"><v>4</v></c><c r="D1"><f>A1</f><v>1</v></c></row>';
    expect(patched(sheet(row), edits([0, 1, "甲"]))).toBe(
      sheet(`<row r="1"><c r="A1"><v>1</v></c>${str("B1", "甲", ' s="2"')}<c r="C1" s="3" t="s"><v>4</v></c><c r="D1"><f>A1</f><v>1</v></c></row>`),
    );
  });

  it("puts a new cell between the user's cells in column order", () => {
    const row = '<row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c><c r="F1"><v>6</v></c></row>';
    expect(patched(sheet(row), edits([0, 4, 5], [0, 1, 2]))).toBe(
      sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1"><v>4</v></c><c r="E1"><v>5</v></c><c r="F1"><v>6</v></c></row>'),
    );
  });

  it("copies the cells left of the first edit as they are, even in the file's own order", () => {
    const row = '<row r="1"><c r="B1"><v>2</v></c><c r="A1"><v>1</v></c></row>';
    expect(patched(sheet(row), edits([0, 3, 4]))).toBe(sheet('<row r="1"><c r="B1"><v>2</v></c><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c></row>'));
  });

  it("does not swallow the cell after a self-closing (styled, empty) cell", () => {
    const row = '<row r="1"><c r="A1" s="2"/><c r="B1" s="5"><v>5</v></c></row>';
    expect(patched(sheet(row), edits([0, 1, "x"]))).toBe(sheet(`<row r="1"><c r="A1" s="2"/>${str("B1", "x", ' s="5"')}</row>`));
  });

  it("places cells without an r attribute by position (first is column A)", () => {
    const row = '<row r="1"><c><v>1</v></c><c s="4"><v>2</v></c><c><v>3</v></c></row>';
    expect(patched(sheet(row), edits([0, 1, "x"]))).toBe(sheet(`<row r="1"><c><v>1</v></c>${str("B1", "x", ' s="4"')}<c><v>3</v></c></row>`));
  });

  it("rejects a cell that is never closed instead of writing a broken row", () => {
    const row = '<row r="1"><c r="A1"><v>1</v></row>';
    expect(() => patched(sheet(row), edits([0, 0, 2]))).toThrow(PackageError);
  });

  it("marks only text with leading or trailing space as space-preserving", () => {
    const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
    expect(patched(sheet(row), edits([0, 0, "a b"]))).toBe(sheet(`<row r="1">${str("A1", "a b")}</row>`));
    const out = patched(sheet(row), edits([0, 0, " a"], [0, 1, "b "]));
    expect(out).toContain('<t xml:space="preserve"> a</t>');
    expect(out).toContain('<t xml:space="preserve">b </t>');
  });
});

describe("patchRows keeps the user's rows", () => {
  it("inserts new rows in row order whatever order the edits were made in", () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="8"><c r="A8"><v>8</v></c></row>';
    const out = patched(sheet(rows), edits([5, 0, 6], [2, 0, 3], [12, 0, 13], [10, 0, 11]));
    expect([...out.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 3, 6, 8, 11, 13]);
  });

  it("writes no row at all for a cleared cell in a row that does not exist", () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>';
    expect(patched(sheet(rows), edits([3, 0, null]))).toBe(sheet(rows));
    expect(patched(sheet(rows), edits([0, 0, null]))).toBe(sheet('<row r="1"></row>'));
  });

  it("still adds new rows after the last one when an existing row was edited too", () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>';
    expect(patched(sheet(rows), edits([0, 1, 5], [4, 0, 7]))).toBe(
      sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>5</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="5"><c r="A5"><v>7</v></c></row>'),
    );
  });

  it("does not swallow the row after a self-closing row", () => {
    const rows = '<row r="1" ht="20" customHeight="1"/><row r="2"><c r="A2"><v>2</v></c></row>';
    expect(patched(sheet(rows), edits([1, 1, 3]))).toBe(sheet('<row r="1" ht="20" customHeight="1"/><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row>'));
  });

  it("numbers rows without an r attribute by position (first is row 1)", () => {
    const rows = '<row><c><v>1</v></c></row><row><c><v>2</v></c></row>';
    expect(patched(sheet(rows), edits([1, 1, 3]))).toBe(sheet('<row><c><v>1</v></c></row><row><c><v>2</v></c><c r="B2"><v>3</v></c></row>'));
  });

  it("reports a sheet without sheetData as a bad part, and accepts sheetData with attributes", () => {
    expect(() => cutSheet("<worksheet/>")).toThrow(PackageError);
    const xml = '<worksheet><sheetData x:a="1"><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
    expect(patched(xml, edits([0, 1, 2]))).toBe('<worksheet><sheetData x:a="1"><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>');
  });
});

describe("writeScoredCopy changes only the parts it needs", () => {
  const open = async (sheets: XSheet[]) => XlsxPackage.open(new Uint8Array(await buildWorkbook(sheets).xlsx.writeBuffer()));
  const job = (over: Partial<WriteJob> = {}): WriteJob => ({
    sheet: "数据",
    edits: edits([0, 2, "得分"]),
    area: { top: 0, left: 2, bottom: 0, right: 2 },
    dropNote: () => false,
    notes: [],
    highlights: [],
    results: { name: "考核明细", rows: [["单位"]], reuse: null },
    ...over,
  });
  const sheets: XSheet[] = [{ name: "数据", rows: [["单位", 1]] }, { name: "旧明细", rows: [["x"]] }];

  it("adds a results sheet with a worksheet content type and no notes parts when there are no notes", async () => {
    const pkg = await open(sheets);
    const out = unzipSync(writeScoredCopy(pkg, job()));
    const types = strFromU8(out["[Content_Types].xml"] as Uint8Array);
    const added = Object.keys(out).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(added).toHaveLength(3);
    for (const part of added) expect(types).toContain(`PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"`);
    expect(Object.keys(out).some((n) => /comments|vmlDrawing/.test(n))).toBe(false);
    expect(types).not.toMatch(/comments/i);
  });

  it("reuses Kaohe's earlier results sheet by name instead of adding another", async () => {
    const out = unzipSync(writeScoredCopy(await open(sheets), job({ results: { name: "考核明细", rows: [["单位"]], reuse: "旧明细" } })));
    expect(Object.keys(out).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(2);
    expect(strFromU8(out["xl/workbook.xml"] as Uint8Array)).not.toContain("考核明细");
  });

  it("keeps the user's notes, removes Kaohe's earlier ones, and adds no note where the user has one", async () => {
    const wb = buildWorkbook(sheets);
    const ws = wb.getWorksheet("数据");
    if (!ws) throw new Error("no sheet");
    ws.getCell("C1").note = "用户的批注";
    ws.getCell("D1").note = "Kaohe 旧说明";
    const pkg = await XlsxPackage.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const notes = [{ row: 0, col: 2, text: "说明" }, { row: 0, col: 4, text: "新说明" }];
    const out = unzipSync(writeScoredCopy(pkg, job({ notes, dropNote: (_cell, text) => text === "Kaohe 旧说明" })));
    const name = Object.keys(out).find((n) => /comments\d*\.xml$/.test(n));
    const xml = strFromU8(out[name ?? ""] as Uint8Array);
    const byCell = Object.fromEntries([...xml.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/comment>/g)].map((m) => [m[1], (m[2] ?? "").replace(/<[^>]+>/g, "")]));
    // C1: the user's note, not Kaohe's 说明; D1: Kaohe's earlier note gone; E1: this run's note.
    expect(byCell).toEqual({ C1: "用户的批注", E1: "新说明" });
  });

  it("registers the comments and vml parts it adds for a note", async () => {
    const out = unzipSync(writeScoredCopy(await open(sheets), job({ notes: [{ row: 0, col: 2, text: "说明" }] })));
    const types = strFromU8(out["[Content_Types].xml"] as Uint8Array);
    const comments = Object.keys(out).find((n) => /comments\d*\.xml$/.test(n));
    expect(comments).toBeDefined();
    expect(types).toContain(`PartName="/${comments}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"`);
    expect(types).toMatch(/Extension="vml" ContentType="application\/vnd.openxmlformats-officedocument.vmlDrawing"/);
  });
  it("anchors Kaohe's output area with absolute references, past column Z and row 9 too", async () => {
    const state = { ...EMPTY_STATE, sheets: {} };
    const output = { top: 2, left: 33, bottom: 11, right: 36 };
    const out = unzipSync(writeScoredCopy(await open(sheets), job({ record: { state, token: "k1", output } })));
    const names = Object.fromEntries([...strFromU8(out["xl/workbook.xml"] as Uint8Array).matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => [m[1], m[2]]));
    expect(names).toMatchObject({ _Kaohe_O_k1: "&apos;数据&apos;!$AH$3:$AK$12", _Kaohe_R_k1: "&apos;考核明细&apos;!$A$1" });
  });
});
