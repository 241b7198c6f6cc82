/** Applies a write plan to an ExcelJS workbook: outputs beside the table, notes, highlights, results sheet. */
import type { Workbook, Worksheet } from "exceljs";
import { HIGHLIGHT_MARK, HIGHLIGHT_STYLE, highlightRule, type WritePlan } from "../../core/plan/write-plan";
import { a1 } from "../../core/grid";

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
    const argb = (hex: string) => `FF${hex.slice(1)}`;
    const style = HIGHLIGHT_STYLE[kind];
    ws.addConditionalFormatting({
      ref: refs.join(" "),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [highlightRule(kind)],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } }, font: { color: { argb: argb(style.font) } } },
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
