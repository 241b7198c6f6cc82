/** The smaller blocks: 【指标】, 【细项】, 【综合得分】 and 【分单位目标值】. */
import type { CompositeDoc, IndicatorDoc } from "../schema";
import type { SheetCells } from "./cells";
import { foldLabel } from "./cells";
import {
  ALIAS_SEPARATOR, COMPOSITE_COLUMNS, INDICATOR_COLUMNS, PART_COLUMNS, TOTAL_PART, TYPES, UNIT_COLUMN,
  type CompositeColumn, type IndicatorColumn, type PartColumn,
} from "./layout";

type Sources = Array<[Array<string | number>, number, number]>;

/** obj[key] = value as an own data property, even for a unit named "__proto__". */
function put<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

export function readIndicators(cells: SheetCells, cols: Map<IndicatorColumn, number>, rows: ReadonlyArray<number>, sources: Sources): IndicatorDoc[] {
  const L = INDICATOR_COLUMNS;
  const out: IndicatorDoc[] = [];
  for (const r of rows) {
    const c = (k: IndicatorColumn) => cols.get(k);
    const i = out.length;
    for (const [k, c2] of cols) sources.push([["indicators", i, k === "type" ? "type" : k], r, c2]);
    sources.push([["indicators", i], r, c("name") ?? 0]);
    const name = cells.text(r, c("name") ?? 0)?.trim();
    if (name === undefined) cells.problem("rubricSheet.required", r, c("name") ?? 0, { label: L.name });
    const typeCol = c("type");
    const type = typeCol === undefined ? undefined : cells.choice(r, typeCol, L.type, TYPES);
    if (type === undefined && typeCol !== undefined && cells.blank(r, typeCol)) cells.problem("rubricSheet.required", r, typeCol, { label: L.type });
    const opt = (k: IndicatorColumn) => (c(k) === undefined ? undefined : cells.text(r, c(k) as number));
    const num = (k: IndicatorColumn) => (c(k) === undefined ? undefined : cells.number(r, c(k) as number, L[k], "rate"));
    const aliases = opt("aliases")?.split(ALIAS_SEPARATOR).map((a) => a.trim()).filter((a) => a !== "");
    const required = c("required") === undefined ? undefined : cells.yesNo(r, c("required") as number, L.required);
    const derive = opt("derive");
    const min = num("min");
    const max = num("max");
    out.push({
      name: name ?? "", type: type ?? "number",
      ...(aliases?.length && { aliases }), required: required ?? true,
      ...(derive !== undefined && { derive }), ...(min !== undefined && { min }), ...(max !== undefined && { max }),
    });
  }
  return out;
}

export interface ReadPart {
  item: string;
  part: { name: string; max: number };
  row: number;
  col: number;
}

export function readParts(cells: SheetCells, cols: Map<PartColumn, number>, rows: ReadonlyArray<number>): ReadPart[] {
  const L = PART_COLUMNS;
  const out: ReadPart[] = [];
  let item: string | undefined;
  for (const r of rows) {
    const ic = cols.get("item") as number;
    const named = cells.text(r, ic)?.trim();
    if (named !== undefined) item = named;
    if (item === undefined) {
      cells.problem("rubricSheet.required", r, ic, { label: L.item });
      continue;
    }
    const name = cells.text(r, cols.get("name") as number);
    const max = cells.number(r, cols.get("max") as number, L.max);
    if (name === undefined) cells.problem("rubricSheet.required", r, cols.get("name") as number, { label: L.name });
    if (max === undefined && cells.blank(r, cols.get("max") as number)) cells.problem("rubricSheet.required", r, cols.get("max") as number, { label: L.max });
    if (name !== undefined && max !== undefined) out.push({ item, part: { name, max }, row: r, col: ic });
  }
  return out;
}

export function readComposites(cells: SheetCells, cols: Map<CompositeColumn, number>, rows: ReadonlyArray<number>, sources: Sources): CompositeDoc[] {
  const L = COMPOSITE_COLUMNS;
  const out: CompositeDoc[] = [];
  for (const r of rows) {
    const nc = cols.get("name") as number;
    const name = cells.text(r, nc)?.trim();
    let current = out[out.length - 1];
    if (name !== undefined && name !== current?.name) {
      current = { name, parts: [] };
      sources.push([["composites", out.length], r, nc]);
      out.push(current);
    }
    if (!current) {
      cells.problem("rubricSheet.required", r, nc, { label: L.name });
      continue;
    }
    const pc = cols.get("part") as number;
    const wc = cols.get("weight") as number;
    const part = cells.text(r, pc)?.trim();
    const weight = cells.number(r, wc, L.weight);
    if (part === undefined) cells.problem("rubricSheet.required", r, pc, { label: L.part });
    if (weight === undefined && cells.blank(r, wc)) cells.problem("rubricSheet.required", r, wc, { label: L.weight });
    const j = current.parts.length;
    const path = ["composites", out.length - 1, "parts", j];
    sources.push([path, r, pc], [[...path, "weight"], r, wc], [[...path, "indicator"], r, pc]);
    current.parts.push(part === TOTAL_PART ? { total: true, weight: weight ?? 0 } : { indicator: part ?? "", weight: weight ?? 0 });
  }
  return out;
}

/** 单位 | 表甲 | 表乙 …: one row per unit; a blank cell is no target for that unit. */
export function readUnitTargets(cells: SheetCells, header: number | undefined, rows: ReadonlyArray<number>, sources: Sources): Record<string, Record<string, number>> | undefined {
  if (header === undefined) return undefined;
  const width = cells.grid.rows[header]?.length ?? 0;
  const first = cells.text(header, 0);
  if (first === undefined || foldLabel(first) !== foldLabel(UNIT_COLUMN)) {
    cells.problem("rubricSheet.missingColumn", header, 0, { label: UNIT_COLUMN, block: "【分单位目标值】" });
    return undefined;
  }
  const tables: Array<[number, string]> = [];
  for (let c = 1; c < width; c++) {
    const t = cells.text(header, c)?.trim();
    if (t !== undefined) tables.push([c, t]);
  }
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const unit = cells.text(r, 0)?.trim();
    if (unit === undefined) {
      cells.problem("rubricSheet.required", r, 0, { label: UNIT_COLUMN });
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(out, unit)) {
      cells.problem("rubricSheet.duplicateLabel", r, 0, { value: unit });
      continue;
    }
    const row: Record<string, number> = {};
    for (const [c, table] of tables) {
      const v = cells.number(r, c, table, "rate");
      if (v !== undefined) put(row, table, v);
      sources.push([["unitTargets", unit, table], r, c]);
    }
    put(out, unit, row);
  }
  return out;
}
