/**
 * The CLI's side of the .xlsx adapter: a workbook file read into bytes (through output-file.ts:
 * regular files only, size bounded) and handed to the package reader with Node's zlib; the scored
 * copy comes back as bytes for output-file.ts to write safely.
 */
import * as zlib from "zlib";
import { XlsxBook } from "../adapters/xlsx/xlsx-book";
import { PackageError, type PackageProblem } from "../adapters/xlsx/errors";
import { LIMITS } from "../adapters/xlsx/limits";
import type { Codec } from "../adapters/xlsx/codec";
import type { WorkbookKind } from "../adapters/xlsx/package";
import type { Grid } from "../core/grid";
import type { Fallible } from "../core/issue";
import type { SheetInfo, WorkbookPort } from "../app/ports";
import type { Snapshot } from "../app/pane-host";
import type { RecordedBook } from "../app/score-file";
import type { WorkbookState } from "../core/ownership/record";
import type { OutputWrite } from "../core/ownership/transaction";
import { FileProblem, prepareOutput, readInputFile, writeOutput } from "./output-file";

/** Node's native zlib for the package code: several times faster than the portable codec. */
const NODE_CODEC: Codec = {
  // Level 6, but 1 for parts over 16 MiB (a 100,000-row sheet): level 6 there is a fifth of the run's time.
  deflate: (d) => zlib.deflateRawSync(d, { level: d.length > 16 * 2 ** 20 ? 1 : 6 }),
  // maxOutputLength stops inflating at the declared size (plus one byte, to see a lying size).
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

export type OpenError = { kind: "notFound" | "unreadable"; detail: string } | { kind: "package"; problem: PackageProblem; detail: string };

export class XlsxWorkbook implements WorkbookPort, RecordedBook {
  private constructor(readonly book: XlsxBook, readonly file: string) {}

  /** File problems other than a missing file are thrown as FileProblem (the CLI words them). */
  static async open(file: string, maxBytes: number = LIMITS.fileBytes): Promise<Fallible<XlsxWorkbook, OpenError>> {
    let data: Uint8Array;
    try {
      data = await readInputFile(file, maxBytes);
    } catch (e) {
      if (e instanceof FileProblem && e.kind === "notFound") return { ok: false, error: { kind: "notFound", detail: file } };
      throw e;
    }
    try {
      const book = XlsxBook.fromBytes(data, NODE_CODEC);
      // Shared strings and styles serve every sheet: read now, so their problems surface on opening.
      book.pkg.sharedStrings();
      book.pkg.cellFormats();
      return { ok: true, value: new XlsxWorkbook(book, file) };
    } catch (e) {
      if (e instanceof PackageError) return { ok: false, error: { kind: "package", problem: e.problem, detail: e.message } };
      throw e;
    }
  }

  sheets(): Promise<SheetInfo[]> {
    return this.book.sheets();
  }

  readSheet(name?: string): Promise<Grid | undefined> {
    return this.book.readSheet(name);
  }

  snapshot(sheet?: string): Promise<Snapshot | undefined> {
    return this.book.snapshot(sheet);
  }

  applyRun(tx: OutputWrite, state: WorkbookState, at: string): Promise<void> {
    return this.book.applyRun(tx, state, at);
  }

  /** The scored copy, saved as `as` (the input's kind by default). */
  toBytes(as?: WorkbookKind): Uint8Array {
    return this.book.toBytes(as ? { as } : {});
  }

  /** Write the copy to `target` (replacing it): temporary file, then rename. */
  async saveAs(target: string, as?: WorkbookKind): Promise<void> {
    await writeOutput(await prepareOutput(target, { replace: true, checkName: false }), this.toBytes(as));
  }
}
