/** Reading a workbook's sheets, whatever holds it (an .xlsx file in the CLI or the browser). */
import type { Grid } from "../core/grid";
import { issue, type Issue } from "../core/issue";

export interface SheetInfo {
  name: string;
  /** Text of A1: Kaohe's results sheets start with their title there. */
  title: string;
}

export interface WorkbookPort {
  sheets(): Promise<SheetInfo[]>;
  /** The sheet to assess: by name, or the active/first sheet. Undefined when there is no such sheet. */
  readSheet(name?: string): Promise<Grid | undefined>;
}

/** A sheet asked for by name that the workbook does not have: its own problem, naming the sheets it has. */
export function unknownSheet(sheet: string, names: ReadonlyArray<string>): Issue {
  return issue("sheet.unknown", { sheet, available: names.join("、") }, { sheet });
}
