/**
 * The 评分细则 sheet: its block titles, header labels, columns and the closed choices offered as
 * drop-downs. Every word here is what the sheet shows; docs/rubric-sheet.md describes the layout.
 * A choice also accepts the rubric schema's own word (target, atLeast, …) when read back.
 */

export const SHEET_NAME = "评分细则";

/** A row whose first cell is one of these (and nothing else) starts a block. */
export const BLOCKS = {
  info: "【基本信息】",
  rules: "【考核项目】",
  indicators: "【指标】",
  parts: "【细项】",
  composites: "【综合得分】",
  unitTargets: "【分单位目标值】",
  grades: "【等次】",
} as const;
export type BlockKey = keyof typeof BLOCKS;

/** The header block: one label per row (A), its value in B (等次: label in B, lowest score in C). */
export const INFO = {
  schema: "$schema",
  name: "名称",
  id: "编号",
  version: "版本",
  mode: "模式",
  maxTotal: "满分",
  bonusCap: "加分上限",
  source: "来源",
  description: "说明",
  categoryColumn: "分类排名列",
  commendationTop: "表彰名额",
  laggardBottom: "后进单位名额",
  laggardBelow: "后进单位分数线",
  laggardInclusive: "分数线含本数",
  progressTop: "进步奖名额",
  progressPrevious: "进步奖上年总分列",
  grade: "等次",
  /** 难度系数: one row per category (B category, C coefficient). */
  coefficient: "难度系数",
  /** What a veto does to the grade, rubric-wide: a grade (不合格) or 降一等次. */
  vetoGrade: "否决后等次",
} as const;
export type InfoKey = keyof typeof INFO;

/** Columns of 【考核项目】, in the order written. Rows may be reordered by the official; columns are found by header. */
export const RULE_COLUMNS = {
  section: "类别",
  item: "考核项目",
  max: "分值",
  indicator: "指标/列",
  kind: "计分方式",
  target: "目标值",
  upper: "上限",
  direction: "方向",
  inclusive: "含本数",
  step: "每",
  points: "扣/加分",
  rounding: "取整",
  floor: "扣完为止/封顶",
  previous: "上年列",
  minChange: "至少缩小",
  lowerThan: "或低于列",
  veto: "一票否决条件",
  formula: "公式",
  note: "说明",
  itemText: "评分标准",
  // 分类考核 and 否决后等次 (issue #9)
  categories: "适用类别",
  vetoGrade: "否决后等次",
  // The rule shapes of issue 9 (分档计分 … 折算); see KIND_COLUMNS for which uses which.
  bands: "分档",
  ruleMax: "本条满分",
  decrement: "依次递减",
  rankFloor: "最低得分",
  satisfactory: "满意值",
  unacceptable: "不允许值",
  base: "基础分",
  drop: "去掉最高最低",
  outOf: "原满分",
} as const;
export type RuleColumn = keyof typeof RULE_COLUMNS;

export const INDICATOR_COLUMNS = {
  name: "指标名称",
  type: "类型",
  aliases: "别名",
  required: "必需",
  derive: "计算公式",
  min: "最小值",
  max: "最大值",
} as const;
export type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

export const PART_COLUMNS = { item: "考核项目", name: "细项", max: "分值" } as const;
export type PartColumn = keyof typeof PART_COLUMNS;

/** 【等次】: grades with 名额 (written when a grade has a quota; plain grades stay 等次 rows of 【基本信息】). */
export const GRADE_COLUMNS = {
  label: "等次",
  min: "最低分",
  percent: "名额比例(%)",
  rounding: "名额取整",
  ties: "同分处理",
  tieBreak: "同分比较列",
} as const;
export type GradeColumn = keyof typeof GRADE_COLUMNS;

export const COMPOSITE_COLUMNS = { name: "名称", part: "组成", weight: "权重" } as const;
export type CompositeColumn = keyof typeof COMPOSITE_COLUMNS;

/** 【分单位目标值】: 单位 in the first column, one column per target table. */
export const UNIT_COLUMN = "单位";
/** 组成 of a composite: the total itself, or an indicator's name. */
export const TOTAL_PART = "总分";
/** Aliases in one cell: 别名甲、别名乙. */
export const ALIAS_SEPARATOR = "、";
/** A target that is not a number: another column, or the per-unit table. */
export const COLUMN_PREFIX = "列：";
export const UNIT_TABLE_PREFIX = "分单位：";
/** 分档: "下限:得分" entries, e.g. "95:100%；90:50%" (a share of the full marks) or "95:10；90:6" (points). */
export const BAND_SEPARATOR = "；";
export const BAND_COLON = ":";
/** 功效系数法: 满意值 / 不允许值 taken from the run's best / worst unit. */
export const RUN_BEST = "最优";
export const RUN_WORST = "最差";

/** The words written for the rule shapes' direction (不低于/不高于 are read as the same). */
export const BETTER: Choice<"atLeast" | "atMost"> = [
  ["atLeast", "越高越好"],
  ["atMost", "越低越好"],
];

/** A closed choice: the words shown (first is written), mapped to the schema's value. */
type Choice<T> = ReadonlyArray<readonly [T, string]>;

