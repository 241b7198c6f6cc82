/**
 * Applies a write plan in a fixed number of syncs whatever the row count: one to see what is left of
 * the previous run, one for all writes, one to record where they went. Only values are written to the
 * user's sheet (no formats), so clearing them restores the sheet exactly; highlights are Kaohe's own
 * conditional formats, recorded by id and deleted by id.
 */
import { a1, rangeA1 } from "../../core/grid";
import { HIGHLIGHT_STYLE, highlightRule, type Highlight, type PlanValue, type WritePlan } from "../../core/plan/write-plan";
import { withoutOutputs, type OwnedRecord, type PaneState } from "../../app/pane-host";
import { serializeState, STATE_KEY } from "./state";

/** Stay well below Excel on the web's 5 MB request limit; larger writes are split across syncs. */
const MAX_BATCH_CHARS = 3_000_000;
const MAX_ADDRESS_CHARS = 2_000;

/** Contiguous cells of one column become one area: B3, B4, B5 → B3:B5. */
export function highlightAreas(cells: ReadonlyArray<Highlight>): string[] {
  const byCol = new Map<number, number[]>();
  for (const h of cells) (byCol.get(h.col) ?? byCol.set(h.col, []).get(h.col))?.push(h.row);
  const areas: string[] = [];
  for (const [col, rows] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0] ?? 0;
    let prev = start;
    for (const r of [...rows.slice(1), Infinity]) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      areas.push(start === prev ? a1(start, col) : `${a1(start, col)}:${a1(prev, col)}`);
      start = r;
      prev = r;
    }
  }
  return areas;
}

/** Areas joined into address lists short enough for one getRanges call each. */
export function chunkAddresses(areas: ReadonlyArray<string>): string[] {
  const chunks: string[] = [];
  let cur = "";
  for (const a of areas) {
    if (cur && cur.length + a.length + 1 > MAX_ADDRESS_CHARS) {
      chunks.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

const cell = (v: PlanValue): string | number => (v === null ? "" : v);

/** The owned block as one rectangle: headers in its first row, unit values on their rows, "" elsewhere. */
export function outputMatrix(plan: WritePlan): (string | number)[][] {
  const { top, left, bottom, right } = plan.owned;
  const width = right - left + 1;
  const m = Array.from({ length: bottom - top + 1 }, () => Array<string | number>(width).fill(""));
  plan.headers.forEach((h, i) => {
    const row = m[plan.headerRow - top];
    if (row) row[plan.firstCol - left + i] = h;
  });
  for (const r of plan.rows) {
    const row = m[r.row - top];
    if (row) r.values.forEach((v, i) => (row[plan.firstCol - left + i] = cell(v)));
  }
  return m;
}

function resultsMatrix(plan: WritePlan): (string | number)[][] {
  const width = Math.max(1, ...plan.results.rows.map((r) => r.length));
  return plan.results.rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i] ?? null)));
}

/** Rows per batch so that no request carries more than MAX_BATCH_CHARS of values. */
function rowBatches(m: (string | number)[][]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let size = 0;
  m.forEach((row, i) => {
    const chars = JSON.stringify(row).length;
    if (size + chars > MAX_BATCH_CHARS && i > start) {
      out.push([start, i]);
      start = i;
      size = 0;
    }
    size += chars;
  });
  out.push([start, m.length]);
  return out;
}

/** Queue the removal of a previous run's outputs (values, highlights, results sheet). */
async function removePrevious(context: Excel.RequestContext, owned: OwnedRecord | undefined): Promise<void> {
  if (!owned) return;
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(owned.sheet);
  const results = sheets.getItemOrNullObject(owned.resultsSheet);
  sheet.load("isNullObject");
  results.load("isNullObject");
  await context.sync();
  if (!sheet.isNullObject) {
    // The session verified the area against the sheet; empty means nothing of Kaohe's is there.
    if (owned.area) sheet.getRange(owned.area).clear("Contents");
    const formats = sheet.getRange().conditionalFormats;
    const cfs = owned.highlights.map((id) => formats.getItemOrNullObject(id)); // ExcelApi 1.14
    cfs.forEach((cf) => cf.load("isNullObject"));
    await context.sync();
    cfs.forEach((cf) => {
      if (!cf.isNullObject) cf.delete();
    });
  }
  if (!results.isNullObject) results.delete();
}

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, state: PaneState): Promise<OwnedRecord> {
  await removePrevious(context, state.owned);
  const sheets = context.workbook.worksheets;
  const ws = sheets.getItem(plan.sheet);
  const { top, left, bottom, right } = plan.owned;
  ws.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1).values = outputMatrix(plan);

  const cfs: Excel.ConditionalFormat[] = [];
  for (const kind of ["shortfall", "problem"] as const) {
    for (const address of chunkAddresses(highlightAreas(plan.highlights.filter((h) => h.kind === kind)))) {
      const cf = ws.getRanges(address).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=${highlightRule(kind)}`;
      cf.custom.format.fill.color = HIGHLIGHT_STYLE[kind].fill;
      cf.custom.format.font.color = HIGHLIGHT_STYLE[kind].font;
      cf.load("id");
      cfs.push(cf);
    }
  }

  // A results sheet of the same name left from an earlier run was deleted above or is the user's
  // (the session never picks a taken name), so adding it is safe.
  const results = sheets.add(plan.results.name);
  const matrix = resultsMatrix(plan);
  const batches = rowBatches(matrix);
  for (const [from, to] of batches) {
    results.getRangeByIndexes(from, 0, to - from, matrix[0]?.length ?? 1).values = matrix.slice(from, to);
    if (to < matrix.length) await context.sync(); // only for very large results
  }
  results.freezePanes.freezeRows(4);
  await context.sync();

  const owned: OwnedRecord = {
    sheet: plan.sheet,
    area: rangeA1(plan.owned),
    resultsSheet: plan.results.name,
    highlights: cfs.map((cf) => cf.id),
  };
  context.workbook.settings.add(STATE_KEY, serializeState({ ...state, owned }));
  await context.sync();
  return owned;
}

export async function clearOutputs(context: Excel.RequestContext, state: PaneState): Promise<void> {
  await removePrevious(context, state.owned);
  context.workbook.settings.add(STATE_KEY, serializeState(withoutOutputs(state)));
  await context.sync();
}

export async function saveState(context: Excel.RequestContext, state: PaneState): Promise<void> {
  context.workbook.settings.add(STATE_KEY, serializeState(state));
  await context.sync();
}
