/**
 * Finds the table in a sheet: the header row (below titles and notes, with up to two header rows
 * whose upper one holds merged group headings), the unit column, which column answers each
 * indicator, and which rows are units (not blank, not 合计/总计 summary rows, not notes).
 */
import { type CellRange, type Grid, a1, columnIndex, columnLetter, displayValue, isBlank } from "../grid";
import { issue, type Issue } from "../issue";
import type { Formula } from "../formula";
import type { Indicator, Rubric } from "../rubric/model";
import { closest, fold, normalizeName, visible } from "../text";
import { MergedView } from "./merged";

export interface HeaderColumn {
  col: number;
  /** What the user reads: "group / leaf" for two-row headers. */
  text: string;
  keys: string[];
}

export interface UnitRow {
  row: number;
  unit: string;
  category?: string;
}

export interface TableLayout {
  sheet: string;
  headerTop: number;
  headerRow: number;
  unitCol: number;
  /** indicator key → column */
  columns: ReadonlyMap<string, number>;
  categoryCol?: number;
  headers: ReadonlyArray<HeaderColumn>;
  units: ReadonlyArray<UnitRow>;
  /** Last column of the table (last header) and last row read. */
  lastCol: number;
  lastRow: number;
}

/** Manual mapping from the task pane: indicator name → header text or column letter. */
export type ColumnMapping = Readonly<Record<string, string>>;

const HEADER_SCAN_ROWS = 40;
// 村(居), 村(社区) and 镇(街道) match as 村 and 镇: normalizeName drops a trailing bracket.
const UNIT_HEADERS = [
  "单位", "单位名称", "名称", "被考核单位", "考核单位", "社区", "社区名称", "村", "村名", "村居",
  "镇", "乡镇", "镇街", "街道", "区", "区县", "县", "县区", "地区", "unit", "name",
].map(normalizeName);
// Summary rows are recognised by what they are, never by a prefix of a unit's name (Summerhill,
// 全镇村 and 小计村 are units): an exact summary label ("合计", "全镇合计", "Grand total"), a
// name ending in a summary word ("城区小计"), or a summary-like name on a row with no data.
// They are tested on normalizeName's lower-cased labels.
const SUMMARY_WORD = "合计|总计|小计|累计|汇总|平均|平均值|均值";
const REGION = "全县|全区|全市|全镇|全乡|全街道|全省|全村|全社区";
const SUMMARY_LABEL = new RegExp(`^((${REGION})(${SUMMARY_WORD})?|(${SUMMARY_WORD})|total|totals|grandtotal|subtotal|sum|average|mean|overall)$`);
const SUMMARY_SUFFIX = /.(合计|总计|小计|汇总)$/u;
const SUMMARY_LIKE = new RegExp(`^(${SUMMARY_WORD}|${REGION}|total|sum|average)`);
const NOTES = /^(注|说明|备注|填表|制表|审核|负责人|单位负责人|填报|联系人|note)/i;

/** A leaf answers alone and with its group ("人口" + "出生率"); a group over no leaf answers alone. */
function headerKeys(leaf: string, group: string): string[] {
  const keys = new Set([normalizeName(leaf), normalizeName(group + leaf)]);
  keys.delete("");
  return [...keys];
}

function rowScore(view: MergedView, row: number, rubric: Rubric): number {
  let score = 0;
  const matched = new Set<string>();
  for (let c = 0; c < view.width; c++) {
    const key = normalizeName(view.text(row, c));
    if (!key) continue;
    const ind = rubric.byKey.get(key);
    if (ind && !matched.has(ind.key)) {
      matched.add(ind.key);
      score += 1;
    } else if (UNIT_HEADERS.includes(key)) score += 0.5;
  }
  return score;
}

/** Without any rubric match: the first row with several text cells that is followed by a row holding numbers. */
function fallbackHeaderRow(view: MergedView, rows: number): number | undefined {
  for (let r = 0; r < Math.min(rows - 1, HEADER_SCAN_ROWS); r++) {
    const texts = view.distinct(r).filter((v) => !/^[\d.\s%‰-]+$/.test(v));
    if (texts.length < 2) continue;
    for (let c = 0; c < view.width; c++) if (typeof view.value(r + 1, c) === "number") return r;
  }
  return undefined;
}

