/**
 * `kaohe explain`: one unit of a workbook file, its explanation and its 差距分析. The sheet is read as
 * `score` reads it (Kaohe's recorded outputs are not part of the table) and nothing is written.
 */
import type { Assessment } from "../core/assess";
import type { Issue } from "../core/issue";
import type { Compiled } from "../core/rubric/compile";
import type { UnitResult } from "../core/score/types";
import type { ColumnMapping } from "../core/table/layout";
import { whatIf, type WhatIf } from "../core/what-if/what-if";
import { findUnit, nearUnits } from "./find-unit";
import { assessFileSheet, type RecordedBook } from "./score-file";

export interface ExplainOptions {
  sheet?: string;
  mapping?: ColumnMapping;
  unit: string;
  maxUnitsScored?: number;
}

export type ExplainOutcome =
  | { kind: "explained"; assessment: Assessment; unit: UnitResult; whatIf: WhatIf }
  | { kind: "problems"; issues: Issue[] }
  /** No unit of that name: the names most like it, and the sheet's unit count and first few names. */
  | { kind: "noUnit"; sheet: string; near: string[]; count: number; some: string[] };

export async function explainFile(book: Pick<RecordedBook, "snapshot" | "sheets">, rubric: Compiled, opts: ExplainOptions): Promise<ExplainOutcome> {
  const read = await assessFileSheet(book, rubric, opts);
  if (!read.ok) return { kind: "problems", issues: read.issues };
  const { grid, assessment } = read.value;
  const unit = findUnit(assessment.units, opts.unit);
  if (!unit) {
    const units = assessment.units;
    return { kind: "noUnit", sheet: grid.sheet, near: nearUnits(units, opts.unit), count: units.length, some: units.slice(0, 5).map((u) => u.unit) };
  }
  const report = whatIf(grid, rubric.rubric, assessment, unit.row, { ...(opts.maxUnitsScored !== undefined && { maxUnitsScored: opts.maxUnitsScored }) });
  // The unit is in the assessment, so there is a report; the fallback only satisfies the type.
  if (!report) return { kind: "problems", issues: [] };
  return { kind: "explained", assessment, unit, whatIf: report };
}
