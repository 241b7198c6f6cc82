/**
 * Warnings about rules and vetoes that cannot do anything: a veto that can never fire (总分低于0分,
 * a condition that is constant false) or always fires (a line above the highest possible total, a
 * condition that is constant true), and a rule that can never cost a point (worth 0 points, or a
 * target every value in the indicator's range meets), and an outcome an attainment rubric never decides
 * (it has no total and no rank). The rubric still runs: these are warnings.
 */
import { evaluate, type Formula } from "../formula";
import { issue, type Issue } from "../issue";
import { sum2 } from "../decimal";
import type { Indicator, Item, Rule, Veto } from "./model";
import type { RubricDoc } from "./schema";
import { acceptedRange } from "../values";

type Path = ReadonlyArray<string | number>;

/** The value of a formula that reads no indicator, when it evaluates; undefined otherwise. */
function constant(f: Formula | undefined): number | undefined {
  if (!f || f.names.length) return undefined;
  const r = evaluate(f, () => undefined);
  return r.ok ? r.value : undefined;
}

/** The values a column of this indicator can hold (as parseCell accepts them); undefined when unknown. */
function valueRange(ind: Indicator): { min: number; max: number } | undefined {
  // A derived indicator's values come from its formula, unchecked: no range to reason with.
  if (ind.derive || ind.kind === "boolean") return undefined;
  return acceptedRange(ind.kind, ind.bounds);
}

/** Why a rule can never miss its target, or null. */
function neverMisses(rule: Rule): { why: string; params: Record<string, string | number> } | null {
  const ind = rule.resolved.ind;
  if (!ind) return null;
  const range = valueRange(ind);
  if (!range) return null;
  const show = (n: number) => (n === Infinity ? "∞" : n === -Infinity ? "−∞" : n);
  const params = { indicator: ind.name, min: show(range.min), max: show(range.max) };
  if (rule.type === "target") {
    // A column's or a table's target differs by unit: only a figure is judged (an object compares as NaN, never "never").
    if (typeof rule.target !== "number") return null;
    const t = rule.target;
    const never = rule.direction === "atLeast"
      ? (rule.inclusive ? range.min >= t : range.min > t)
      : (rule.inclusive ? range.max <= t : range.max < t);
    return never ? { why: "unreachable", params: { ...params, target: t } } : null;
  }
  // Stryker disable next-line LogicalOperator: only a range rule has min and max, and a column bound compares as NaN: no joining of these checks changes the answer
  if (rule.type === "range" && typeof rule.min === "number" && typeof rule.max === "number") {
    return range.min >= rule.min && range.max <= rule.max ? { why: "unreachable", params: { ...params, target: `${rule.min}–${rule.max}` } } : null;
  }
  return null;
}

function ruleWarnings(rule: Rule, item: Item, path: Path, mode: RubricDoc["mode"]): Issue[] {
  const where = { path, severity: "warning" as const };
  const base = { item: item.name, path: path.join("."), bonus: item.bonus ? 1 : 0 };
  if (rule.type === "formula") {
    const v = constant(rule.formula);
    return v !== undefined && v <= 0 ? [issue("rubric.ruleNeverDeducts", { ...base, why: "constant", formula: rule.points, value: v }, where)] : [];
  }
  // Attainment rubrics have no points: a rule there reports a miss, it never deducts.
  if (mode === "points" && "points" in rule && rule.points === 0) {
    return [issue("rubric.ruleNeverDeducts", { ...base, why: "zeroPoints" }, where)];
  }
  const never = neverMisses(rule);
  return never ? [issue("rubric.ruleNeverDeducts", { ...base, why: never.why, ...never.params }, where)] : [];
}

/** The highest total a unit can reach: every item's full marks, bonus items up to the bonus cap. */
function highestTotal(doc: RubricDoc, items: ReadonlyArray<Item>): number {
  const regular = sum2(items.filter((i) => !i.bonus).map((i) => i.max ?? 0));
  const bonus = sum2(items.filter((i) => i.bonus).map((i) => i.max ?? 0));
  return sum2([regular, doc.bonusCap === undefined ? bonus : Math.min(bonus, doc.bonusCap)]);
}

function vetoWarnings(doc: RubricDoc, items: ReadonlyArray<Item>, vetoes: ReadonlyArray<Veto>): Issue[] {
  const out: Issue[] = [];
  const top = highestTotal(doc, items);
  vetoes.forEach((v, i) => {
    const path = ["vetoes", i];
    const where = { path, severity: "warning" as const };
    const params = { path: path.join(".") };
    if (v.type === "totalBelow") {
      if (doc.mode === "attainment") out.push(issue("rubric.vetoNeverFires", { ...params, why: "noTotal", value: v.value }, where));
      // Item scores never drop below 0 (扣完为止), so neither does a total.
      else if (v.inclusive ? v.value < 0 : v.value <= 0) out.push(issue("rubric.vetoNeverFires", { ...params, why: "belowZero", value: v.value, inclusive: v.inclusive ? 1 : 0 }, where));
      else if (v.inclusive ? v.value >= top : v.value > top) out.push(issue("rubric.vetoAlwaysFires", { ...params, why: "aboveMax", value: v.value, max: top, inclusive: v.inclusive ? 1 : 0 }, where));
    } else if (v.type === "fact") {
      const c = constant(v.formula);
      if (c === 0) out.push(issue("rubric.vetoNeverFires", { ...params, why: "constant", when: v.when }, where));
      else if (c !== undefined) out.push(issue("rubric.vetoAlwaysFires", { ...params, why: "constant", when: v.when }, where));
    }
  });
  return out;
}

const RANKED_OUTCOMES = ["commendation", "laggard", "progress", "grades", "vetoGrade"] as const;

/** An attainment rubric only says whether each unit attained: the outcomes that need a total or a rank never apply. */
function outcomeWarnings(doc: RubricDoc): Issue[] {
  if (doc.mode !== "attainment") return [];
  return RANKED_OUTCOMES.filter((outcome) => doc.outcomes[outcome] !== undefined).map((outcome) =>
    issue("rubric.outcomeNeverApplies", { outcome, path: `outcomes.${outcome}` }, { path: ["outcomes", outcome], severity: "warning" }),
  );
}

/** Each item's path in the document, in the order compile.ts lists items (top-level items, then sections'). */
function itemPaths(doc: RubricDoc): Path[] {
  return [
    ...(doc.items ?? []).map((_, i) => ["items", i]),
    ...(doc.sections ?? []).flatMap((s, k) => s.items.map((_, i) => ["sections", k, "items", i])),
  ];
}

/** Every reach warning of a compiled rubric (its items and vetoes as compile.ts built them). */
export function reachWarnings(doc: RubricDoc, items: ReadonlyArray<Item>, vetoes: ReadonlyArray<Veto>): Issue[] {
  const out: Issue[] = [];
  const paths = itemPaths(doc);
  items.forEach((item, i) => item.rules.forEach((r, j) => out.push(...ruleWarnings(r, item, [...(paths[i] ?? []), "rules", j], doc.mode))));
  out.push(...vetoWarnings(doc, items, vetoes), ...outcomeWarnings(doc));
  return out;
}