function findHeaderRow(view: MergedView, rubric: Rubric): number | undefined {
  const rows = view.grid.rows.length;
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(rows, HEADER_SCAN_ROWS); r++) {
    const s = rowScore(view, r, rubric);
    // ">=" prefers the lower row: vertical merges repeat a heading in the row below.
    if (s >= bestScore && s > 0.5) {
      best = r;
      bestScore = s;
    }
  }
  return best >= 0 ? best : fallbackHeaderRow(view, rows);
}

/** The row above is a group-heading row when it holds several headings or a merge narrower than the table. */
function headerTopFor(view: MergedView, headerRow: number, tableWidth: number): number {
  const above = headerRow - 1;
  if (above < 0) return headerRow;
  const values = view.distinct(above);
  if (values.length === 0) return headerRow;
  let narrowMerge = false;
  for (let c = 0; c < tableWidth; c++) {
    const m = view.merge(above, c);
    if (m && m.right > m.left && m.right - m.left + 1 < tableWidth - 1) narrowMerge = true;
  }
  // A title or a note is one value spanning (or alone in) the row.
  return values.length >= 2 || narrowMerge ? above : headerRow;
}

function readHeaders(view: MergedView, top: number, row: number): HeaderColumn[] {
  const headers: HeaderColumn[] = [];
  for (let c = 0; c < view.width; c++) {
    const leaf = view.text(row, c);
    // A one-row header (top === row) reads its own text as the group, which g drops.
    const group = view.text(top, c);
    const g = group && group !== leaf ? group : "";
    if (!leaf && !g) continue;
    headers.push({ col: c, text: g && leaf ? `${g} / ${leaf}` : leaf || g, keys: headerKeys(leaf, g) });
  }
  return headers;
}

function mapColumns(
  rubric: Rubric,
  headers: HeaderColumn[],
  mapping: ColumnMapping,
  sheet: string,
  issues: Issue[],
): Map<string, number> {
  const columns = new Map<string, number>();
  const manual = manualColumns(rubric, headers, mapping, sheet, issues);
  for (const ind of rubric.indicators) {
    const chosen = manual.get(ind.key);
    if (chosen !== undefined) {
      columns.set(ind.key, chosen);
      continue;
    }
    const hits = headers.filter((h) => h.keys.some((k) => ind.keys.includes(k)));
    const first = hits[0];
    if (first) columns.set(ind.key, first.col);
    if (hits.length > 1) {
      issues.push(
        issue("column.duplicate", { name: ind.name, used: columnLetter(first?.col ?? 0), ignored: hits.slice(1).map((h) => columnLetter(h.col)).join(", ") }, { sheet, severity: "warning" }),
      );
    }
  }
  return columns;
}

/**
 * Columns chosen by hand (indicator name or alias → column letter or header text). Every entry
 * that cannot be honoured is an error naming the indicator and the column: an unknown indicator,
 * a header that is not there, a letter that is no column or lies outside the table.
 */
function manualColumns(rubric: Rubric, headers: HeaderColumn[], mapping: ColumnMapping, sheet: string, issues: Issue[]): Map<string, number> {
  const out = new Map<string, number>();
  const first = headers[0]?.col ?? 0;
  const last = headers[headers.length - 1]?.col ?? 0;
  for (const [name, raw] of Object.entries(mapping)) {
    const column = raw.trim();
    const ind = rubric.byKey.get(normalizeName(name));
    if (!ind) {
      issues.push(issue("map.unknownIndicator", { name, column }, { sheet }));
      continue;
    }
    const byHeader = headers.find((h) => h.text === column || h.keys.includes(normalizeName(column)))?.col;
    if (byHeader !== undefined) {
      out.set(ind.key, byHeader);
      continue;
    }
    const letter = /^[A-Za-z]{1,3}$/.test(column) ? columnIndex(column) : undefined;
    if (letter === undefined) issues.push(issue("map.noColumn", { name, column, why: "missing" }, { sheet }));
    else if (letter < first || letter > last) {
      issues.push(issue("map.noColumn", { name, column, why: "outside", first: columnLetter(first), last: columnLetter(last) }, { sheet }));
    } else out.set(ind.key, letter);
  }
  return out;
}

