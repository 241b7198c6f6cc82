/**
 * The package reader against the oracle it replaces: for generated sheets, it yields exactly the
 * grid ExcelJS yields (values, number formats, merges), so no scoring result changes.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import type { CellRange, Grid } from "../../src/core/grid";
import { worksheetToGrid } from "../helpers/exceljs-grid";

type Gen = { value: ExcelJS.CellValue; numFmt?: string };

const text = fc.string({ unit: fc.constantFrom(..."单位社区计划生育率 abc_x0041<>&\"'%0.9\n\t"), maxLength: 12 });
const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.integer({ min: -5, max: 100_000 }),
  fc.boolean(),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }) as fc.Arbitrary<ExcelJS.CellValue>,
  fc.record({ formula: fc.constant("1+1"), result: fc.oneof(fc.integer({ min: 0, max: 99 }), text) }) as fc.Arbitrary<ExcelJS.CellValue>,
  fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => ({ richText: parts.map((t, i) => ({ text: t, ...(i % 2 ? { font: { bold: true } } : {}) })) })) as fc.Arbitrary<ExcelJS.CellValue>,
);
const numFmt = fc.constantFrom(undefined, "0.00%", "0.0", "@", "#,##0", "yyyy-mm-dd", "0%", '0.0"分"', "General");
const cell: fc.Arbitrary<Gen | null> = fc.option(fc.record({ value, numFmt }), { nil: null, freq: 3 });
const sheet: fc.Arbitrary<GenSheet> = fc.record({
  rows: fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 12 }),
  merges: fc.array(fc.record({ left: fc.integer({ min: 0, max: 6 }), width: fc.integer({ min: 1, max: 3 }), height: fc.integer({ min: 1, max: 2 }) }), { maxLength: 4 }),
  date1904: fc.boolean(),
});

type GenSheet = { rows: (Gen | null)[][]; merges: { left: number; width: number; height: number }[]; date1904: boolean };

async function bookOf(s: GenSheet): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (s.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet("S");
  s.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (!c) return;
      const x = ws.getCell(r + 1, col + 1);
      x.value = c.value;
      if (c.numFmt) x.numFmt = c.numFmt;
    }),
  );
  // Merges below the data, each on rows of its own: no overlaps, no values hidden.
  let top = s.rows.length + 2;
  for (const m of s.merges) {
    if (m.width * m.height > 1) ws.mergeCells(top, m.left + 1, top + m.height - 1, m.left + m.width);
    top += m.height + 1;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every cell present, with its address (rows that exist but hold nothing carry no meaning). */
const cellsOf = (g: Grid) => g.rows.flatMap((row, r) => (row ?? []).flatMap((c, col) => (c ? [{ r, col, ...c }] : [])));
const sortMerges = (g: Grid): CellRange[] => [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left);

describe("the package reader", () => {
  it("reads generated sheets exactly as ExcelJS does", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (s) => {
        // Two ExcelJS bugs the new reader does not share, so not comparable: it crashes on a text
        // formula result in a date format or a serial past year 275760 (Invalid Date), and reads a
        // cached result of 0 as none.
        const result = (c: Gen | null) => (c?.value as { result?: unknown } | null)?.result;
        fc.pre(!s.rows.flat().some((c) => (c?.numFmt === "yyyy-mm-dd" && typeof result(c) === "string") || result(c) === 0 || (c?.numFmt === "yyyy-mm-dd" && typeof c.value === "number" && Math.abs(c.value) > 1e8)));
        const bytes = await bookOf(s);
        const mine = XlsxPackage.open(bytes).grid("S");
        const oracle = new ExcelJS.Workbook();
        await oracle.xlsx.load(bytes as unknown as ArrayBuffer);
        const theirs = worksheetToGrid(oracle.getWorksheet("S") as ExcelJS.Worksheet);
        expect(cellsOf(mine as Grid)).toEqual(cellsOf(theirs));
        expect(sortMerges(mine as Grid)).toEqual(sortMerges(theirs));
        // A comment in sheetData makes the fast row scanner give up: the saxes path reads the same grid.
        // (An empty sheet's <sheetData/> has no rows to scan.)
        const parts = unzipSync(bytes);
        const xml = strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array);
        if (xml.includes("<sheetData/>")) return;
        parts["xl/worksheets/sheet1.xml"] = strToU8(xml.replace(/<sheetData>/, "<sheetData><!-- x -->"));
        expect(strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array)).toContain("<!-- x -->");
        const streamed = XlsxPackage.open(zipSync(parts as Zippable)).grid("S");
        expect(cellsOf(streamed as Grid)).toEqual(cellsOf(mine as Grid));
      }),
      { numRuns: 150 },
    );
  });
});
