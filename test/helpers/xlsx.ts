/** Write small .xlsx workbooks for tests with ExcelJS: rows of values, merges, number formats. */
import ExcelJS from "exceljs";

export type XCell = string | number | boolean | null | { value: string | number | boolean | null | { formula: string; result?: unknown } | { error: string }; numFmt?: string };

export interface XSheet {
  name: string;
  rows: XCell[][];
  merges?: string[];
}

export function buildWorkbook(sheets: XSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === "object") {
          cell.value = v.value as ExcelJS.CellValue;
          if (v.numFmt) cell.numFmt = v.numFmt;
        } else cell.value = v;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return wb;
}

export async function writeWorkbook(file: string, sheets: XSheet[]): Promise<void> {
  await buildWorkbook(sheets).xlsx.writeFile(file);
}
