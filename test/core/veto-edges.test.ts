/**
 * 一票否决 and a unit's values at the edges a mutation run found loose (score/vetoes.ts,
 * score/unit-values.ts, score/categories.ts): which cells a fired veto marks, that an undecided unit is
 * not vetoed, which problems a row reports (once each), and what an item a category skips says.
 */
import { grid } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";

const inds = [
  { name: "满意率", type: "percent" },
  { name: "案件数", type: "count" },
  { name: "其他数", type: "count", required: false },
];
const items = [{ name: "满意", max: 10, rules: [{ type: "target", indicator: "满意率", target: 90, points: 1 }] }];
const header = ["单位", "满意率", "案件数", "其他数"];

describe("a fact veto that fires", () => {
  const doc = { indicators: inds, items, vetoes: [{ type: "fact", when: "案件数 > 0 || 其他数 > 0", reason: "发生案件" }] };

  it("marks the cells its condition read, and no cell for a name the row has no value for", () => {
    // 其他数 is optional and blank: the condition is decided by 案件数 alone (||), and only C2 is marked.
    const u = unit(assessed(grid([header, ["甲", 95, 1, null]]), rubricOf(doc)), "甲");
    expect(u.status).toBe("vetoed");
    expect(u.vetoReasons.map((r) => r.code)).toEqual(["veto.fact"]);
    expect(u.shortfallCells).toStrictEqual(["C2"]);
  });

  it("marks the cells of both facts when both are present, with the shortfalls", () => {
    const u = unit(assessed(grid([header, ["甲", 85, 1, 2]]), rubricOf(doc)), "甲");
    expect(u.shortfallCells).toStrictEqual(["B2", "C2", "D2"]);
  });
});

describe("an undecided unit (a required value missing) is not vetoed by its total or its misses", () => {
  it("总分低于 and 任一未达标 say nothing of a unit that has no total", () => {
    const doc = {
      indicators: inds,
      items: [...items, { name: "案件", max: 5, rules: [{ type: "perCount", indicator: "案件数", points: 1 }] }],
      vetoes: [{ type: "totalBelow", value: 60 }, { type: "anyMissed" }],
    };
    const u = unit(assessed(grid([header, ["甲", 85, null, null]]), rubricOf(doc)), "甲");
    expect(u.status).toBe("incomplete");
    expect(u.total).toBeNull();
    expect(u.vetoReasons).toStrictEqual([]);
  });
});

describe("what a veto does to the grade is only the vetoed units'", () => {
  it("a unit no veto fires on keeps its grade and carries no veto effect", () => {
    const doc = {
      indicators: inds,
      items,
      vetoes: [{ type: "fact", when: "案件数 > 0", reason: "发生案件" }],
      outcomes: { grades: [{ label: "优秀", min: 9 }, { label: "合格", min: 0 }], vetoGrade: { label: "不合格" } },
    };
    const a = assessed(grid([header, ["甲", 95, 0, null], ["乙", 95, 1, null]]), rubricOf(doc));
    expect(unit(a, "甲")).toMatchObject({ status: "scored", grade: "优秀" });
    expect(unit(a, "甲").vetoGrade).toBeUndefined();
    expect(unit(a, "乙")).toMatchObject({ status: "vetoed", grade: "不合格" });
  });
});

describe("a row's problems", () => {
  const doc = { indicators: inds, items };

  it("a bad required value, a blank required value and a bad optional value are each a problem at their cell; an optional blank is none", () => {
    const a = assessed(grid([header, ["甲", "九十", 0, null], ["乙", 95, null, "两"]]), rubricOf(doc));
    expect(unit(a, "甲").problems.map((p) => [p.code, p.cell])).toEqual([["value.notNumber", "B2"]]);
    expect(unit(a, "乙").problems.map((p) => [p.code, p.cell])).toEqual([["value.missing", "C3"], ["value.notNumber", "D3"]]);
  });

  it("a derived indicator whose input is missing says so once, as the input's problem, not again as a failed formula", () => {
    const derived = { indicators: [...inds, { name: "案件率", type: "number", derive: "案件数 / 10" }], items: [{ name: "率", max: 5, rules: [{ type: "target", indicator: "案件率", target: 0.5, direction: "atMost", points: 1 }] }] };
    const u = unit(assessed(grid([header, ["甲", 95, null, null]]), rubricOf(derived)), "甲");
    expect(u.problems.map((p) => p.code)).toEqual(["value.missing"]);
  });
});

describe("an item a unit's category is not assessed on", () => {
  it("is not applicable: no score, no 分值, neither met nor floored; an unknown category warns that only common items count", () => {
    const doc = {
      indicators: inds,
      ranking: { categoryColumn: "类别" },
      items: [...items, { name: "案件", max: 5, categories: ["街道"], rules: [{ type: "perCount", indicator: "案件数", points: 10 }] }],
    };
    const a = assessed(grid([["单位", "类别", "满意率", "案件数"], ["甲", "社区", 95, 3], ["乙", "村", 95, 0]]), rubricOf(doc));
    const skipped = unit(a, "甲").items[1];
    expect(skipped).toMatchObject({ notApplicable: true, score: null, max: null, met: null, floored: false });
    expect(unit(a, "乙").problems).toEqual([expect.objectContaining({ code: "category.unknown", severity: "warning", params: expect.objectContaining({ has: "items" }) })]);
  });
});
