/** Any rubric document as a 评分细则 sheet: rows of values and the drop-downs of its closed choices. */
import { a1, columnLetter } from "../../grid";
import type { IndicatorDoc, ItemDoc, RubricDoc, RuleDoc, TargetRef, VetoDoc } from "../schema";
import { bandsText } from "./bands-text";
import {
  ALIAS_SEPARATOR, BETTER, BLOCKS, COLUMN_PREFIX, RUN_BEST, RUN_WORST, COMPOSITE_COLUMNS, DIRECTIONS, FLOORS, INDICATOR_COLUMNS, INFO, KINDS, MODES,
  PART_COLUMNS, ROUNDINGS, RULE_COLUMNS, SHEET_NAME, TOTAL_PART, TYPES, UNIT_COLUMN, UNIT_TABLE_PREFIX, YES_NO,
  choiceLabel, choiceLabels, type RuleColumn,
  CATEGORY_SEPARATOR, GRADE_COLUMNS, QUOTA_ROUNDINGS, TIES,
} from "./layout";
import { effectText } from "./grade-effect";

export type SheetValue = string | number | null;

/** A drop-down: every cell of `ref` (A1 range) offers `list`. */
export interface SheetValidation {
  ref: string;
  list: ReadonlyArray<string>;
}

export interface RubricSheet {
  name: string;
  rows: SheetValue[][];
  validations: SheetValidation[];
  /** Rows of block titles and column names (shown in bold in a file). */
  headings: number[];
}

const RULE_KEYS = Object.keys(RULE_COLUMNS) as RuleColumn[];
const col = (k: RuleColumn) => RULE_KEYS.indexOf(k);
const yesNo = (b: boolean) => choiceLabel(YES_NO, b);
const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function targetCell(t: TargetRef): SheetValue {
  if (typeof t === "number") return t;
  return "column" in t ? `${COLUMN_PREFIX}${t.column}` : `${UNIT_TABLE_PREFIX}${t.unitTable}`;
}

function ruleCells(rule: RuleDoc): Partial<Record<RuleColumn, SheetValue>> {
  switch (rule.type) {
    case "target":
      return {
        kind: choiceLabel(KINDS, "target"), indicator: rule.indicator, target: targetCell(rule.target),
        direction: choiceLabel(DIRECTIONS, rule.direction), inclusive: yesNo(rule.inclusive), step: rule.step,
        points: opt(rule.points), rounding: choiceLabel(ROUNDINGS, rule.rounding), note: opt(rule.label),
      };
    case "perCount":
      return { kind: choiceLabel(KINDS, "perCount"), indicator: rule.indicator, points: rule.points, note: opt(rule.label) };
    case "check":
      return {
        kind: choiceLabel(KINDS, "check"), indicator: rule.indicator, direction: choiceLabel(DIRECTIONS, rule.when ? "whenTrue" : "whenFalse"),
        points: opt(rule.points), note: opt(rule.label),
      };
    case "range":
      return {
        kind: choiceLabel(KINDS, "range"), indicator: rule.indicator, target: targetCell(rule.min), upper: targetCell(rule.max),
        points: opt(rule.points), previous: opt(rule.orToward?.previous), minChange: opt(rule.orToward?.minChange),
        lowerThan: opt(rule.orLowerThan), note: opt(rule.label),
      };
    case "improvement":
      return {
        kind: choiceLabel(KINDS, "improvement"), indicator: rule.indicator, direction: choiceLabel(DIRECTIONS, rule.direction),
        previous: rule.previous, points: opt(rule.points), note: opt(rule.label),
      };
    case "enteredScore":
      return { kind: choiceLabel(KINDS, "enteredScore"), indicator: rule.indicator, note: opt(rule.label) };
    case "formula":
      return { kind: choiceLabel(KINDS, "formula"), formula: rule.points, note: rule.reason };
    default:
      return shapeCells(rule);
  }
}

