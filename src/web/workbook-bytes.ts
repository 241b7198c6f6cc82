/**
 * The offline page's side of the .xlsx adapter: a picked or dropped file read into bytes in the
 * browser (FileReader: Chrome 69 has no Blob.arrayBuffer), opened with the portable codec (fflate).
 * The bytes read are never handed back: each run opens its own copy, so the original stays as read.
 */
import { XlsxBook } from "../adapters/xlsx/xlsx-book";
import { PackageError } from "../adapters/xlsx/errors";
import { LIMITS } from "../adapters/xlsx/limits";
import type { Catalog } from "../i18n";
import { openErrorMessage } from "../cli/open-error";

export function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error("FileReader failed"));
    r.readAsArrayBuffer(file);
  });
}

export type Opened = { ok: true; book: XlsxBook } | { ok: false; message: string };

/** A workbook from bytes, or why not in the user's words (the CLI's messages for the same problems). */
export function openBook(bytes: Uint8Array, name: string, c: Catalog): Opened {
  if (bytes.length > LIMITS.fileBytes) return { ok: false, message: c.cli.fileTooLarge({ file: name, detail: bytes.length }) };
  try {
    // A copy: the package may keep the array it is given, and the original must stay as read.
    const book = XlsxBook.fromBytes(bytes.slice(), undefined);
    book.pkg.sharedStrings();
    book.pkg.cellFormats();
    return { ok: true, book };
  } catch (e) {
    return { ok: false, message: problemText(e, name, c) };
  }
}

/** A package problem (found on opening or later, on the scored sheet) as one sentence. */
export function problemText(e: unknown, name: string, c: Catalog): string {
  if (e instanceof PackageError) {
    const m = openErrorMessage({ kind: "package", problem: e.problem, detail: e.message }, name);
    return c.cli[m.key](m.params);
  }
  return c.cli.fileUnreadable({ file: name, detail: e instanceof Error ? e.message : String(e) });
}
