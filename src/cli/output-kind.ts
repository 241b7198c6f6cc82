/** What a scored copy is saved as, from its file name: macros stay in a macro-enabled file. */
import type { WorkbookKind } from "../adapters/xlsx/package";

/** undefined: the name would drop the workbook's macros (Excel refuses macro content in .xlsx). */
export function outputKind(input: WorkbookKind, out: string): WorkbookKind | undefined {
  const ext = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(out)?.[1]?.toLowerCase() as WorkbookKind | undefined;
  const macros = input === "xlsm" || input === "xltm";
  if (!ext) return input;
  if (macros && (ext === "xlsx" || ext === "xltx")) return undefined;
  return ext;
}
