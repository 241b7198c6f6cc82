/**
 * Schema validation plus the checks a schema cannot express: names that must refer to declared
 * indicators, formulas that must parse, sub-item points that add up to more than the item.
 */
import type { ZodError } from "zod";
import { compileFormula, type Formula } from "../formula";
import { issue, type Issue, type IssueParamsByCode, type Result, ok, fail } from "../issue";
import { normalizeName } from "../text";
import { sum2 } from "../decimal";
import { rubricSchema, type ItemDoc, type RubricDoc, type RuleDoc, type TargetRef } from "./schema";
import type { Indicator, Item, Resolved, ResolvedTarget, Rubric, Rule, Veto } from "./model";
import { wordingWarnings } from "./wording-check";
import { fullMarks } from "./full-marks";
import { checkShapeRule } from "./compile-shapes";
import { specificSchemaIssue } from "./check-schema";
import { reachWarnings } from "./check-reach";

export interface Compiled {
  rubric: Rubric;
  warnings: Issue[];
}

function schemaIssues(error: ZodError, raw: unknown): Issue[] {
  return error.issues.map((zi) => {
    // Stryker disable next-line StringLiteral: a parsed JSON or YAML document has no symbol keys, so no path holds one
    const path = zi.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const specific = specificSchemaIssue(zi, path, raw);
    if (specific) return specific;
    const params: IssueParamsByCode["rubric.schema"] = { path: path.join(".") || "(root)", kind: zi.code, detail: zi.message };
    if (zi.code === "invalid_type") params.expected = String(zi.expected);
    if (zi.code === "unrecognized_keys") params.keys = zi.keys.join(", ");
    if (zi.code === "invalid_value") params.expected = zi.values.map(String).join(" | ");
    if (zi.code === "too_small" || zi.code === "too_big") params.limit = String(zi.code === "too_small" ? zi.minimum : zi.maximum);
    return issue("rubric.schema", params, { path });
  });
}

type Path = ReadonlyArray<string | number>;

class Checker {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  readonly indicators: Indicator[] = [];

  constructor(private readonly doc: RubricDoc) {}

  lookup(name: string): Indicator | undefined {
    const key = normalizeName(name);
    return this.indicators.find((i) => i.keys.includes(key));
  }

  requireIndicator(name: string, path: Path): Indicator | undefined {
    const found = this.lookup(name);
    if (!found) this.errors.push(issue("rubric.unknownIndicator", { name, path: path.join(".") }, { path }));
    return found;
  }

  formula(source: string, path: Path): Formula | undefined {
    const c = compileFormula(source);
    if (!c.ok) {
      this.errors.push(issue("rubric.formula", { formula: source, reason: c.error.code, detail: c.error.detail, path: path.join(".") }, { path }));
      return undefined;
    }
    for (const n of c.value.names) this.requireIndicator(n, path);
    return c.value;
  }

  target(ref: TargetRef, path: Path): ResolvedTarget | undefined {
    if (typeof ref === "number") return { value: ref };
    if ("column" in ref) {
      const column = this.requireIndicator(ref.column, [...path, "column"]);
      return column && { column };
    }
    const key = normalizeName(ref.unitTable);
    const tables = Object.values(this.doc.unitTargets ?? {});
    if (!tables.some((t) => Object.keys(t).some((k) => normalizeName(k) === key))) {
      this.errors.push(issue("rubric.unknownIndicator", { name: ref.unitTable, path: [...path, "unitTable"].join(".") }, { path: [...path, "unitTable"] }));
    }
    return { table: key };
  }
}

function compileIndicators(c: Checker, doc: RubricDoc): void {
  const seen = new Map<string, number>();
  doc.indicators.forEach((ind, i) => {
    const keys = [ind.name, ...(ind.aliases ?? [])].map(normalizeName);
    for (const k of keys) {
      if (seen.has(k)) c.errors.push(issue("rubric.duplicateName", { name: k, path: `indicators.${i}` }, { path: ["indicators", i] }));
      seen.set(k, i);
    }
    const indicator: Indicator = { name: ind.name, key: normalizeName(ind.name), kind: ind.type, required: ind.required, keys };
    if (ind.min !== undefined || ind.max !== undefined) {
      indicator.bounds = { ...(ind.min !== undefined && { min: ind.min }), ...(ind.max !== undefined && { max: ind.max }) };
    }
    c.indicators.push(indicator);
  });
  // Derivations may read any indicator, so compile them once all are declared.
  doc.indicators.forEach((ind, i) => {
    const target = c.indicators[i];
    if (ind.derive && target) {
      const f = c.formula(ind.derive, ["indicators", i, "derive"]);
      if (f) target.derive = f;
    }
  });
}