export type Kind =
  | "target" | "perCount" | "check" | "range" | "improvement" | "enteredScore" | "formula"
  | "veto.fact" | "veto.totalBelow" | "veto.anyMissed"
  | "bands" | "relativeBest" | "relativeAverage" | "rank" | "efficacy" | "raters" | "converted";

export const KINDS: Choice<Kind> = [
  ["target", "对照目标值"],
  ["perCount", "按次数"],
  ["check", "是否"],
  ["range", "正常区间"],
  ["improvement", "较上年"],
  ["enteredScore", "录入得分"],
  ["formula", "公式"],
  ["bands", "分档计分"],
  ["relativeBest", "与最优单位比"],
  ["relativeAverage", "与平均值比"],
  ["rank", "名次计分"],
  ["efficacy", "功效系数法"],
  ["raters", "民主测评"],
  ["converted", "折算"],
  ["veto.fact", "一票否决"],
  ["veto.totalBelow", "总分线否决"],
  ["veto.anyMissed", "任一项未完成否决"],
];

export type Direction = "atLeast" | "atMost" | "higher" | "lower" | "whenFalse" | "whenTrue";
export const DIRECTIONS: Choice<Direction> = [
  ["atLeast", "不低于"],
  ["atMost", "不高于"],
  ["higher", "比上年高"],
  ["lower", "比上年低"],
  ["whenFalse", "答否时扣"],
  ["whenTrue", "答是时扣"],
  ...BETTER,
];

export const ROUNDINGS: Choice<"none" | "ceil" | "floor"> = [
  ["none", "不取整"],
  ["ceil", "不足1个按1个计"],
  ["floor", "不足1个不计"],
];

/** The item's floor or cap: a deduction item stops at 0, a bonus item at its 分值. */
export const FLOORS: Choice<"deduct" | "bonus"> = [
  ["deduct", "扣完为止"],
  ["bonus", "加分封顶"],
];

export const QUOTA_ROUNDINGS: Choice<"floor" | "round" | "ceil"> = [
  ["floor", "向下取整"],
  ["round", "四舍五入"],
  ["ceil", "向上取整"],
];

export const TIES: Choice<"allOut" | "allIn"> = [
  ["allOut", "同分均不计入"],
  ["allIn", "同分均计入"],
];

/** Categories in one cell: 街道、乡镇 (also , ， ; ；). */
export const CATEGORY_SEPARATOR = "、";
export const CATEGORY_SPLIT = /[、,，;；]/;

export const MODES: Choice<"points" | "attainment"> = [
  ["points", "计分"],
  ["attainment", "达标"],
];

export const TYPES: Choice<"percent" | "permille" | "number" | "count" | "boolean" | "score"> = [
  ["percent", "百分率"],
  ["permille", "千分率"],
  ["number", "数值"],
  ["count", "次数"],
  ["boolean", "是否"],
  ["score", "得分"],
];

export const YES_NO: Choice<boolean> = [
  [true, "是"],
  [false, "否"],
];

/** Other words a person may type for 是/否. */
export const YES_WORDS = ["是", "y", "yes", "true", "√", "✓", "含"];
export const NO_WORDS = ["否", "n", "no", "false", "×", "✗", "不含"];

export function choiceLabel<T>(choices: Choice<T>, value: T): string {
  const found = choices.find(([v]) => v === value);
  if (!found) throw new Error(`no label for ${String(value)}`);
  return found[1];
}

export const choiceLabels = <T>(choices: Choice<T>): string[] => choices.map(([, label]) => label);

/** Which rule columns each 计分方式 may fill (the item's own columns are always allowed). */
export const KIND_COLUMNS: Record<Kind, ReadonlyArray<RuleColumn>> = {
  target: ["indicator", "target", "direction", "inclusive", "step", "points", "rounding", "note"],
  perCount: ["indicator", "points", "note"],
  check: ["indicator", "direction", "points", "note"],
  range: ["indicator", "target", "upper", "points", "previous", "minChange", "lowerThan", "note"],
  improvement: ["indicator", "direction", "previous", "points", "note"],
  enteredScore: ["indicator", "note"],
  formula: ["formula", "note"],
  "veto.fact": ["veto", "note", "vetoGrade"],
  "veto.totalBelow": ["target", "inclusive", "vetoGrade"],
  "veto.anyMissed": ["vetoGrade"],
  bands: ["indicator", "bands", "ruleMax", "note"],
  relativeBest: ["indicator", "direction", "ruleMax", "note"],
  relativeAverage: ["indicator", "direction", "step", "points", "rounding", "note"],
  rank: ["indicator", "direction", "ruleMax", "decrement", "rankFloor", "note"],
  efficacy: ["indicator", "direction", "satisfactory", "unacceptable", "base", "ruleMax", "note"],
  raters: ["indicator", "drop", "outOf", "ruleMax", "note"],
  converted: ["indicator", "outOf", "ruleMax", "note"],
};

/** Columns that describe the item, not the rule: read on the item's first row (or merged down). */
export const ITEM_COLUMNS: ReadonlyArray<RuleColumn> = ["section", "item", "max", "floor", "itemText", "categories"];
