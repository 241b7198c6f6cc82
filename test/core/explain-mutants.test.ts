/**
 * A unit's explanation, line by line: what its note, its 考核明细 row and its result cell say. Rendered
 * with plain test texts (every label, reason and issue visible as its code), so each line is exact.
 */
import type { Issue } from "../../src/core/issue";
import {
  attainedText, explainUnit, explanationLines, explanationOf, hasSomethingToExplain, resultText,
} from "../../src/core/plan/explain";
import type { Texts } from "../../src/core/plan/texts";
import type { Deduction, ItemResult, Reason, UnitResult } from "../../src/core/score/types";

const texts = (): Texts => ({
  label: (k) => `[${k}]`,
  reason: (r) => `${r.code}(${Object.entries(r.params).map(([k, v]) => `${k}=${typeof v === "object" ? v.join("+") : v}`).join(",")})`,
  issue: (i) => `!${i.code}`,
  sep: " | ",
  paren: (x) => `（${x}）`,
  colon: ": ",
  list: (xs) => xs.join("、"),
});

const item = (name: string, over: Partial<ItemResult> = {}): ItemResult => ({
  name, section: "一", bonus: false, max: 10, score: 10, met: true, deductions: [], findings: [], floored: false, ...over,
});
const unit = (over: Partial<UnitResult> = {}): UnitResult => ({
  row: 3, unit: "甲街道", status: "scored", total: 90, rank: 2, outcomes: [], vetoReasons: [], items: [], composites: [],
  shortfallCells: [], problems: [], ...over,
});
const low = (points: number, cell?: string): Deduction => ({ points, reason: { code: "target.low", params: { indicator: "出生率", points } }, ...(cell ? { cell } : {}) });
const veto = (): Reason => ({ code: "veto.fact", params: { indicator: "安全事故" } });
const missing = (severity: "error" | "warning", cell: string): Issue => ({ code: "value.missing", severity, params: { indicator: "出生率" }, cell });

describe("attained count and result cell", () => {
  it("counts targets met of those asked; nothing while incomplete", () => {
    const items = [item("甲", { met: true }), item("乙", { met: false }), item("丙", { met: null }), item("丁", { met: true })];
    expect(attainedText(unit({ items }))).toBe("2/3");
    expect(attainedText(unit({ items, status: "vetoed" }))).toBe("2/3");
    expect(attainedText(unit({ items, status: "incomplete" }))).toBeNull();
  });

  it("incomplete says only that, whatever else the unit carries", () => {
    const t = texts();
    expect(resultText(unit({ status: "incomplete", vetoReasons: [veto()], outcomes: ["laggard"], grade: "较差" }), t)).toBe("[incomplete]");
  });

  it("vetoed: the veto reasons, outcomes other than 未达标 (the veto names the targets), the grade", () => {
    const t = texts();
    const u = unit({ status: "vetoed", vetoReasons: [veto()], outcomes: ["notAttained", "laggard"], grade: "不合格", items: [item("出生率", { met: false })] });
    expect(resultText(u, t)).toBe("veto.fact(indicator=安全事故) | [laggard] | 不合格");
  });

  it("未达标 names the missed targets only", () => {
    const t = texts();
    const items = [item("出生率", { met: false }), item("流动人口", { met: true }), item("死亡率", { met: null }), item("自然增长率", { met: false })];
    expect(resultText(unit({ outcomes: ["notAttained"], items }), t)).toBe("[notAttained]（出生率、自然增长率）");
    expect(resultText(unit({ outcomes: ["attained", "progress"], grade: "优秀", items }), t)).toBe("[attained] | [progress] | 优秀");
  });

  it("never empty: a scored unit with nothing else shows its status", () => {
    const t = texts();
    expect(resultText(unit(), t)).toBe("[scored]");
    expect(resultText(unit({ status: "vetoed" }), t)).toBe("[vetoed]");
  });
});

describe("whether a unit has something to explain", () => {
  it("a clean scored unit has nothing; anything it lost, any problem, a status other than scored has", () => {
    expect(hasSomethingToExplain(unit({ items: [item("甲")] }))).toBe(false);
    expect(hasSomethingToExplain(unit({ status: "vetoed", vetoReasons: [veto()] }))).toBe(true);
    expect(hasSomethingToExplain(unit({ status: "incomplete", total: null }))).toBe(true);
    expect(hasSomethingToExplain(unit({ problems: [missing("warning", "C4")] }))).toBe(true);
    expect(hasSomethingToExplain(unit({ items: [item("甲"), item("乙", { deductions: [low(1)] })] }))).toBe(true);
    expect(hasSomethingToExplain(unit({ items: [item("乙", { findings: [low(0)] })] }))).toBe(true);
    // One deduction and one finding on the same item: still something.
    expect(hasSomethingToExplain(unit({ items: [item("乙", { deductions: [low(1)], findings: [low(0)] })] }))).toBe(true);
  });

  it("of outcome reasons, only a held-back grade or a coefficient other than 1 changes what the row shows", () => {
    const reasons = (...r: Reason[]) => hasSomethingToExplain(unit({ outcomeReasons: r }));
    expect(reasons({ code: "grade.quota", params: { grade: "优秀" } })).toBe(true);
    expect(reasons({ code: "grade.vetoDown", params: {} })).toBe(true);
    expect(reasons({ code: "coefficient", params: { coefficient: 1.1 } })).toBe(true);
    expect(reasons({ code: "coefficient", params: { coefficient: 1 } })).toBe(false);
    expect(reasons({ code: "laggard", params: { line: 85 } })).toBe(false);
    expect(reasons({ code: "laggard", params: { coefficient: 2 } })).toBe(false);
    expect(reasons()).toBe(false);
  });
});

