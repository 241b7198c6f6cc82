/**
 * 【考核项目】: one row per rule. A row with a new 考核项目 starts an item (its 分值, 扣完为止/封顶
 * and 评分标准 are read there); rows with the 考核项目 blank (or merged down) add rules to it. 类别
 * left blank continues the one above; items above the first 类别 have none. Rows whose 计分方式 is
 * a kind of 一票否决 are the rubric's vetoes, wherever they stand.
 */
import type { ItemDoc, RuleDoc, TargetRef, VetoDoc } from "../schema";
import type { SheetCells } from "./cells";
import { readShapeRule } from "./read-shapes";
import {
  COLUMN_PREFIX, DIRECTIONS, FLOORS, ITEM_COLUMNS, KIND_COLUMNS, KINDS, ROUNDINGS, RULE_COLUMNS, UNIT_TABLE_PREFIX,
  CATEGORY_SEPARATOR, CATEGORY_SPLIT, type Direction, type Kind, type RuleColumn,
} from "./layout";
import { parseEffect } from "./grade-effect";

type Path = Array<string | number>;
/** Where each field of a rule or item was read: rubric path suffix → [row, col]. */
type Sources = Array<[Path, number, number]>;

export interface ReadItem {
  item: ItemDoc;
  section: string | undefined;
  sources: Sources;
}

export interface ReadRules {
  items: ReadItem[];
  vetoes: { veto: VetoDoc; sources: Sources }[];
}

const L = RULE_COLUMNS;

function target(cells: SheetCells, row: number, col: number, label: string): TargetRef | undefined {
  const t = cells.text(row, col);
  if (t === undefined) return undefined;
  const trimmed = t.trim();
  for (const [prefix, make] of [
    [COLUMN_PREFIX, (n: string): TargetRef => ({ column: n })],
    [UNIT_TABLE_PREFIX, (n: string): TargetRef => ({ unitTable: n })],
  ] as const) {
    // 列：名称 or 列:名称
    const bare = prefix.slice(0, -1);
    if (trimmed.startsWith(bare) && /^[:：]/.test(trimmed.slice(bare.length))) return make(trimmed.slice(bare.length + 1).trim());
  }
  return cells.number(row, col, label, "rate");
}

export class RuleRow {
  readonly sources: Sources = [];
  constructor(readonly cells: SheetCells, readonly row: number, readonly cols: Map<RuleColumn, number>) {}

  col(k: RuleColumn): number | undefined {
    return this.cols.get(k);
  }
  has(k: RuleColumn): boolean {
    const c = this.col(k);
    return c !== undefined && !this.cells.blank(this.row, c);
  }
  mark(path: Path, k: RuleColumn): void {
    const c = this.col(k);
    if (c !== undefined) this.sources.push([path, this.row, c]);
  }
  text(k: RuleColumn, path: Path): string | undefined {
    this.mark(path, k);
    const c = this.col(k);
    return c === undefined ? undefined : this.cells.text(this.row, c);
  }
  /** Text the rule cannot do without. */
  need(k: RuleColumn, path: Path): string {
    const v = this.text(k, path);
    if (v === undefined) this.cells.problem("rubricSheet.required", this.row, this.col(k) ?? 0, { label: L[k] });
    return v ?? "";
  }
  number(k: RuleColumn, path: Path, mode: "rate" | "plain" = "plain"): number | undefined {
    this.mark(path, k);
    const c = this.col(k);
    return c === undefined ? undefined : this.cells.number(this.row, c, L[k], mode);
  }
  target(k: RuleColumn, path: Path): TargetRef | undefined {
    this.mark(path, k);
    const c = this.col(k);
    const t = c === undefined ? undefined : target(this.cells, this.row, c, L[k]);
    if (t === undefined && !this.has(k)) this.cells.problem("rubricSheet.required", this.row, c ?? 0, { label: L[k] });
    return t;
  }
  yesNo(k: RuleColumn): boolean | undefined {
    const c = this.col(k);
    return c === undefined ? undefined : this.cells.yesNo(this.row, c, L[k]);
  }
  direction<T extends Direction>(accept: ReadonlyArray<T>): T | undefined {
    const c = this.col("direction");
    return c === undefined ? undefined : (this.cells.choice(this.row, c, L.direction, DIRECTIONS, accept) as T | undefined);
  }
}

