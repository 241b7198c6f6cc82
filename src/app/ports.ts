/** Reading a workbook's sheets, whatever holds it (an .xlsx file in the CLI or the browser). */
import type { Grid } from "../core/grid";

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