/**
 * A derivation may read only indicators the sheet supplies: one that reads itself, reads another
 * derived indicator (a chain) or goes round in a circle would fail later as a "missing column".
 */
function checkDerivations(c: Checker): void {
  const byKey = new Map(c.indicators.flatMap((i) => i.keys.map((k) => [k, i] as const)));
  c.indicators.forEach((ind, i) => {
    if (!ind.derive) return;
    for (const name of ind.derive.names) {
      const dep = byKey.get(name);
      if (!dep?.derive) continue;
      // Follow the chain to say how it closes: A → A, A → B → A, or A → B → (B derived from columns).
      const chain = [ind.name, dep.name];
      const seen = new Set([ind, dep]);
      // Ends at a name seen before (the chain closes) or at a derivation reading only columns.
      for (let names = dep.derive.names; ; ) {
        const next = names.map((n) => byKey.get(n)).find((d) => d?.derive);
        if (!next?.derive) break;
        chain.push(next.name);
        if (seen.has(next)) break;
        seen.add(next);
        names = next.derive.names;
      }
      const path = ["indicators", i, "derive"];
      c.errors.push(issue("rubric.cycle", { name: ind.name, chain: chain.join(" → "), path: path.join(".") }, { path }));
      break;
    }
  });
}

/** Composite weights: finite, above 0, adding up to 1 (within 1e-9). */
function checkComposites(c: Checker, doc: RubricDoc): void {
  doc.composites.forEach((comp, i) => {
    const bad = comp.parts.find((p) => !Number.isFinite(p.weight) || p.weight <= 0);
    if (bad) {
      const path = ["composites", i, "parts", comp.parts.indexOf(bad), "weight"];
      c.errors.push(issue("rubric.weights", { name: comp.name, kind: "weight", weight: String(bad.weight), path: path.join(".") }, { path }));
      return;
    }
    const sum = comp.parts.reduce((a, p) => a + p.weight, 0);
    if (Math.abs(sum - 1) > 1e-9) {
      const path = ["composites", i];
      c.errors.push(issue("rubric.weights", { name: comp.name, kind: "sum", sum: Number(sum.toPrecision(12)), path: path.join(".") }, { path }));
    }
  });
}

/** The rule compiled; none when its formula does not parse (an error: the rubric is not compiled). */
function compileRule(c: Checker, rule: RuleDoc, path: Path, mode: RubricDoc["mode"], itemMax?: number): Rule | undefined {
  if (rule.type === "formula") {
    const f = c.formula(rule.points, [...path, "points"]);
    return f && { ...rule, formula: f, resolved: {} };
  }
  const resolved: Resolved = {};
  const set = <K extends keyof Resolved>(k: K, v: Resolved[K] | undefined) => {
    if (v) resolved[k] = v;
  };
  checkShapeRule(c, rule, path, itemMax);
  if (rule.type === "raters") {
    const raters = rule.indicators.map((n, k) => c.requireIndicator(n, [...path, "indicators", k]));
    // Stryker disable next-line MethodExpression: an unknown rater is an error, so a rubric holding an undefined rater is never returned
    const found = raters.filter((r): r is Indicator => r !== undefined);
    if (found.length === raters.length) resolved.raters = found;
    return { ...rule, resolved };
  }
  set("ind", c.requireIndicator(rule.indicator, [...path, "indicator"]));
  if (rule.type === "target") set("target", c.target(rule.target, [...path, "target"]));
  if (rule.type === "range") {
    set("min", c.target(rule.min, [...path, "min"]));
    set("max", c.target(rule.max, [...path, "max"]));
    if (rule.orLowerThan) set("lowerThan", c.requireIndicator(rule.orLowerThan, [...path, "orLowerThan"]));
    if (rule.orToward) set("toward", c.requireIndicator(rule.orToward.previous, [...path, "orToward", "previous"]));
  }
  if (rule.type === "improvement") set("previous", c.requireIndicator(rule.previous, [...path, "previous"]));
  if (mode === "points" && rule.type === "target" && rule.points === undefined) {
    c.errors.push(issue("rubric.schema", { path: [...path, "points"].join("."), kind: "required", detail: "points" }, { path: [...path, "points"] }));
  }
  return { ...rule, resolved };
}

