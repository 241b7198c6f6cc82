/** What a use case needs from a workbook, whatever holds it (Excel, an .xlsx file, memory). */
import type { Grid } from "../core/grid";
import type { WritePlan } from "../core/plan/write-plan";

export interface SheetInfo {
  name: string;
  /** Text of A1: Kaohe's results sheets start with their title there. */
  title: string;
}

export interface WorkbookPort {
  sheets(): Promise<SheetInfo[]>;
  /** The sheet to assess: by name, or the active/first sheet. Undefined when there is no such sheet. */
  readSheet(name?: string): Promise<Grid | undefined>;
  apply(plan: WritePlan): Promise<void>;
}