/**
 * How the sheet answers an indicator: its own column; derived from columns that are there; not
 * needed (an optional input of a derivation whose result has its own column); or missing.
 */
export type IndicatorStatus = "column" | "derived" | "unneeded" | "missing";

function indicatorStatus(rubric: Rubric, columns: ReadonlyMap<string, number>): Map<string, IndicatorStatus> {
  const withColumn = rubric.indicators.filter((i): i is Indicator & { derive: Formula } => i.derive !== undefined && columns.has(i.key));
  const unneeded = new Set(withColumn.flatMap((i) => i.derive.names));
  const derivable = (ind: Indicator) =>
    !!ind.derive &&
    ind.derive.names.every((n) => {
      const dep = rubric.byKey.get(n);
      // A derivation reading itself is refused when the rubric compiles (and has no column here anyway).
      return dep !== undefined && columns.has(dep.key);
    });
  return new Map(
    rubric.indicators.map((ind): [string, IndicatorStatus] => [
      ind.key,
      columns.has(ind.key) ? "column" : derivable(ind) ? "derived" : !ind.required && ind.keys.some((k) => unneeded.has(k)) ? "unneeded" : "missing",
    ]),
  );
}

function findUnitColumn(view: MergedView, headers: HeaderColumn[], mapped: Set<number>, headerRow: number): number | undefined {
  const byHeader = headers.find((h) => h.keys.some((k) => UNIT_HEADERS.includes(k)) && !mapped.has(h.col));
  if (byHeader) return byHeader.col;
  // Otherwise the first column whose data cells are mostly text.
  const rows = view.grid.rows.length;
  for (const h of headers) {
    if (mapped.has(h.col)) continue;
    let text = 0;
    let nonBlank = 0;
    for (let r = headerRow + 1; r < Math.min(rows, headerRow + 200); r++) {
      const v = view.value(r, h.col);
      if (isBlank(v)) continue;
      nonBlank++;
      if (typeof v === "string" && !/^[\d.,\s%‰-]+$/.test(v)) text++;
    }
    if (text * 2 > nonBlank) return h.col; // never with no data: text <= nonBlank
  }
  return undefined;
}

function readUnits(
  view: MergedView,
  layout: { headerRow: number; unitCol: number; columns: ReadonlyMap<string, number>; categoryCol?: number },
  sheet: string,
  issues: Issue[],
): { units: UnitRow[]; lastRow: number } {
  const units: UnitRow[] = [];
  const seen = new Map<string, number>();
  const dataCols = [...layout.columns.values()];
  let lastRow = layout.headerRow;
  for (let r = layout.headerRow + 1; r < view.grid.rows.length; r++) {
    // Shown as written (trimmed, runs of spaces collapsed); matched folded (full-width, spaces).
    const name = displayValue(view.grid.rows[r]?.[layout.unitCol]?.value ?? null).trim().replace(/\s+/g, " ");
    const key = fold(name);
    const hasData = dataCols.some((c) => !isBlank(view.grid.rows[r]?.[c]?.value ?? null));
    // A name of only invisible characters (zero-width space, BOM) folds to nothing: no name.
    if (!key && !hasData) continue; // blank row
    lastRow = r;
    if (!key) {
      issues.push(issue("value.missing", { what: "unit" }, { sheet, cell: a1(r, layout.unitCol), severity: "warning" }));
      continue;
    }
    const label = normalizeName(name);
    if (SUMMARY_LABEL.test(label) || SUMMARY_SUFFIX.test(label) || (!hasData && SUMMARY_LIKE.test(label))) {
      issues.push(issue("table.summarySkipped", { unit: name }, { sheet, cell: a1(r, layout.unitCol), unit: name, severity: "warning" }));
      continue;
    }
    if (!hasData && (NOTES.test(key) || key.length > 30)) continue;
    const prev = seen.get(key);
    if (prev !== undefined) {
      issues.push(issue("unit.duplicate", { unit: name, first: a1(prev, layout.unitCol) }, { sheet, cell: a1(r, layout.unitCol), unit: name, severity: "warning" }));
    }
    seen.set(key, r);
    const unit: UnitRow = { row: r, unit: name };
    if (layout.categoryCol !== undefined) {
      const cat = displayValue(view.grid.rows[r]?.[layout.categoryCol]?.value ?? null).trim();
      if (cat) unit.category = cat;
    }
    units.push(unit);
  }
  return { units, lastRow };
}