function compileItems(c: Checker, doc: RubricDoc): Item[] {
  const groups: { section: string; items: ItemDoc[]; path: Path }[] = [];
  if (doc.items?.length) groups.push({ section: "", items: doc.items, path: ["items"] });
  doc.sections?.forEach((s, i) => groups.push({ section: s.name, items: s.items, path: ["sections", i, "items"] }));

  const names = new Set<string>();
  const items: Item[] = [];
  for (const g of groups) {
    g.items.forEach((it, i) => {
      const path = [...g.path, i];
      const key = normalizeName(it.name);
      if (names.has(key)) c.errors.push(issue("rubric.duplicateName", { name: it.name, path: path.join(".") }, { path }));
      names.add(key);
      if (doc.mode === "points" && it.max === undefined) {
        c.errors.push(issue("rubric.schema", { path: [...path, "max"].join("."), kind: "required", detail: "max" }, { path: [...path, "max"] }));
      }
      const parts = it.parts ?? [];
      const partsTotal = sum2(parts.map((p) => p.max));
      if (it.max !== undefined && parts.length && partsTotal > it.max) {
        c.warnings.push(
          issue("rubric.partsExceedMax", { item: it.name, parts: partsTotal, max: it.max, path: path.join(".") }, { path, severity: "warning" }),
        );
      }
      const rules = it.rules.flatMap((r, j) => compileRule(c, r, [...path, "rules", j], doc.mode, it.max) ?? []);
      items.push({ name: it.name, section: g.section, max: it.max, bonus: it.bonus, rules, parts, ...(it.categories && { categories: it.categories.map(normalizeName) }) });
    });
  }
  return items;
}

function compileVetoes(c: Checker, doc: RubricDoc): Veto[] {
  return doc.vetoes.flatMap((v, i): Veto[] => {
    if (v.type !== "fact") return [v];
    const f = c.formula(v.when, ["vetoes", i, "when"]);
    // A condition that does not parse is an error: the rubric is not compiled, so the veto is dropped.
    return f ? [{ ...v, formula: f }] : [];
  });
}

/**
 * 分类考核, 等次名额 and 否决后等次: categories need the category column, a tie-break column must be
 * declared, and 降等次 needs grades to step down. Returns the categories the rubric names, as written.
 */