/** The rule shapes of issue 9: their own columns (KIND_COLUMNS), 方向 in 越高越好 / 越低越好. */
function shapeCells(rule: Extract<RuleDoc, { type: "bands" | "relativeBest" | "relativeAverage" | "rank" | "efficacy" | "raters" | "converted" }>): Partial<Record<RuleColumn, SheetValue>> {
  const common = { kind: choiceLabel(KINDS, rule.type), ruleMax: opt(rule.points), note: opt(rule.label) };
  switch (rule.type) {
    case "bands":
      return { ...common, indicator: rule.indicator, bands: bandsText(rule.bands) };
    case "relativeBest":
      return { ...common, indicator: rule.indicator, direction: choiceLabel(BETTER, rule.direction) };
    case "relativeAverage":
      return {
        kind: common.kind, note: common.note, indicator: rule.indicator, direction: choiceLabel(BETTER, rule.direction),
        step: rule.step, points: rule.points, rounding: choiceLabel(ROUNDINGS, rule.rounding),
      };
    case "rank":
      return { ...common, indicator: rule.indicator, direction: choiceLabel(BETTER, rule.direction), decrement: rule.step, rankFloor: rule.floor };
    case "efficacy":
      return {
        ...common, indicator: rule.indicator, direction: choiceLabel(BETTER, rule.direction), base: rule.base,
        satisfactory: rule.satisfactory === "best" ? RUN_BEST : rule.satisfactory, unacceptable: rule.unacceptable === "worst" ? RUN_WORST : rule.unacceptable,
      };
    case "raters":
      return { ...common, indicator: rule.indicators.join(ALIAS_SEPARATOR), drop: rule.drop, outOf: rule.outOf };
    case "converted":
      return { ...common, indicator: rule.indicator, outOf: rule.outOf };
  }
}

function vetoCells(v: VetoDoc): Partial<Record<RuleColumn, SheetValue>> {
  const grade = v.grade === undefined ? {} : { vetoGrade: effectText(v.grade) };
  if (v.type === "fact") return { kind: choiceLabel(KINDS, "veto.fact"), veto: v.when, note: v.reason, ...grade };
  if (v.type === "totalBelow") return { kind: choiceLabel(KINDS, "veto.totalBelow"), target: v.value, inclusive: yesNo(v.inclusive), ...grade };
  return { kind: choiceLabel(KINDS, "veto.anyMissed"), ...grade };
}

const toRow = (cells: Partial<Record<RuleColumn, SheetValue>>): SheetValue[] => RULE_KEYS.map((k) => cells[k] ?? null);

function itemRows(item: ItemDoc, section: string): SheetValue[][] {
  return item.rules.map((rule, i) => {
    const first: Partial<Record<RuleColumn, SheetValue>> = i === 0
      ? {
          item: item.name, max: opt(item.max), floor: choiceLabel(FLOORS, item.bonus ? "bonus" : "deduct"), itemText: opt(item.description),
          categories: item.categories ? item.categories.join(CATEGORY_SEPARATOR) : null,
        }
      : {};
    return toRow({ ...ruleCells(rule), ...first, section: section || null });
  });
}

function infoRows(doc: RubricDoc): SheetValue[][] {
  const o = doc.outcomes;
  const rows: SheetValue[][] = [];
  if (doc.$schema !== undefined) rows.push([INFO.schema, doc.$schema]);
  rows.push(
    [INFO.name, doc.name],
    [INFO.id, doc.id],
    [INFO.version, doc.version],
    [INFO.mode, choiceLabel(MODES, doc.mode)],
    [INFO.maxTotal, opt(doc.maxTotal)],
    [INFO.bonusCap, opt(doc.bonusCap)],
    [INFO.source, opt(doc.source)],
    [INFO.description, opt(doc.description)],
    [INFO.categoryColumn, opt(doc.ranking.categoryColumn)],
    [INFO.commendationTop, opt(o.commendation?.top)],
    [INFO.laggardBottom, opt(o.laggard?.bottom)],
    [INFO.laggardBelow, opt(o.laggard?.below)],
    [INFO.laggardInclusive, o.laggard ? yesNo(o.laggard.inclusive) : null],
    [INFO.progressTop, opt(o.progress?.top)],
    [INFO.progressPrevious, opt(o.progress?.previous)],
  );
  // Grades with 名额 go to the 【等次】 block; plain ones stay here as before.
  const grades = hasQuota(doc) ? [] : (o.grades ?? []);
  for (const g of grades) rows.push([INFO.grade, g.label, g.min]);
  if (!grades.length && !hasQuota(doc)) rows.push([INFO.grade, null, null]);
  const coefficients = Object.entries(doc.ranking.coefficients ?? {});
  for (const [category, value] of coefficients) rows.push([INFO.coefficient, category, value]);
  if (!coefficients.length) rows.push([INFO.coefficient, null, null]);
  rows.push([INFO.vetoGrade, o.vetoGrade === undefined ? null : effectText(o.vetoGrade)]);
  return rows;
}

const hasQuota = (doc: RubricDoc) => (doc.outcomes.grades ?? []).some((g) => g.quota !== undefined);