describe("the explanation as data", () => {
  it("every reason with its cell, 扣完为止 with the points deducted, the bonus cap with its max", () => {
    const u = unit({
      items: [
        item("出生率", { score: 0, deductions: [low(6, "C4"), low(5.5)], floored: true }),
        item("加分", { bonus: true, max: 3, score: 3, deductions: [low(2, "D4"), low(2)], floored: true }),
        item("流动人口", { score: 8, deductions: [low(2)] }),
        item("死亡率"),
      ],
    });
    const e = explanationOf(u);
    expect(e.items).toStrictEqual([
      { name: "出生率", score: 0, max: 10, reasons: [{ reason: low(6).reason, cell: "C4" }, { reason: low(5.5).reason }, { reason: { code: "floored", params: { points: 11.5 } } }] },
      { name: "加分", score: 3, max: 3, reasons: [{ reason: low(2).reason, cell: "D4" }, { reason: low(2).reason }, { reason: { code: "capped", params: { points: 4, max: 3 } } }] },
      { name: "流动人口", score: 8, max: 10, reasons: [{ reason: low(2).reason }] },
    ]);
    expect(e.fullMarks).toBe(true);
  });

  it("findings are explained after deductions; only errors are the unit's problems", () => {
    const u = unit({ status: "incomplete", total: null, problems: [missing("error", "C4"), missing("warning", "D4")], items: [item("出生率", { deductions: [low(1)], findings: [low(0, "E4")] })] });
    const e = explanationOf(u);
    expect(e.items[0]?.reasons).toStrictEqual([{ reason: low(1).reason }, { reason: low(0).reason, cell: "E4" }]);
    expect(e.problems).toEqual([missing("error", "C4")]);
    expect(e.outcomeReasons).toEqual([]);
  });

  it("其余各项满分 only when some but not all of the unit's own items lost nothing, points rubric, with a total", () => {
    const lost = item("甲", { score: 8, deductions: [low(2)] });
    const full = (items: ItemResult[], over: Partial<UnitResult> = {}) => explanationOf(unit({ items, ...over })).fullMarks;
    expect(full([lost, item("乙")])).toBe(true);
    expect(full([lost])).toBe(false);
    expect(full([item("乙")])).toBe(false);
    // An item that is not the unit's (分类考核) is not full marks.
    expect(full([lost, item("乙", { notApplicable: true, score: null })])).toBe(false);
    expect(full([lost, item("乙")], { status: "incomplete" })).toBe(false);
    expect(full([lost, item("乙")], { status: "vetoed" })).toBe(true);
    // Attainment rubrics have no points to be full of.
    expect(full([item("甲", { max: null, score: null, met: false, findings: [low(0)] }), item("乙", { max: null, score: null })])).toBe(false);
  });
});

describe("the note and the 考核明细 lines", () => {
  it("the note: standing, outcome reasons, problems at their cells, each item with its score and reasons, full marks", () => {
    const u = unit({
      outcomeReasons: [{ code: "laggard", params: { line: 85 } }],
      problems: [missing("error", "C4"), { code: "value.missing", severity: "error", params: { indicator: "死亡率" } }],
      items: [item("出生率", { score: 7, deductions: [low(3, "C4")] }), item("死亡率", { score: null, deductions: [low(1)] }), item("流动人口")],
    });
    expect(explainUnit(u, texts()).split("\n")).toEqual([
      "甲街道 | [total] 90 | [rank] 2 | [scored]",
      "laggard(line=85)",
      "C4 !value.missing",
      "!value.missing",
      "出生率 7/10:",
      "  · target.low(indicator=出生率,points=3)（C4）",
      "死亡率:",
      "  · target.low(indicator=出生率,points=1)",
      "[fullMarks]",
    ]);
  });

  it("no total, no rank, no score for an attainment target", () => {
    const u = unit({ status: "incomplete", total: null, rank: null, items: [item("出生率", { max: null, score: null, met: false, findings: [low(0)] })] });
    expect(explainUnit(u, texts())).toBe("甲街道 | [incomplete]\n出生率:\n  · target.low(indicator=出生率,points=0)");
  });

  it("the 考核明细 lines: item reasons at their cells, vetoes, outcome reasons, problems; none gives null", () => {
    const u = unit({
      status: "vetoed", vetoReasons: [veto()], outcomeReasons: [{ code: "grade.veto", params: { grade: "不合格" } }],
      problems: [missing("error", "C4"), missing("warning", "D4")],
      items: [item("出生率", { score: 7, deductions: [low(3, "C4"), low(0)] })],
    });
    expect(explanationLines(u, texts())?.split("\n")).toEqual([
      "C4 target.low(indicator=出生率,points=3)",
      "target.low(indicator=出生率,points=0)",
      "veto.fact(indicator=安全事故)",
      "grade.veto(grade=不合格)",
      "C4 !value.missing",
    ]);
    expect(explanationLines(unit({ items: [item("甲")] }), texts())).toBeNull();
  });
});