/** What was found even when the table cannot be scored yet (missing columns): for mapping by hand. */
export interface PartialLayout {
  headerRow: number;
  headerTop: number;
  headers: ReadonlyArray<HeaderColumn>;
  columns: ReadonlyMap<string, number>;
  /** indicator key → how the sheet answers it */
  status: ReadonlyMap<string, IndicatorStatus>;
}

/**
 * `ownedArea` (Kaohe's record): the columns Kaohe wrote on an earlier run. They are not part of the
 * user's table: never matched, suggested, or counted in its width.
 */
export function locateTable(
  grid: Grid,
  rubric: Rubric,
  mapping: ColumnMapping = {},
  ownedArea?: CellRange,
): { layout?: TableLayout; partial?: PartialLayout; issues: Issue[] } {
  const sheet = grid.sheet;
  const issues: Issue[] = [];
  if (grid.rows.every((r) => !r || r.every((c) => isBlank(c?.value)))) {
    return { issues: [issue("table.empty", {}, { sheet })] };
  }
  const view = new MergedView(grid);
  const headerRow = findHeaderRow(view, rubric);
  if (headerRow === undefined) return { issues: [issue("table.noHeader", { rows: HEADER_SCAN_ROWS }, { sheet })] };

  const firstPass = readHeaders(view, headerRow, headerRow);
  const tableWidth = (firstPass[firstPass.length - 1]?.col ?? 0) + 1;
  const headerTop = headerTopFor(view, headerRow, tableWidth);
  const ours = (col: number) => ownedArea !== undefined && col >= ownedArea.left && col <= ownedArea.right;
  const headers = readHeaders(view, headerTop, headerRow).filter((h) => !ours(h.col));

  const columns = mapColumns(rubric, headers, mapping, sheet, issues);
  const status = indicatorStatus(rubric, columns);
  for (const ind of rubric.indicators) {
    if (status.get(ind.key) !== "missing") continue;
    const near = closest(ind.name, headers.map((h) => h.text));
    // The suggestion shows invisible characters escaped (it would print identically otherwise),
    // and the problem is placed on that header cell, not on the table's first cell.
    const nearCol = headers.find((h) => h.text === near)?.col;
    const params = { name: ind.name, closest: near === undefined ? "" : visible(near), sheet };
    const cell = a1(headerRow, nearCol ?? 0);
    if (ind.required) issues.push(issue("column.missing", params, { sheet, cell }));
    else issues.push(issue("column.optionalMissing", params, { sheet, severity: "warning", ...(nearCol !== undefined && { cell }) }));
  }
  const partial: PartialLayout = { headerRow, headerTop, headers, columns, status };
  if (issues.some((i) => i.severity === "error")) return { issues, partial };

  const mapped = new Set(columns.values());
  const unitCol = findUnitColumn(view, headers, mapped, headerRow);
  if (unitCol === undefined) return { partial, issues: [...issues, issue("table.noUnitColumn", { row: headerRow + 1 }, { sheet, cell: a1(headerRow, 0) })] };

  let categoryCol: number | undefined;
  if (rubric.categoryColumn) {
    const key = normalizeName(rubric.categoryColumn);
    categoryCol = headers.find((h) => h.keys.includes(key))?.col;
    if (categoryCol === undefined) {
      issues.push(issue("column.optionalMissing", { name: rubric.categoryColumn, closest: "", sheet }, { sheet, severity: "warning" }));
    }
  }
  const { units, lastRow } = readUnits(view, { headerRow, unitCol, columns, ...(categoryCol !== undefined && { categoryCol }) }, sheet, issues);
  if (units.length === 0) issues.push(issue("table.noUnits", { row: headerRow + 1 }, { sheet, cell: a1(headerRow, unitCol) }));

  const lastCol = headers[headers.length - 1]?.col ?? unitCol;
  const layout: TableLayout = {
    sheet, headerTop, headerRow, unitCol, columns, headers, units, lastCol, lastRow,
    ...(categoryCol !== undefined && { categoryCol }),
  };
  return { layout, partial, issues };
}
