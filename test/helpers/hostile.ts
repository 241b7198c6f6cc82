/** Hostile inputs for the CLI: the real binary, and workbooks whose XML is patched after writing. */
import { readFileSync, writeFileSync } from "fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildWorkbook, type XSheet } from "./xlsx";

export { BIN, kaohe, kaoheAsync, type Run } from "./cli";

/**
 * Write a workbook, then replace text in its XML parts: Excel stores control characters as
 * `_x001B_`, which ExcelJS will not write itself.
 */
export async function writePatchedWorkbook(file: string, sheets: XSheet[], replace: Record<string, string>): Promise<void> {
  const buf = new Uint8Array(await buildWorkbook(sheets).xlsx.writeBuffer());
  const parts = unzipSync(buf);
  for (const [name, data] of Object.entries(parts)) {
    if (!name.endsWith(".xml")) continue;
    let text = strFromU8(data);
    for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to);
    parts[name] = strToU8(text);
  }
  writeFileSync(file, zipSync(parts));
}

export const read = (f: string) => readFileSync(f);
