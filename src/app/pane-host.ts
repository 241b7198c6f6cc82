/**
 * What the task pane needs from the workbook it sits beside. Excel implements it with Office.js
 * (src/adapters/excel); other hosts implement the same port. Hosts carry out the transactions the
 * session builds (core/ownership) and keep Kaohe's state and anchors in the workbook.
 */
import type { CellRange, Grid } from "../core/grid";
import type { Issue, Result } from "../core/issue";
import type { CellContent } from "../core/ownership/fingerprint";
import type { OutputRecord, WorkbookState } from "../core/ownership/record";
import type { OutputClear, OutputWrite } from "../core/ownership/transaction";
import type { ChangedCell } from "../core/ownership/compare";
import type { RubricSheet } from "../core/rubric/sheet";

export { EMPTY_STATE, type LastUnit, type WorkbookState } from "../core/ownership/record";

/** A host declined to go on (a check before writing, a step that failed and was taken back): the problem to show. */
export class Refusal extends Error {
  constructor(readonly problem: Issue) {
    super(problem.code);
  }
}

/** Optional host abilities, feature-detected (ExcelApi 1.18 notes, 1.20 one undo step per run). */
export type HostFeature = "notes" | "undoGroup";

/** Kaohe's recorded output area on a sheet, as it is now. */
export interface OwnedNow {
  /** Where the area is now (its defined name follows inserted rows and columns); null when it is gone. */
  area: CellRange | null;
  /** What its cells hold now, row by row (formulas as "=…"). */
  cells: CellContent[][];
}

export interface Snapshot {
  /** The sheet, without the cells of Kaohe's recorded area (they are in `owned`). Empty when not read. */
  grid: Grid;
  /** The sheet's token (its `_Kaohe_Sheet` name), null for a sheet Kaohe has not seen. */
  token: string | null;
  owned: OwnedNow | null;
  /** This sheet's results sheet by its anchor: current name and content fingerprint; null when none. */
  results: { name: string; fingerprint: string } | null;
  /** The sheet is protected: nothing may be written. */
  locked: boolean;
  /** The workbook's structure is protected: no sheet may be added or deleted. */
  structureLocked: boolean;
  state: WorkbookState;
  /** Every sheet name in the workbook. */
  sheetNames: string[];
  /** When the sheet is one of Kaohe's results sheets: the sheet it belongs to. */
  resultsOf: string | null;
}

export interface WriteReport {
  /** The record now in the workbook. */
  record: OutputRecord;
  written: number;
  overwritten: ChangedCell[];
  kept: ChangedCell[];
  notes: number;
}

export interface ClearReport {
  removed: number;
  highlights: number;
  notes: number;
  resultsSheet: string | null;
  kept: ChangedCell[];
  keptResults: string | null;
}

export interface PaneHost {
  /** Office's display language (zh-CN, en-US …). */
  displayLanguage(): string;
  supports(feature: HostFeature): boolean;
  /**
   * Read the active sheet (or one by name) and Kaohe's state. With `grid: false` only Kaohe's own
   * record, anchors and recorded cells are read, never the user's sheet (clearing).
   */
  snapshot(opts?: { sheet?: string; grid?: boolean }): Promise<Result<Snapshot>>;
  /** Write a scoring run as a recorded transaction; a failure part-way is cleaned up and reported. */
  write(tx: OutputWrite, state: WorkbookState, at: string): Promise<Result<WriteReport>>;
  /** Remove what a record says is Kaohe's, check that it is gone, and forget the record. */
  clear(tx: OutputClear, state: WorkbookState): Promise<Result<ClearReport>>;
  /** Save the state; with a sheet, anchor its token on it first. */
  saveState(state: WorkbookState, sheet?: { name: string; token: string }): Promise<Result<void>>;
  select(sheet: string, cell: string): Promise<void>;
  /** Called with the sheet and 0-based row when the user selects cells. */
  onSelectionChanged(handler: (sheet: string, row: number) => void): void;
  /** Called when the user activates another sheet. */
  onActivated(handler: (sheet: string) => void): void;
  /**
   * Read sheets by name as grids (values, number formats, merged areas), nothing of Kaohe's record.
   * `maxRows`/`maxCols` read only that much from A1 (enough to tell a 评分细则 sheet by its layout).
   */
  readSheets(names: ReadonlyArray<string>, limit?: { maxRows: number; maxCols: number }): Promise<Result<Grid[]>>;
  /**
   * Add `sheet` as a new worksheet after the last one and activate it, named `sheet.name` or, when that
   * is taken, the first free `name (2)`, `name (3)` … — never over a sheet that exists. Text is written as
   * text, drop-downs as list validations, headings bold. Refused when the workbook's structure is
   * protected; a failure part-way deletes the half-made sheet and reports the cause.
   */
  addSheet(sheet: RubricSheet): Promise<Result<{ name: string }>>;
}
