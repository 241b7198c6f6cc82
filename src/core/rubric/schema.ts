/** The rubric document format (JSON or YAML). Strict objects, so a typo in a key is an error with its path. */
import { z } from "zod";

const name = z.string().trim().min(1).max(100);
const points = z.number().finite().min(0).max(1000);

/** A target: a constant, another column of the sheet, or a per-unit table inside the rubric. */
export const targetRef = z.union([
  z.number().finite(),
  z.strictObject({ column: name }),
  z.strictObject({ unitTable: name }),
]);

export const indicatorSchema = z.strictObject({
  name,
  type: z.enum(["percent", "permille", "number", "count", "boolean", "score"]),
  aliases: z.array(name).max(20).optional(),
  /** Required columns missing from the sheet stop the run; optional ones are reported as warnings. */
  required: z.boolean().default(true),
  /** Formula used when the sheet has no such column but has the columns the formula reads. */
  derive: z.string().min(1).max(500).optional(),
  /**
   * Plausible values of this indicator, overriding its type's (0–100 for %, 0–1000 for ‰, ≥ 0 for
   * counts): e.g. min −100 for 自然增长率‰, which is negative where deaths outnumber births.
   */
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
}).refine((i) => i.min === undefined || i.max === undefined || i.min <= i.max, { message: "min must not exceed max", path: ["min"] });

const ruleLabel = { label: z.string().max(200).optional() };

/** Higher is better (atLeast, the default) or lower is better (atMost). */
const better = z.enum(["atLeast", "atMost"]).default("atLeast");
/**
 * A rule that earns points out of its own full marks (`points`; default the item's 分值): the item
 * loses what the rule does not earn, or, in a bonus item, gains what it earns. docs/rubrics.md.
 */
const fullMarks = { points: points.optional() };

/** The rule shapes real 细则 use beyond a target (issue 9): each in docs/rubrics.md with a worked example. */
const shapeRules = [
  /** 分档计分: the band with the highest `min` the value reaches (min itself included) earns its points or share of the full marks. */
  z.strictObject({
    type: z.literal("bands"),
    indicator: name,
    bands: z
      .array(z.strictObject({ min: z.number().finite(), points: points.optional(), share: z.number().finite().min(0).max(1).optional() }))
      .min(1)
      .max(20),
    ...fullMarks,
    ...ruleLabel,
  }),
  /** 按与最优单位的比例得分: full × value / best (atLeast) or full × best / value (atMost), best over the run. */
  z.strictObject({ type: z.literal("relativeBest"), indicator: name, direction: better, ...fullMarks, ...ruleLabel }),
  /** 每低于平均值1个百分点扣0.5分: `points` per `step` below (atLeast) or above (atMost) the run's average. */
  z.strictObject({
    type: z.literal("relativeAverage"),
    indicator: name,
    direction: better,
    points,
    step: z.number().finite().positive().default(1),
    rounding: z.enum(["none", "ceil", "floor"]).default("none"),
    ...ruleLabel,
  }),
  /** 第1名6分，依次递减0.5分: points = first − (rank − 1) × step, never below `floor`; competition ranks. */
  z.strictObject({
    type: z.literal("rank"),
    indicator: name,
    direction: better,
    /** Points of the first place (default the item's 分值). */
    ...fullMarks,
    step: z.number().finite().min(0).max(1000),
    floor: points.default(0),
    ...ruleLabel,
  }),
  /** 功效系数法: base + (value − 不允许值) / (满意值 − 不允许值) × (full − base), kept within [0, full]. */
  z.strictObject({
    type: z.literal("efficacy"),
    indicator: name,
    direction: better,
    /** 满意值: a figure, or the run's best unit. */
    satisfactory: z.union([z.number().finite(), z.literal("best")]),
    /** 不允许值: a figure, or the run's worst unit. */
    unacceptable: z.union([z.number().finite(), z.literal("worst")]),
    /** 基础分: the points at exactly 不允许值. */
    base: points,
    ...fullMarks,
    ...ruleLabel,
  }),
  /** 民主测评: several raters' columns; drop the `drop` highest and `drop` lowest, average the rest, scale `outOf` to the full marks. */
  z.strictObject({
    type: z.literal("raters"),
    indicators: z.array(name).min(1).max(100),
    drop: z.number().int().min(0).max(10).default(1),
    outOf: z.number().finite().positive().max(1e6),
    ...fullMarks,
    ...ruleLabel,
  }),
  /** 折算: a score from another assessment, value × full / outOf, kept within [0, full]. */
  z.strictObject({
    type: z.literal("converted"),
    indicator: name,
    outOf: z.number().finite().positive().max(1e6),
    ...fullMarks,
    ...ruleLabel,
  }),
] as const;

