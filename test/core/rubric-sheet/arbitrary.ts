/**
 * Valid rubric documents (the schema's output form, defaults filled), for round-trip properties.
 * Names are unique by construction; texts are non-blank and never a block title (【…】).
 */
import fc from "fast-check";
import type { CompositeDoc, GradeEffectDoc, IndicatorDoc, ItemDoc, OutcomesDoc, RubricDoc, RuleDoc, TargetRef, VetoDoc } from "../../../src/core/rubric/schema";

const CHARS = ["考", "核", "率", "分", "a", "Z", "7", " ", "(", "）", "%", "‰", "·", "\n", "😀", "=", "列", ":"];
/** Free text: any of CHARS, not blank, not starting with 【. */
export const text = (max = 12) =>
  fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: max }).map((a) => a.join("")).filter((s) => s.trim() !== "");
const points = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }));
// No −0: JSON, YAML and .xlsx cannot tell it from 0.
const num = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** 分类考核: the categories items and 难度系数 name. */
const CATS = ["街道", "乡镇", "社区"];
const categories = fc.subarray(CATS, { minLength: 1 });
const gradeEffect: fc.Arbitrary<GradeEffectDoc> = fc.oneof(text(8).map((label) => ({ label })), fc.integer({ min: 1, max: 9 }).map((down) => ({ down })));

interface Names {
  inds: string[];
  tables: string[];
}

function target(n: Names): fc.Arbitrary<TargetRef> {
  const options: fc.Arbitrary<TargetRef>[] = [num, fc.constantFrom(...n.inds).map((column) => ({ column }))];
  if (n.tables.length) options.push(fc.constantFrom(...n.tables).map((unitTable) => ({ unitTable })));
  return fc.oneof(...options);
}

function rule(n: Names): fc.Arbitrary<RuleDoc> {
  const ind = fc.constantFrom(...n.inds);
  const label = opt(text(20));
  return fc.oneof(
    fc.record({ ind, target: target(n), direction: fc.constantFrom("atLeast" as const, "atMost" as const), points, step: fc.double({ min: 0.01, max: 10, noNaN: true }), rounding: fc.constantFrom("none" as const, "ceil" as const, "floor" as const), inclusive: fc.boolean(), label })
      .map((r) => defined({ type: "target" as const, indicator: r.ind, target: r.target, direction: r.direction, points: r.points, step: r.step, rounding: r.rounding, inclusive: r.inclusive, label: r.label })),
    fc.record({ ind, points, label }).map((r) => defined({ type: "perCount" as const, indicator: r.ind, points: r.points, label: r.label })),
    fc.record({ ind, points: opt(points), when: fc.boolean(), label }).map((r) => defined({ type: "check" as const, indicator: r.ind, points: r.points, when: r.when, label: r.label })),
    fc.record({ ind, min: target(n), max: target(n), lower: opt(ind), toward: opt(fc.record({ previous: ind, minChange: fc.double({ min: 0, max: 50, noNaN: true }) })), points: opt(points), label })
      .map((r) => defined({ type: "range" as const, indicator: r.ind, min: r.min, max: r.max, orLowerThan: r.lower, orToward: r.toward, points: r.points, label: r.label })),
    fc.record({ ind, previous: ind, direction: fc.constantFrom("higher" as const, "lower" as const), points: opt(points), label })
      .map((r) => defined({ type: "improvement" as const, indicator: r.ind, previous: r.previous, direction: r.direction, points: r.points, label: r.label })),
    fc.record({ ind, label }).map((r) => defined({ type: "enteredScore" as const, indicator: r.ind, label: r.label })),
    fc.record({ ind, k: fc.integer({ min: 0, max: 9 }), reason: text(20) }).map((r) => ({ type: "formula" as const, points: `MAX(0, [${r.ind}] - ${r.k}) * 0.5`, reason: r.reason })),
    shapeRule(n),
  );
}