/** The rule on this row; undefined (with problems) when a cell cannot be read. */
function readRule(r: RuleRow, kind: Exclude<Kind, `veto.${string}`>): RuleDoc {
  const label = r.text("note", ["label"]);
  const lab = label === undefined ? {} : { label };
  const points = r.number("points", ["points"]);
  const pts = points === undefined ? {} : { points };
  switch (kind) {
    case "target": {
      const rounding = r.col("rounding") === undefined ? undefined : r.cells.choice(r.row, r.col("rounding") as number, L.rounding, ROUNDINGS);
      return {
        type: "target", indicator: r.need("indicator", ["indicator"]), target: r.target("target", ["target"]) ?? 0,
        direction: r.direction(["atLeast", "atMost"] as const) ?? "atLeast", ...pts,
        step: r.number("step", ["step"]) ?? 1, rounding: rounding ?? "none", inclusive: r.yesNo("inclusive") ?? true, ...lab,
      };
    }
    case "perCount":
      if (points === undefined) r.cells.problem("rubricSheet.required", r.row, r.col("points") ?? 0, { label: L.points });
      return { type: "perCount", indicator: r.need("indicator", ["indicator"]), points: points ?? 0, ...lab };
    case "check":
      return { type: "check", indicator: r.need("indicator", ["indicator"]), ...pts, when: r.direction(["whenFalse", "whenTrue"] as const) === "whenTrue", ...lab };
    case "range": {
      const previous = r.text("previous", ["orToward", "previous"]);
      const minChange = r.number("minChange", ["orToward", "minChange"]);
      if (previous === undefined && minChange !== undefined) r.cells.problem("rubricSheet.required", r.row, r.col("previous") ?? 0, { label: L.previous });
      const lowerThan = r.text("lowerThan", ["orLowerThan"]);
      return {
        type: "range", indicator: r.need("indicator", ["indicator"]), min: r.target("target", ["min"]) ?? 0, max: r.target("upper", ["max"]) ?? 0,
        ...(lowerThan !== undefined && { orLowerThan: lowerThan }),
        ...(previous !== undefined && { orToward: { previous, minChange: minChange ?? 0 } }),
        ...pts, ...lab,
      };
    }
    case "improvement":
      return {
        type: "improvement", indicator: r.need("indicator", ["indicator"]), previous: r.need("previous", ["previous"]),
        direction: r.direction(["higher", "lower"] as const) ?? "higher", ...pts, ...lab,
      };
    case "enteredScore":
      return { type: "enteredScore", indicator: r.need("indicator", ["indicator"]), ...lab };
    case "formula":
      return { type: "formula", points: r.need("formula", ["points"]), reason: r.need("note", ["reason"]) };
    default:
      return readShapeRule(r, kind, lab);
  }
}

/** 适用类别: 街道、乡镇 → ["街道", "乡镇"]; blank → every unit. */
const categoryList = (text: string | undefined) => text?.split(CATEGORY_SPLIT).map((c) => c.trim()).filter((c) => c !== "");

function readVeto(r: RuleRow, kind: Extract<Kind, `veto.${string}`>): VetoDoc {
  const effect = r.text("vetoGrade", ["grade"]);
  const g = effect === undefined ? {} : { grade: parseEffect(effect) };
  if (kind === "veto.fact") return { type: "fact", when: r.need("veto", ["when"]), reason: r.need("note", ["reason"]), ...g };
  if (kind === "veto.anyMissed") return { type: "anyMissed", ...g };
  const c = r.col("target");
  const value = c === undefined ? undefined : r.cells.number(r.row, c, L.target);
  if (c !== undefined) r.sources.push([["value"], r.row, c]);
  if (value === undefined && !r.has("target")) r.cells.problem("rubricSheet.required", r.row, c ?? 0, { label: L.target });
  return { type: "totalBelow", value: value ?? 0, inclusive: r.yesNo("inclusive") ?? false, ...g };
}

/** Cells this kind does not use must be blank: a filled one is an error, not silently dropped. */
function checkUnused(r: RuleRow, kind: Kind): void {
  const used = new Set<RuleColumn>([...KIND_COLUMNS[kind], "kind", ...(kind.startsWith("veto.") ? [] : ITEM_COLUMNS)]);
  if (kind.startsWith("veto.")) used.add("section").add("item");
  for (const [k, c] of r.cols) {
    if (!used.has(k) && !r.cells.blank(r.row, c)) {
      r.cells.problem("rubricSheet.notApplicable", r.row, c, { label: L[k], kind: KINDS.find(([v]) => v === kind)?.[1] ?? kind });
    }
  }
}