function checkOutcomeShapes(c: Checker, doc: RubricDoc): string[] {
  const named = new Map<string, string>();
  const coefficients = Object.keys(doc.ranking.coefficients ?? {});
  for (const k of coefficients) {
    const path = ["ranking", "coefficients", k];
    // 乡镇 and 乡 镇 are one category: two coefficients for it cannot both apply.
    if (named.has(normalizeName(k))) c.errors.push(issue("rubric.duplicateName", { name: k, path: path.join(".") }, { path }));
    named.set(normalizeName(k), k);
  }
  // Every item that names categories, with its path.
  const limited: { categories: string[]; path: Path }[] = [];
  (doc.items ?? []).forEach((it, i) => it.categories && limited.push({ categories: it.categories, path: ["items", i, "categories"] }));
  doc.sections?.forEach((s, j) =>
    s.items.forEach((it, i) => it.categories && limited.push({ categories: it.categories, path: ["sections", j, "items", i, "categories"] })),
  );
  const withCoefficient = new Set(named.keys());
  for (const { categories, path } of limited) {
    for (const k of categories) {
      // With 难度系数 every category an item names needs one, or its units could not be scored.
      if (coefficients.length && !withCoefficient.has(normalizeName(k))) c.errors.push(issue("rubric.noCoefficient", { category: k, path: path.join(".") }, { path }));
      if (!named.has(normalizeName(k))) named.set(normalizeName(k), k);
    }
  }
  const itemPaths = limited.map((l) => l.path);
  if (doc.ranking.categoryColumn === undefined) {
    const path = coefficients.length ? ["ranking", "coefficients"] : itemPaths[0];
    if (path) c.errors.push(issue("rubric.noCategoryColumn", { path: path.join(".") }, { path }));
  }
  doc.outcomes.grades?.forEach((g, i) => {
    if (g.quota?.tieBreak) c.requireIndicator(g.quota.tieBreak, ["outcomes", "grades", i, "quota", "tieBreak"]);
  });
  if (!doc.outcomes.grades?.length) {
    const downs: Path[] = [];
    if (doc.outcomes.vetoGrade && "down" in doc.outcomes.vetoGrade) downs.push(["outcomes", "vetoGrade"]);
    doc.vetoes.forEach((v, i) => v.grade && "down" in v.grade && downs.push(["vetoes", i, "grade"]));
    for (const path of downs) c.errors.push(issue("rubric.noGrades", { path: path.join(".") }, { path }));
  }
  return [...named.values()];
}

function unitTargets(doc: RubricDoc): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [unit, row] of Object.entries(doc.unitTargets ?? {})) {
    out.set(normalizeName(unit), new Map(Object.entries(row).map(([k, v]) => [normalizeName(k), v])));
  }
  return out;
}

export function compileRubric(raw: unknown): Result<Compiled> {
  const parsed = rubricSchema.safeParse(raw);
  if (!parsed.success) return fail(...schemaIssues(parsed.error, raw));
  const doc = parsed.data;
  const c = new Checker(doc);
  compileIndicators(c, doc);
  checkDerivations(c);
  checkComposites(c, doc);
  const items = compileItems(c, doc);
  const vetoes = compileVetoes(c, doc);
  if (doc.outcomes.progress) c.requireIndicator(doc.outcomes.progress.previous, ["outcomes", "progress", "previous"]);
  doc.composites.forEach((comp, i) =>
    comp.parts.forEach((p, j) => {
      if ("indicator" in p) c.requireIndicator(p.indicator, ["composites", i, "parts", j, "indicator"]);
    }),
  );
  if (doc.mode === "points" && doc.maxTotal !== undefined) {
    const { total, category } = fullMarks(items, doc.maxTotal);
    if (total !== doc.maxTotal) {
      c.warnings.push(issue("rubric.totalMismatch", { items: total, max: doc.maxTotal, path: "maxTotal", ...(category !== undefined && { category }) }, { path: ["maxTotal"], severity: "warning" }));
    }
  }
  c.warnings.push(...wordingWarnings(doc));
  const categories = checkOutcomeShapes(c, doc);
  if (!c.errors.length) c.warnings.push(...reachWarnings(doc, items, vetoes));
  if (c.errors.length) return fail(...c.errors, ...c.warnings);
  const rubric: Rubric = {
    id: doc.id,
    name: doc.name,
    version: doc.version,
    mode: doc.mode,
    indicators: c.indicators,
    byKey: new Map(c.indicators.flatMap((i) => i.keys.map((k) => [k, i] as const))),
    items,
    vetoes,
    outcomes: doc.outcomes,
    composites: doc.composites,
    unitTargets: unitTargets(doc),
    doc,
    ...(doc.source !== undefined && { source: doc.source }),
    ...(doc.maxTotal !== undefined && { maxTotal: doc.maxTotal }),
    ...(doc.bonusCap !== undefined && { bonusCap: doc.bonusCap }),
    ...(doc.ranking.categoryColumn !== undefined && { categoryColumn: doc.ranking.categoryColumn }),
    ...(doc.ranking.coefficients !== undefined && {
      coefficients: new Map(Object.entries(doc.ranking.coefficients).map(([k, v]) => [normalizeName(k), v])),
    }),
    ...(categories.length > 0 && { categories }),
  };
  return ok({ rubric, warnings: c.warnings });
}