const indicatorRow = (i: IndicatorDoc): SheetValue[] => [
  i.name, choiceLabel(TYPES, i.type), i.aliases?.length ? i.aliases.join(ALIAS_SEPARATOR) : null, yesNo(i.required),
  opt(i.derive), opt(i.min), opt(i.max),
];

/** Builds the sheet top to bottom, remembering which rows each drop-down covers. */
class SheetBuilder {
  readonly rows: SheetValue[][] = [];
  readonly validations: SheetValidation[] = [];
  readonly headings: number[] = [];

  add(...rows: SheetValue[][]): { first: number; last: number } {
    const first = this.rows.length;
    this.rows.push(...rows);
    return { first, last: this.rows.length - 1 };
  }

  block(title: string, header: ReadonlyArray<string>, rows: SheetValue[][]): { first: number; last: number } {
    if (this.rows.length) this.rows.push([]);
    this.headings.push(this.rows.length, this.rows.length + 1);
    this.rows.push([title], [...header]);
    return this.add(...rows);
  }

  dropDown(span: { first: number; last: number }, column: number, list: ReadonlyArray<string>): void {
    if (span.last < span.first) return;
    const letter = columnLetter(column);
    this.validations.push({ ref: `${letter}${span.first + 1}:${letter}${span.last + 1}`, list });
  }
}

export function rubricToSheet(doc: RubricDoc, name = SHEET_NAME): RubricSheet {
  const b = new SheetBuilder();
  b.headings.push(0);
  b.add([BLOCKS.info]);
  const info = b.add(...infoRows(doc));
  b.rows.slice(info.first, info.last + 1).forEach((row, i) => {
    const r = info.first + i;
    if (row[0] === INFO.mode) b.validations.push({ ref: a1(r, 1), list: choiceLabels(MODES) });
    if (row[0] === INFO.laggardInclusive) b.validations.push({ ref: a1(r, 1), list: choiceLabels(YES_NO) });
  });

  const ruleRows = [
    ...(doc.items ?? []).flatMap((it) => itemRows(it, "")),
    ...(doc.sections ?? []).flatMap((s) => s.items.flatMap((it) => itemRows(it, s.name))),
    ...doc.vetoes.map((v) => toRow(vetoCells(v))),
  ];
  const rules = b.block(BLOCKS.rules, Object.values(RULE_COLUMNS), ruleRows);
  b.dropDown(rules, col("kind"), choiceLabels(KINDS));
  b.dropDown(rules, col("direction"), choiceLabels(DIRECTIONS));
  b.dropDown(rules, col("inclusive"), choiceLabels(YES_NO));
  b.dropDown(rules, col("rounding"), choiceLabels(ROUNDINGS));
  b.dropDown(rules, col("floor"), choiceLabels(FLOORS));

  const inds = b.block(BLOCKS.indicators, Object.values(INDICATOR_COLUMNS), doc.indicators.map(indicatorRow));
  b.dropDown(inds, 1, choiceLabels(TYPES));
  b.dropDown(inds, 3, choiceLabels(YES_NO));

  const allItems = [...(doc.items ?? []), ...(doc.sections ?? []).flatMap((s) => s.items)];
  b.block(BLOCKS.parts, Object.values(PART_COLUMNS), allItems.flatMap((it) => (it.parts ?? []).map((p) => [it.name, p.name, p.max])));
  b.block(
    BLOCKS.composites,
    Object.values(COMPOSITE_COLUMNS),
    doc.composites.flatMap((c) => c.parts.map((p, i) => [i === 0 ? c.name : null, "total" in p ? TOTAL_PART : p.indicator, p.weight])),
  );
  if (hasQuota(doc)) {
    const grades = b.block(BLOCKS.grades, Object.values(GRADE_COLUMNS), (doc.outcomes.grades ?? []).map((g) => [
      g.label, g.min, opt(g.quota?.percent), g.quota ? choiceLabel(QUOTA_ROUNDINGS, g.quota.rounding) : null,
      g.quota ? choiceLabel(TIES, g.quota.ties) : null, opt(g.quota?.tieBreak),
    ]));
    b.dropDown(grades, 3, choiceLabels(QUOTA_ROUNDINGS));
    b.dropDown(grades, 4, choiceLabels(TIES));
  }
  const tables = doc.unitTargets ?? {};
  const keys = [...new Set(Object.values(tables).flatMap((t) => Object.keys(t)))];
  b.block(BLOCKS.unitTargets, [UNIT_COLUMN, ...keys], Object.entries(tables).map(([unit, t]) => [unit, ...keys.map((k) => opt(t[k]))]));
  return { name, rows: b.rows, validations: b.validations, headings: b.headings };
}
