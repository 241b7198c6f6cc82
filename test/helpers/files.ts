import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/cli/workbook-file";
import { writeWorkbook, type XSheet } from "./xlsx";

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "kaohe-test-"));
}

export async function xlsxOf(sheets: XSheet[], name = "book.xlsx"): Promise<{ file: string; book: XlsxWorkbook }> {
  const file = path.join(tempDir(), name);
  await writeWorkbook(file, sheets);
  const book = await XlsxWorkbook.open(file);
  if (!book.ok) throw new Error(book.error.detail);
  return { file, book: book.value };
}
