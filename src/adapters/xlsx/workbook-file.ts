/** An .xlsx file as a WorkbookPort, with an atomic save (temporary file, then rename). */
import { promises as fs } from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import ExcelJS from "exceljs";
import type { Grid } from "../../core/grid";
import type { WritePlan } from "../../core/plan/write-plan";
import type { SheetInfo, WorkbookPort } from "../../app/ports";
import { a1Text, worksheetToGrid } from "./read";
import { applyPlan } from "./write";

export type OpenError = { kind: "notFound" | "unreadable" | "notXlsx"; detail: string };

export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly book: ExcelJS.Workbook, readonly file: string) {}

  static async open(file: string): Promise<XlsxWorkbook | OpenError> {
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { kind: code === "ENOENT" ? "notFound" : "unreadable", detail: String((e as Error).message) };
    }
    // .xlsx files are zip archives: "PK\x03\x04". Anything else (old .xls, CSV, text) is not one.
    if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) return { kind: "notXlsx", detail: file };
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      return { kind: "unreadable", detail: e instanceof Error ? e.message : String(e) };
    }
    return new XlsxWorkbook(book, file);
  }

  async sheets(): Promise<SheetInfo[]> {
    return this.book.worksheets.map((ws) => ({ name: ws.name, title: a1Text(ws) }));
  }

  async readSheet(name?: string): Promise<Grid | undefined> {
    const ws = name === undefined ? this.book.worksheets.find((w) => w.state === "visible") ?? this.book.worksheets[0] : this.book.getWorksheet(name);
    return ws ? worksheetToGrid(ws) : undefined;
  }

  async apply(plan: WritePlan): Promise<void> {
    applyPlan(this.book, plan);
  }

  /** Write next to the target and rename over it, so a failed run leaves nothing half-written. */
  async saveAs(target: string): Promise<void> {
    const dir = path.dirname(path.resolve(target));
    const tmp = path.join(dir, `.kaohe-tmp-${process.pid}-${randomBytes(4).toString("hex")}.xlsx`);
    try {
      // Fast deflate: the file is a few percent larger and written markedly faster.
      await this.book.xlsx.writeFile(tmp, { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as unknown as Parameters<typeof this.book.xlsx.writeFile>[1]);
      await fs.rename(tmp, target);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }
}

export function isOpenError(x: XlsxWorkbook | OpenError): x is OpenError {
  return !(x instanceof XlsxWorkbook);
}
