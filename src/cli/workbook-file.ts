/**
 * The CLI's side of the .xlsx adapter: a workbook file read into bytes (regular files only, size
 * checked before reading) and the scored copy written atomically (temporary file, then rename).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import * as zlib from "zlib";
import { XlsxBook } from "../adapters/xlsx/xlsx-book";
import { PackageError, type PackageProblem } from "../adapters/xlsx/errors";
import { LIMITS } from "../adapters/xlsx/limits";
import type { WorkbookKind } from "../adapters/xlsx/package";
import type { Codec } from "../adapters/xlsx/codec";
import type { Grid } from "../core/grid";
import type { WritePlan } from "../core/plan/write-plan";
import type { SheetInfo, WorkbookPort } from "../app/ports";

/** Node's native zlib for the package code: several times faster than the portable codec. */
const NODE_CODEC: Codec = {
  deflate: (d) => zlib.deflateRawSync(d, { level: 6 }),
  // maxOutputLength stops inflating at the declared size (plus one byte to see a lie).
  inflate: (d, max) => {
    try {
      return zlib.inflateRawSync(d, { maxOutputLength: max });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return new Uint8Array(max);
      throw e;
    }
  },
  crc32: (d) => zlib.crc32(d),
};

export type OpenError = { kind: "notFound" | "unreadable" | "notRegular"; detail: string } | { kind: "package"; problem: PackageProblem; detail: string };

export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly book: XlsxBook, readonly file: string) {}

  sheets(): Promise<SheetInfo[]> {
    return this.book.sheets();
  }

  readSheet(name?: string): Promise<Grid | undefined> {
    return this.book.readSheet(name);
  }

  apply(plan: WritePlan): Promise<void> {
    return this.book.apply(plan);
  }

  static async open(file: string): Promise<XlsxWorkbook | OpenError> {
    let data: Buffer;
    try {
      const st = await fs.stat(file);
      // FIFOs, devices and directories are never workbooks (and /dev/zero never ends).
      if (!st.isFile()) return { kind: "notRegular", detail: file };
      if (st.size > LIMITS.fileBytes) return { kind: "package", problem: { code: "limit", limit: "fileBytes", value: st.size, max: LIMITS.fileBytes }, detail: file };
      data = await fs.readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { kind: code === "ENOENT" ? "notFound" : "unreadable", detail: String((e as Error).message) };
    }
    try {
      const book = XlsxBook.fromBytes(new Uint8Array(data.buffer, data.byteOffset, data.length), NODE_CODEC);
      // Shared strings and styles serve every sheet: read now, so their problems surface on opening.
      book.pkg.sharedStrings();
      book.pkg.cellFormats();
      return new XlsxWorkbook(book, file);
    } catch (e) {
      if (e instanceof PackageError) return { kind: "package", problem: e.problem, detail: e.message };
      throw e;
    }
  }

  /** Write next to the target and rename over it, so a failed run leaves nothing half-written. */
  async saveAs(target: string, as?: WorkbookKind): Promise<void> {
    const bytes = this.book.toBytes(as ? { as } : {});
    const dir = path.dirname(path.resolve(target));
    const tmp = path.join(dir, `.kaohe-tmp-${process.pid}-${randomBytes(4).toString("hex")}.xlsx`);
    try {
      await fs.writeFile(tmp, bytes, { flag: "wx" });
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