/** The rule shapes of issue 9 (分档计分 … 折算), valid by construction (bands with distinct bounds, enough raters). */
function shapeRule(n: Names): fc.Arbitrary<RuleDoc> {
  const ind = fc.constantFrom(...n.inds);
  const label = opt(text(20));
  const full = opt(points);
  const better = fc.constantFrom("atLeast" as const, "atMost" as const);
  const share = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x === 0 ? 0 : x));
  const band = fc.record({ points: opt(points), share }).map((b) => (b.points === undefined ? { share: b.share } : { points: b.points }));
  const bands = fc.uniqueArray(num, { minLength: 1, maxLength: 4 }).chain((mins) => fc.tuple(...mins.map((min) => band.map((b) => ({ min, ...b })))));
  const outOf = fc.double({ min: 0.01, max: 1e6, noNaN: true });
  return fc.oneof(
    fc.record({ ind, bands, full, label }).map((r) => defined({ type: "bands" as const, indicator: r.ind, bands: r.bands, points: r.full, label: r.label })),
    fc.record({ ind, better, full, label }).map((r) => defined({ type: "relativeBest" as const, indicator: r.ind, direction: r.better, points: r.full, label: r.label })),
    fc.record({ ind, better, points, step: fc.double({ min: 0.01, max: 10, noNaN: true }), rounding: fc.constantFrom("none" as const, "ceil" as const, "floor" as const), label })
      .map((r) => defined({ type: "relativeAverage" as const, indicator: r.ind, direction: r.better, points: r.points, step: r.step, rounding: r.rounding, label: r.label })),
    fc.record({ ind, better, full, step: points, floor: points, label })
      .map((r) => defined({ type: "rank" as const, indicator: r.ind, direction: r.better, points: r.full, step: r.step, floor: r.floor, label: r.label })),
    fc.record({ ind, better, sat: fc.oneof(num, fc.constant("best" as const)), bad: fc.oneof(num, fc.constant("worst" as const)), base: fc.integer({ min: 0, max: 5 }), label })
      .filter((r) => r.sat !== r.bad)
      // base ≤ the rule's full marks (10 here), whatever the item's 分值.
      .map((r) => defined({ type: "efficacy" as const, indicator: r.ind, direction: r.better, satisfactory: r.sat, unacceptable: r.bad, base: r.base, points: 10, label: r.label })),
    fc.record({ drop: fc.integer({ min: 0, max: 2 }), extra: fc.integer({ min: 1, max: 3 }), full, outOf, label }).chain((r) =>
      fc.array(ind, { minLength: 2 * r.drop + r.extra, maxLength: 2 * r.drop + r.extra })
        .map((indicators) => defined({ type: "raters" as const, indicators, drop: r.drop, outOf: r.outOf, points: r.full, label: r.label }))),
    fc.record({ ind, outOf, full, label }).map((r) => defined({ type: "converted" as const, indicator: r.ind, outOf: r.outOf, points: r.full, label: r.label })),
  );
}

function items(n: Names, count: number, offset: number): fc.Arbitrary<ItemDoc[]> {
  return fc.tuple(
    ...Array.from({ length: count }, (_, i) =>
      fc.record({
        suffix: text(6), max: points, bonus: fc.boolean(), rules: fc.array(rule(n), { minLength: 1, maxLength: 4 }),
        parts: opt(fc.array(fc.record({ name: text(30), max: points }), { minLength: 1, maxLength: 3 })), description: opt(text(40)),
        categories: opt(categories),
      }).map((it) => defined({ name: `项目${offset + i}-${it.suffix.trim()}`, max: it.max, bonus: it.bonus, rules: it.rules, parts: it.parts, description: it.description, categories: it.categories })),
    ),
  );
}

function veto(n: Names): fc.Arbitrary<VetoDoc> {
  return fc.oneof(
    fc.record({ ind: fc.constantFrom(...n.inds), reason: text(20), grade: opt(gradeEffect) }).map((v) => defined({ type: "fact" as const, when: `[${v.ind}] > 0`, reason: v.reason, grade: v.grade })),
    fc.record({ value: num, inclusive: fc.boolean(), grade: opt(gradeEffect) }).map((v) => defined({ type: "totalBelow" as const, ...v })),
    opt(gradeEffect).map((grade) => defined({ type: "anyMissed" as const, grade })),
  );
}

function outcomes(n: Names): fc.Arbitrary<OutcomesDoc> {
  const top = fc.integer({ min: 1, max: 1000 });
  return fc.record({
    commendation: opt(top.map((t) => ({ top: t }))),
    laggard: opt(fc.record({ bottom: top, below: opt(num), inclusive: fc.boolean() }).map(defined)),
    progress: opt(fc.record({ top, previous: fc.constantFrom(...n.inds) })),
    grades: opt(fc.array(fc.record({ min: num, label: text(8), quota: opt(quota(n)) }).map(defined), { minLength: 1, maxLength: 4 })),
    vetoGrade: opt(gradeEffect),
  }).map(defined);
}

function quota(n: Names): fc.Arbitrary<NonNullable<NonNullable<OutcomesDoc["grades"]>[number]["quota"]>> {
  return fc.record({
    percent: fc.double({ min: 0, max: 100, noNaN: true }).map((x) => (x === 0 ? 0 : x)),
    rounding: fc.constantFrom("floor" as const, "round" as const, "ceil" as const),
    ties: fc.constantFrom("allOut" as const, "allIn" as const),
    tieBreak: opt(fc.constantFrom(...n.inds)),
  }).map(defined);
}

