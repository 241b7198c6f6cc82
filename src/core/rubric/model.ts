/** The compiled rubric the engine runs: names normalised, formulas parsed, sections flattened. */
import type { Formula } from "../formula";
import type { Bounds, ValueKind } from "../values";
import type { CompositeDoc, OutcomesDoc, RubricDoc, RuleDoc, TargetRef, VetoDoc } from "./schema";

export interface Indicator {
  name: string;
  key: string;
  kind: ValueKind;
  required: boolean;
  /** Every normalised header this indicator answers to (its name and aliases). */
  keys: ReadonlyArray<string>;
  derive?: Formula;
  /** The indicator's own plausible range (rubric `min`/`max`), when it has one. */
  bounds?: Bounds;
}

/** A target resolved at compile time: a constant, a column's indicator, or a per-unit table key. */
export type ResolvedTarget = { value: number } | { column: Indicator } | { table: string };

/** Names in a rule, resolved once when the rubric is compiled (never per unit). */
export interface Resolved {
  ind?: Indicator;
  target?: ResolvedTarget;
  min?: ResolvedTarget;
  max?: ResolvedTarget;
  lowerThan?: Indicator;
  /** orToward's last-year column. */
  toward?: Indicator;
  previous?: Indicator;
  /** 民主测评: the raters' columns. */
  raters?: Indicator[];
}

type FormulaRuleDoc = Extract<RuleDoc, { type: "formula" }>;
/** A compiled rule; a formula rule carries its parsed formula (one that does not parse fails the rubric). */
export type Rule = ((Exclude<RuleDoc, FormulaRuleDoc> & { formula?: undefined }) | (FormulaRuleDoc & { formula: Formula })) & { resolved: Resolved };

export interface Item {
  name: string;
  section: string;
  max: number | undefined;
  bonus: boolean;
  rules: ReadonlyArray<Rule>;
  parts: ReadonlyArray<{ name: string; max: number }>;
  /** 分类考核: the normalised categories the item applies to; absent = every unit. */
  categories?: ReadonlyArray<string>;
}

type FactVetoDoc = Extract<VetoDoc, { type: "fact" }>;
/** A compiled veto; a fact veto carries its parsed condition (one that does not parse fails the rubric). */
export type Veto = (Exclude<VetoDoc, FactVetoDoc> & { formula?: undefined }) | (FactVetoDoc & { formula: Formula });

export interface Rubric {
  id: string;
  name: string;
  version: string;
  mode: "points" | "attainment";
  source?: string;
  maxTotal?: number;
  bonusCap?: number;
  indicators: ReadonlyArray<Indicator>;
  /** Every normalised name and alias → its indicator. */
  byKey: ReadonlyMap<string, Indicator>;
  items: ReadonlyArray<Item>;
  vetoes: ReadonlyArray<Veto>;
  categoryColumn?: string;
  /** 难度系数: normalised category → coefficient. With it units are ranked together on adjusted totals. */
  coefficients?: ReadonlyMap<string, number>;
  /** Every category the rubric names (难度系数, items' categories), as written; absent when it names none. */
  categories?: ReadonlyArray<string>;
  outcomes: OutcomesDoc;
  composites: ReadonlyArray<CompositeDoc>;
  /** normalised unit name → indicator key → target */
  unitTargets: ReadonlyMap<string, ReadonlyMap<string, number>>;
  doc: RubricDoc;
}

export type { TargetRef };

/** 分类考核: the item is scored for units of `category` (a folded category name; undefined: none). */
export function appliesTo(item: Pick<Item, "categories">, category: string | undefined): boolean {
  return !item.categories || (category !== undefined && item.categories.includes(category));
}

/** Look an indicator up by a name as written (normalised here; use byKey with keys already normalised). */
export function indicatorByName(rubric: Rubric, name: string, normalize: (s: string) => string): Indicator | undefined {
  return rubric.byKey.get(normalize(name));
}
