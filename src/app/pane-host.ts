/**
 * What the task pane needs from the workbook it sits beside. Excel implements it with Office.js
 * (src/adapters/excel); the browser tests use an in-memory implementation (memory-host.ts).
 */
import type { Grid } from "../core/grid";
import type { Issue } from "../core/issue";
import type { WritePlan } from "../core/plan/write-plan";
import type { ColumnMapping } from "../core/table/layout";

/** Where Kaohe's outputs are, recorded in the workbook so re-scoring, switching and clearing find them. */
export interface OwnedRecord {
  sheet: string;
  /** A1 range of the output columns (header row to last row). */
  area: string;
  resultsSheet: string;
  /** Ids of Kaohe's conditional formats (highlights). */
  highlights: string[];
}

/** A unit's standing from the last run, to show what a rubric switch changed. */
export type LastUnit = [unit: string, status: string, rank: number | null, total: number | null];

/** Everything the pane keeps in the workbook (document settings). */
export interface PaneState {
  version: 1;
  rubricId?: string;
  /** sheet → rubric id → indicator → header or column letter */
  mappings: Record<string, Record<string, ColumnMapping>>;
  owned?: OwnedRecord;
  last?: { rubricId: string; sheet: string; units: LastUnit[] };
  /** Rubric documents the user imported into this workbook. */
  rubrics: unknown[];
}

export const EMPTY_STATE: PaneState = { version: 1, mappings: {}, rubrics: [] };

/** The state once Kaohe's outputs are gone: rubric, mappings and imported rubrics stay. */
export function withoutOutputs(state: PaneState): PaneState {
  const { owned: _owned, last: _last, ...rest } = state;
  return rest;
}

export interface Snapshot {
  grid: Grid;
  /** The sheet is protected: nothing may be written. */
  locked: boolean;
  state: PaneState;
  /** Names taken by sheets that are not Kaohe's, among the candidates for the results sheet. */
  takenSheetNames: string[];
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export interface PaneHost {
  /** Office's display language (zh-CN, en-US …). */
  displayLanguage(): string;
  /** Read the active sheet and the pane's state (or one sheet by name). */
  snapshot(sheet?: string): Promise<HostResult<Snapshot>>;
  /** Remove the previous outputs (state.owned), write the plan, save the state; returns the new record. */
  apply(plan: WritePlan, state: PaneState): Promise<HostResult<OwnedRecord>>;
  /** Remove everything Kaohe wrote and forget it. */
  clear(state: PaneState): Promise<HostResult<void>>;
  saveState(state: PaneState): Promise<HostResult<void>>;
  select(sheet: string, cell: string): Promise<void>;
  /** Called with the sheet and 0-based row when the user selects cells. */
  onSelectionChanged(handler: (sheet: string, row: number) => void): void;
}
