/** The header block (名称, 编号, 版本, 模式, 满分, 表彰/后进/进步奖, 等次): one label per row. */
import type { OutcomesDoc, RubricDoc } from "../schema";
import type { SheetCells } from "./cells";
import { foldLabel } from "./cells";
import { INFO, MODES, type InfoKey } from "./layout";
import { parseEffect } from "./grade-effect";

export type InfoFields = Pick<RubricDoc, "id" | "name" | "version" | "mode" | "outcomes" | "ranking"> &
  Partial<Pick<RubricDoc, "$schema" | "source" | "description" | "maxTotal" | "bonusCap">>;

const LABELS = new Map((Object.entries(INFO) as [InfoKey, string][]).map(([k, l]) => [foldLabel(l), k]));

export function readInfo(cells: SheetCells, rows: ReadonlyArray<number>, titleRow: number): InfoFields {
  const at = new Map<InfoKey, number>();
  const grades: NonNullable<OutcomesDoc["grades"]> = [];
  const coefficients: Record<string, number> = {};
  for (const r of rows) {
    const label = cells.text(r, 0);
    if (label === undefined) {
      cells.problem("rubricSheet.unknownLabel", r, 0, { value: "", choices: Object.values(INFO).join("、") });
      continue;
    }
    const key = LABELS.get(foldLabel(label));
    if (key === undefined) {
      cells.problem("rubricSheet.unknownLabel", r, 0, { value: label, choices: Object.values(INFO).join("、") });
    } else if (key === "grade") {
      const name = cells.text(r, 1);
      const min = cells.number(r, 2, INFO.grade);
      if (name === undefined && min === undefined) continue;
      if (name === undefined) cells.problem("rubricSheet.required", r, 1, { label: INFO.grade });
      else if (min === undefined) {
        if (cells.blank(r, 2)) cells.problem("rubricSheet.required", r, 2, { label: INFO.grade });
      } else {
        cells.source(["outcomes", "grades", grades.length], r, 1);
        grades.push({ label: name, min });
      }
    } else if (key === "coefficient") {
      // 难度系数 | 街道 | 1.05: one row per category.
      const category = cells.text(r, 1)?.trim();
      const value = cells.number(r, 2, INFO.coefficient);
      if (category === undefined && value === undefined) continue;
      if (category === undefined) cells.problem("rubricSheet.required", r, 1, { label: INFO.coefficient });
      else if (value === undefined) {
        if (cells.blank(r, 2)) cells.problem("rubricSheet.required", r, 2, { label: INFO.coefficient });
      } else if (Object.prototype.hasOwnProperty.call(coefficients, category)) cells.problem("rubricSheet.duplicateLabel", r, 1, { value: category });
      else {
        cells.source(["ranking", "coefficients", category], r, 2);
        Object.defineProperty(coefficients, category, { value, enumerable: true, writable: true, configurable: true });
      }
    } else if (at.has(key)) cells.problem("rubricSheet.duplicateLabel", r, 0, { value: label });
    else at.set(key, r);
  }

  const row = (k: InfoKey) => at.get(k);
  const text = (k: InfoKey, path: ReadonlyArray<string>) => {
    const r = row(k);
    if (r === undefined) return undefined;
    cells.source(path, r, 1);
    return cells.text(r, 1);
  };
  const num = (k: InfoKey, path: ReadonlyArray<string>) => {
    const r = row(k);
    if (r === undefined) return undefined;
    cells.source(path, r, 1);
    return cells.number(r, 1, INFO[k]);
  };
  const required = (k: InfoKey, path: string): string => {
    const v = text(k, [path]);
    if (v === undefined) cells.problem("rubricSheet.required", row(k) ?? titleRow + 1, row(k) === undefined ? 0 : 1, { label: INFO[k] });
    return v ?? "";
  };

  const modeRow = row("mode");
  const mode = modeRow === undefined ? undefined : cells.choice(modeRow, 1, INFO.mode, MODES);
  const inclusiveRow = row("laggardInclusive");
  const outcomes: OutcomesDoc = {};
  const commendation = num("commendationTop", ["outcomes", "commendation", "top"]);
  if (commendation !== undefined) outcomes.commendation = { top: commendation };
  const bottom = num("laggardBottom", ["outcomes", "laggard", "bottom"]);
  const below = num("laggardBelow", ["outcomes", "laggard", "below"]);
  const inclusive = inclusiveRow === undefined ? undefined : cells.yesNo(inclusiveRow, 1, INFO.laggardInclusive);
  if (bottom !== undefined) outcomes.laggard = { bottom, ...(below !== undefined && { below }), inclusive: inclusive ?? false };
  else if (below !== undefined || inclusive !== undefined) {
    cells.problem("rubricSheet.required", row("laggardBottom") ?? row("laggardBelow") ?? titleRow + 1, 1, { label: INFO.laggardBottom });
  }
  const progressTop = num("progressTop", ["outcomes", "progress", "top"]);
  const previous = text("progressPrevious", ["outcomes", "progress", "previous"]);
  if (progressTop !== undefined || previous !== undefined) {
    if (progressTop === undefined || previous === undefined) {
      const missing = progressTop === undefined ? "progressTop" : "progressPrevious";
      cells.problem("rubricSheet.required", row(missing) ?? titleRow + 1, row(missing) === undefined ? 0 : 1, { label: INFO[missing] });
    } else outcomes.progress = { top: progressTop, previous };
  }
  if (grades.length) outcomes.grades = grades;
  const vetoGrade = text("vetoGrade", ["outcomes", "vetoGrade"]);
  if (vetoGrade !== undefined) outcomes.vetoGrade = parseEffect(vetoGrade);

  const categoryColumn = text("categoryColumn", ["ranking", "categoryColumn"]);
  const optional = <K extends "$schema" | "source" | "description">(k: K, key: InfoKey) => {
    const v = text(key, [k]);
    return v === undefined ? {} : { [k]: v };
  };
  const maxTotal = num("maxTotal", ["maxTotal"]);
  const bonusCap = num("bonusCap", ["bonusCap"]);
  return {
    ...optional("$schema", "schema"),
    id: required("id", "id"),
    name: required("name", "name"),
    version: required("version", "version"),
    mode: mode ?? "points",
    ...optional("source", "source"),
    ...optional("description", "description"),
    ...(maxTotal !== undefined && { maxTotal }),
    ...(bonusCap !== undefined && { bonusCap }),
    ranking: {
      ...(categoryColumn !== undefined && { categoryColumn }),
      ...(Object.keys(coefficients).length > 0 && { coefficients }),
    },
    outcomes,
  };
}
