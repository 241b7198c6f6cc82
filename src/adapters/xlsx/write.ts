/** Applies a write plan to an ExcelJS workbook: outputs beside the table, notes, highlights, results sheet. */
import type { Workbook, Worksheet } from "exceljs";
import type { WritePlan } from "../../core/plan/write-plan";
import { a1 } from "../../core/grid";

/** Kaohe's conditional formats carry this marker so a re-score can find and replace them. */
export const HIGHLIGHT_MARK = "kaohe";

const FILLS = {
  shortfall: { fill: "FFFFC7CE", font: "FF9C0006" },
  problem: { fill: "FFFFEB9C", font: "FF9C5700" },
} as const;

function clearOwned(ws: Worksheet, plan: WritePlan): void {
  const o = plan.owned;
  for (let r = o.top; r <= o.bottom; r++) {
    const row = ws.findRow(r + 1);
    if (!row) continue;
    for (let c = o.left; c <= o.right; c++) {
      const cell = row.findCell(c + 1);
      if (!cell) continue;
      cell.value = null;
      cell.style = {};
      // ExcelJS has no public way to drop a note; these cells are Kaohe's own.
      (cell as unknown as { _comment?: unknown })._comment = undefined;
    }
  }
  ws.removeConditionalFormatting((cf: { rules?: { formulae?: string[] }[] }) =>
    !(cf.rules ?? []).some((r) => (r.formulae ?? []).some((f) => f.includes(HIGHLIGHT_MARK))),
  );
}

function writeOutputs(ws: Worksheet, plan: WritePlan): void {
  plan.headers.forEach((h, i) => {
    const cell = ws.getCell(plan.headerRow + 1, plan.firstCol + i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  for (const r of plan.rows) {
    r.values.forEach((v, i) => {
      ws.getCell(r.row + 1, plan.firstCol + i + 1).value = v;
    });
  }
  for (const n of plan.notes) ws.getCell(n.row + 1, n.col + 1).note = n.text;
  for (const kind of ["shortfall", "problem"] as const) {
    const refs = plan.highlights.filter((h) => h.kind === kind).map((h) => a1(h.row, h.col));
    if (!refs.length) continue;
    const colors = FILLS[kind];
    ws.addConditionalFormatting({
      ref: refs.join(" "),
      rules: [
        {
          type: "expression",
          priority: 1,
          // Always true; the string names the rule as Kaohe's (ISTEXT of a text literal is TRUE).
          formulae: [`ISTEXT("${HIGHLIGHT_MARK}-${kind}")`],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: colors.fill } }, font: { color: { argb: colors.font } } },
        },
      ],
    });
  }
}

function writeResults(wb: Workbook, plan: WritePlan): void {
  const old = wb.getWorksheet(plan.results.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(plan.results.name);
  plan.results.rows.forEach((row, r) => {
    if (row.length) ws.getRow(r + 1).values = row.map((v) => (v === null ? null : v));
  });
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const widest = Math.max(...plan.results.rows.map((r) => r.length));
  ws.getColumn(1).width = 16;
  for (let c = 2; c < widest; c++) ws.getColumn(c).width = 12;
  ws.getColumn(widest).width = 60; // the reasons
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 4 }];
}

export function applyPlan(wb: Workbook, plan: WritePlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`sheet ${plan.sheet} vanished`);
  clearOwned(ws, plan);
  writeOutputs(ws, plan);
  writeResults(wb, plan);
}