export const ruleSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("target"),
    indicator: name,
    target: targetRef,
    /** atLeast: higher is better (计划生育率 ≥ 88); atMost: lower is better (出生率 ≤ 11‰). */
    direction: z.enum(["atLeast", "atMost"]).default("atLeast"),
    /** Points per `step` of shortfall (每低一个百分点扣1分): deducted, or awarded in a bonus item. */
    points: points.optional(),
    step: z.number().finite().positive().default(1),
    rounding: z.enum(["none", "ceil", "floor"]).default("none"),
    /**
     * Whether the target figure itself meets the target. true (default): 以上/以下/达到 (≥ 88, ≤ 11‰);
     * false: 超过/高于/低于/不满 (> 88, < 11‰), so a value exactly at the target misses it.
     */
    inclusive: z.boolean().default(true),
    ...ruleLabel,
  }),
  z.strictObject({ type: z.literal("perCount"), indicator: name, points, ...ruleLabel }),
  z.strictObject({
    type: z.literal("check"),
    indicator: name,
    points: points.optional(),
    /** The answer that triggers the points: false for 成立领导小组 (否 deducts), true for 上级考核出现差错. */
    when: z.boolean().default(false),
    ...ruleLabel,
  }),
  z.strictObject({
    type: z.literal("range"),
    indicator: name,
    min: targetRef,
    max: targetRef,
    /** Also met when the value is lower than this column (e.g. last year's sex ratio). Kept for old rubrics; see orToward. */
    orLowerThan: name.optional(),
    /**
     * Also met when the value moved toward [min, max] since `previous` (趋向正常): its distance to the
     * range shrank by at least `minChange` (明显, a local choice; 0 = any narrowing).
     */
    orToward: z.strictObject({ previous: name, minChange: z.number().finite().min(0).default(0) }).optional(),
    points: points.optional(),
    ...ruleLabel,
  }),
  z.strictObject({
    type: z.literal("improvement"),
    indicator: name,
    previous: name,
    direction: z.enum(["higher", "lower"]).default("higher"),
    points: points.optional(),
    ...ruleLabel,
  }),
  z.strictObject({ type: z.literal("enteredScore"), indicator: name, ...ruleLabel }),
  z.strictObject({
    type: z.literal("formula"),
    /** Points to deduct (or award), e.g. "MAX(0, 3 - 会议次数) * 0.5". */
    points: z.string().min(1).max(500),
    reason: z.string().min(1).max(200),
  }),
  ...shapeRules,
]);

export const partSchema = z.strictObject({ name: z.string().min(1).max(300), max: points });

export const itemSchema = z.strictObject({
  name,
  /** 分值. Required in points rubrics; attainment rubrics have none. */
  max: points.optional(),
  /** 加分项: rules award points instead of deducting them. */
  bonus: z.boolean().default(false),
  rules: z.array(ruleSchema).min(1).max(50),
  /** The source's sub-items and their points, kept for reference and checked against `max`. */
  parts: z.array(partSchema).max(50).optional(),
  description: z.string().max(1000).optional(),
  /** 分类考核: the item applies only to units of these categories (ranking.categoryColumn); others neither score it nor count its 分值. */
  categories: z.array(name).min(1).max(50).optional(),
});

export const sectionSchema = z.strictObject({ name: z.string().max(100), items: z.array(itemSchema).min(1).max(200) });

/** What a veto does to the grade: 定为 a stated grade (不合格), or 降 N 等次 (one band down by default). */
export const gradeEffectSchema = z.union([
  z.strictObject({ label: z.string().min(1).max(20) }),
  z.strictObject({ down: z.number().int().min(1).max(9) }),
]);
const vetoGrade = { grade: gradeEffectSchema.optional() };