/** Categories need the category column, and 降等次 needs grades: drop what the checker would refuse. */
function consistent(d: RubricDoc): RubricDoc {
  const noGrades = !d.outcomes.grades?.length;
  const fixed = (g: GradeEffectDoc | undefined) => (noGrades && g && "down" in g ? { label: "不合格" } : g);
  const out: RubricDoc = {
    ...d,
    vetoes: d.vetoes.map((v) => defined({ ...v, grade: fixed(v.grade) })),
    outcomes: defined({ ...d.outcomes, vetoGrade: fixed(d.outcomes.vetoGrade) }),
  };
  if (d.ranking.categoryColumn !== undefined) {
    // With 难度系数 every category an item names needs one.
    const named = [...(out.items ?? []), ...(out.sections ?? []).flatMap((s) => s.items)].flatMap((it) => it.categories ?? []);
    const coefficients = out.ranking.coefficients;
    // A new object: generated values must not be changed in place (fast-check replays them when shrinking).
    if (coefficients) out.ranking = { ...out.ranking, coefficients: { ...Object.fromEntries(named.map((k) => [k, 1])), ...coefficients } };
    return out;
  }
  const strip = (it: ItemDoc): ItemDoc => {
    const { categories: _c, ...rest } = it;
    return rest;
  };
  return defined({
    ...out,
    ranking: {},
    items: out.items?.map(strip),
    sections: out.sections?.map((s) => ({ ...s, items: s.items.map(strip) })),
  });
}

function composite(n: Names, i: number): fc.Arbitrary<CompositeDoc> {
  return fc.record({ ind: fc.constantFrom(...n.inds), w: fc.integer({ min: 1, max: 9 }), total: fc.boolean() }).map((c) => ({
    name: `综合${i}`,
    parts: c.total ? [{ total: true as const, weight: c.w / 10 }, { indicator: c.ind, weight: (10 - c.w) / 10 }] : [{ indicator: c.ind, weight: 1 }],
  }));
}

const TYPES = ["percent", "permille", "number", "count", "boolean", "score"] as const;

export const rubricDoc: fc.Arbitrary<RubricDoc> = fc
  .record({ nInd: fc.integer({ min: 1, max: 6 }), nTop: fc.integer({ min: 0, max: 3 }), nSec: fc.integer({ min: 0, max: 3 }), tables: fc.integer({ min: 0, max: 2 }) })
  .filter((s) => s.nTop + s.nSec > 0)
  .chain(({ nInd, nTop, nSec, tables }) => {
    const n: Names = { inds: Array.from({ length: nInd }, (_, i) => `指标${i}`), tables: Array.from({ length: tables }, (_, i) => `目标${i}`) };
    const indicator = (i: number): fc.Arbitrary<IndicatorDoc> =>
      fc.record({
        type: fc.constantFrom(...TYPES), aliases: opt(fc.integer({ min: 1, max: 3 })), required: fc.boolean(), derive: fc.boolean(),
        min: opt(fc.integer({ min: -100, max: 0 })), max: opt(fc.integer({ min: 1, max: 1000 })),
      }).map((x) => defined({
        name: n.inds[i] as string, type: x.type, aliases: x.aliases === undefined ? undefined : Array.from({ length: x.aliases }, (_, j) => `别名${i}-${j}`),
        required: x.required, derive: i > 0 && x.derive ? `[指标0] * 2 + 1` : undefined, min: x.min, max: x.max,
      }));
    const sections = fc.tuple(...Array.from({ length: nSec }, () => fc.record({ suffix: text(6), n: fc.integer({ min: 1, max: 3 }) })))
      .chain((secs) => fc.tuple(...secs.map((s, k) => items(n, s.n, 100 * (k + 1)).map((its) => ({ name: `类别${k}${s.suffix}`, items: its })))));
    return fc.record({
      $schema: opt(text(20)),
      id: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/),
      name: text(30), version: fc.oneof(text(6), fc.integer({ min: 1990, max: 2100 }).map(String)),
      mode: fc.constantFrom("points" as const, "attainment" as const),
      source: opt(text(40)), description: opt(text(60)), maxTotal: opt(points), bonusCap: opt(points),
      indicators: fc.tuple(...n.inds.map((_, i) => indicator(i))),
      items: nTop ? items(n, nTop, 0).map((x) => x as ItemDoc[] | undefined) : fc.constant(undefined),
      sections: nSec ? sections.map((x) => x as RubricDoc["sections"]) : fc.constant(undefined),
      vetoes: fc.array(veto(n), { maxLength: 3 }),
      ranking: fc.record({ column: opt(fc.constantFrom(...n.inds)), coefficients: opt(fc.dictionary(fc.constantFrom(...CATS), fc.double({ min: 0.01, max: 10, noNaN: true }), { minKeys: 1 })) })
        .map((r) => defined({ categoryColumn: r.column, coefficients: r.coefficients })),
      outcomes: outcomes(n),
      composites: fc.integer({ min: 0, max: 2 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => composite(n, i)))),
      unitTargets: tables
        ? fc.array(fc.tuple(...n.tables.map(() => opt(num))), { minLength: 1, maxLength: 4 }).map((rows) =>
            // The first unit has every table, so each table a target names exists.
            Object.fromEntries(rows.map((vals, u) => [`单位${u}`, defined(Object.fromEntries(vals.map((v, t) => [n.tables[t] as string, u === 0 ? v ?? 0 : v])))])))
        : fc.constant(undefined),
    }).map((d) => consistent(defined(d) as RubricDoc));
  });