export function readRules(cells: SheetCells, cols: Map<RuleColumn, number>, rows: ReadonlyArray<number>): ReadRules {
  const out: ReadRules = { items: [], vetoes: [] };
  let section: string | undefined;
  let current: ReadItem | undefined;
  const kindCol = cols.get("kind") as number;
  for (const row of rows) {
    const r = new RuleRow(cells, row, cols);
    const kind = cells.choice(row, kindCol, L.kind, KINDS);
    if (kind === undefined && r.has("kind")) continue;
    if (kind !== undefined) checkUnused(r, kind);
    if (kind?.startsWith("veto.")) {
      const veto = readVeto(r, kind as Extract<Kind, `veto.${string}`>);
      out.vetoes.push({ veto, sources: [[[], row, kindCol], ...r.sources] });
      continue;
    }
    const sec = r.has("section") ? cells.text(row, cols.get("section") as number) : undefined;
    const name = r.has("item") ? (cells.text(row, cols.get("item") as number) ?? "").trim() : undefined;
    const newSection = sec !== undefined && sec !== section;
    if (sec !== undefined) section = sec;
    if (name !== undefined && (newSection || !current || name !== current.item.name)) {
      // The item as a whole (an item with no rule at all) is shown at its name.
      const itemSources: Sources = [[[], row, cols.get("item") as number], [["name"], row, cols.get("item") as number]];
      const max = r.number("max", ["max"]);
      const floorCol = cols.get("floor");
      const floor = floorCol === undefined ? undefined : cells.choice(row, floorCol, L.floor, FLOORS);
      const description = r.text("itemText", ["description"]);
      const categories = categoryList(r.text("categories", ["categories"]));
      itemSources.push(...r.sources.splice(0));
      current = {
        item: {
          name, ...(max !== undefined && { max }), bonus: floor === "bonus", rules: [], ...(description !== undefined && { description }),
          ...(categories?.length && { categories }),
        },
        section,
        sources: itemSources,
      };
      out.items.push(current);
    } else if (!current || (newSection && name === undefined)) {
      cells.problem("rubricSheet.noItem", row, cols.get("item") ?? 0, { label: L.item });
      continue;
    } else {
      checkItemCellsAgree(r, current);
    }
    if (kind === undefined) {
      if (RULE_KEYS_OF_RULE.some((k) => r.has(k))) cells.problem("rubricSheet.required", row, kindCol, { label: L.kind });
      continue;
    }
    const rule = readRule(r, kind as Exclude<Kind, `veto.${string}`>);
    const i = current.item.rules.length;
    current.item.rules.push(rule);
    for (const [p, rr, c] of r.sources) current.sources.push([["rules", i, ...p], rr, c]);
    current.sources.push([["rules", i], row, kindCol]);
  }
  return out;
}

const RULE_KEYS_OF_RULE = (Object.keys(RULE_COLUMNS) as RuleColumn[]).filter((k) => !ITEM_COLUMNS.includes(k) && k !== "kind");

/** On an item's later rows, 分值 / 扣完为止 / 评分标准 are left blank or repeat the first row's. */
function checkItemCellsAgree(r: RuleRow, current: ReadItem): void {
  const it = current.item;
  const first: Partial<Record<RuleColumn, string>> = {
    max: it.max === undefined ? undefined : String(it.max),
    floor: FLOORS.find(([v]) => v === (it.bonus ? "bonus" : "deduct"))?.[1],
    itemText: it.description,
    categories: it.categories?.join(CATEGORY_SEPARATOR),
  };
  for (const k of ["max", "floor", "itemText", "categories"] as const) {
    const c = r.col(k);
    if (c === undefined || r.cells.blank(r.row, c)) continue;
    const text = r.cells.text(r.row, c) ?? "";
    const v = k === "max" ? String(r.cells.number(r.row, c, L.max) ?? "") : k === "categories" ? (categoryList(text) ?? []).join(CATEGORY_SEPARATOR) : text;
    if (v !== (first[k] ?? "")) r.cells.problem("rubricSheet.inconsistent", r.row, c, { label: L[k], item: it.name, value: v, first: first[k] ?? "" });
  }
}