export const vetoSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("fact"), when: z.string().min(1).max(500), reason: z.string().min(1).max(200), ...vetoGrade }),
  z.strictObject({
    type: z.literal("totalBelow"),
    value: z.number().finite(),
    /** true: 80分以下 (≤ 80, the figure included); false (default, as before): 不满80分 (< 80). */
    inclusive: z.boolean().default(false),
    ...vetoGrade,
  }),
  z.strictObject({ type: z.literal("anyMissed"), ...vetoGrade }),
]);

const topN = z.number().int().min(1).max(1000);

/**
 * 名额: at most `percent` % of the group's units (those with a total) get this grade, the count
 * rounded by `rounding`; units over it fall to the next grade. Ties at the boundary are broken by the
 * `tieBreak` indicator (higher first) and then all come in (`allIn`) or all stay out (`allOut`).
 */
export const quotaSchema = z.strictObject({
  percent: z.number().finite().min(0).max(100),
  rounding: z.enum(["floor", "round", "ceil"]).default("floor"),
  ties: z.enum(["allOut", "allIn"]).default("allOut"),
  tieBreak: name.optional(),
});

export const gradeSchema = z.strictObject({ min: z.number().finite(), label: z.string().min(1).max(20), quota: quotaSchema.optional() });

export const outcomesSchema = z.strictObject({
  commendation: z.strictObject({ top: topN }).optional(),
  laggard: z
    .strictObject({
      bottom: topN,
      below: z.number().finite().optional(),
      /** true: 85分以下 (≤ 85, the figure included); false (default, as before): < 85. */
      inclusive: z.boolean().default(false),
    })
    .optional(),
  progress: z.strictObject({ top: topN, previous: name }).optional(),
  grades: z.array(gradeSchema).max(10).optional(),
  /** What a veto does to the grade when the veto itself does not say (no grade at all when neither says). */
  vetoGrade: gradeEffectSchema.optional(),
});

export const compositeSchema = z.strictObject({
  name,
  parts: z
    .array(
      z.union([
        z.strictObject({ total: z.literal(true), weight: z.number().finite() }),
        z.strictObject({ indicator: name, weight: z.number().finite() }),
      ]),
    )
    .min(1)
    .max(10),
});

export const rubricSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "lowercase letters, digits, . _ -"),
    name: z.string().min(1).max(200),
    version: z.string().min(1).max(40),
    mode: z.enum(["points", "attainment"]).default("points"),
    source: z.string().max(500).optional(),
    description: z.string().max(2000).optional(),
    /** The stated full marks (100); the checker compares it with the items' points. */
    maxTotal: points.optional(),
    bonusCap: points.optional(),
    indicators: z.array(indicatorSchema).min(1).max(500),
    sections: z.array(sectionSchema).max(50).optional(),
    items: z.array(itemSchema).max(200).optional(),
    vetoes: z.array(vetoSchema).max(50).default([]),
    ranking: z
      .strictObject({
        categoryColumn: name.optional(),
        /** 难度系数: a category's totals × its coefficient (街道 1, 乡镇 1.05); units are then ranked together on the adjusted totals. */
        coefficients: z.record(z.string().min(1).max(100), z.number().finite().positive().max(10)).optional(),
      })
      .default({}),
    outcomes: outcomesSchema.default({}),
    composites: z.array(compositeSchema).max(10).default([]),
    unitTargets: z.record(z.string().min(1), z.record(z.string().min(1), z.number().finite())).optional(),
  })
  .refine((r) => (r.sections?.length ?? 0) + (r.items?.length ?? 0) > 0, {
    message: "a rubric needs `items` or `sections`",
    path: ["items"],
  });

export type RubricDoc = z.output<typeof rubricSchema>;
export type RubricInput = z.input<typeof rubricSchema>;
export type IndicatorDoc = z.output<typeof indicatorSchema>;
export type RuleDoc = z.output<typeof ruleSchema>;
export type ItemDoc = z.output<typeof itemSchema>;
export type VetoDoc = z.output<typeof vetoSchema>;
export type TargetRef = z.output<typeof targetRef>;
export type OutcomesDoc = z.output<typeof outcomesSchema>;
export type CompositeDoc = z.output<typeof compositeSchema>;
export type GradeDoc = z.output<typeof gradeSchema>;
export type GradeEffectDoc = z.output<typeof gradeEffectSchema>;
