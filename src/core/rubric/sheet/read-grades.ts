/** 【等次】: one grade per row — 等次, 最低分, and its 名额 (比例, 取整, 同分处理, 同分比较列). */
import type { GradeDoc } from "../schema";
import type { SheetCells } from "./cells";
import { GRADE_COLUMNS, QUOTA_ROUNDINGS, TIES, type GradeColumn } from "./layout";

type Sources = Array<[Array<string | number>, number, number]>;

export function readGrades(cells: SheetCells, cols: Map<GradeColumn, number>, rows: ReadonlyArray<number>, sources: Sources): GradeDoc[] {
  const L = GRADE_COLUMNS;
  const out: GradeDoc[] = [];
  for (const r of rows) {
    const c = (k: GradeColumn) => cols.get(k);
    const i = out.length;
    for (const [k, col] of cols) {
      const path = k === "label" || k === "min" ? ["outcomes", "grades", i, k] : k === "percent" ? ["outcomes", "grades", i, "quota"] : ["outcomes", "grades", i, "quota", k];
      sources.push([path, r, col]);
      if (k === "percent") sources.push([[...path, "percent"], r, col]);
    }
    sources.push([["outcomes", "grades", i], r, c("label") as number]);
    const label = cells.text(r, c("label") as number);
    const min = cells.number(r, c("min") as number, L.min);
    if (label === undefined) cells.problem("rubricSheet.required", r, c("label") as number, { label: L.label });
    if (min === undefined && cells.blank(r, c("min") as number)) cells.problem("rubricSheet.required", r, c("min") as number, { label: L.min });
    const opt = (k: GradeColumn) => (c(k) === undefined || cells.blank(r, c(k) as number) ? undefined : (c(k) as number));
    const percent = opt("percent") === undefined ? undefined : cells.number(r, c("percent") as number, L.percent, "rate");
    const roundingCol = opt("rounding");
    const rounding = roundingCol === undefined ? undefined : cells.choice(r, roundingCol, L.rounding, QUOTA_ROUNDINGS);
    const tiesCol = opt("ties");
    const ties = tiesCol === undefined ? undefined : cells.choice(r, tiesCol, L.ties, TIES);
    const tieBreak = opt("tieBreak") === undefined ? undefined : cells.text(r, c("tieBreak") as number)?.trim();
    if (percent === undefined && opt("percent") === undefined && (roundingCol ?? tiesCol ?? opt("tieBreak")) !== undefined) {
      cells.problem("rubricSheet.required", r, c("percent") ?? c("label") ?? 0, { label: L.percent });
    }
    const quota = percent === undefined ? undefined : { percent, rounding: rounding ?? "floor", ties: ties ?? "allOut", ...(tieBreak && { tieBreak }) };
    out.push({ label: label ?? "", min: min ?? 0, ...(quota && { quota }) });
  }
  return out;
}
