/**
 * One item's result (score/item.ts): when it is met, unmet or undecided, when it has a score and a
 * 分值, and which cells it marks — the cases a mutant of the item's bookkeeping would change.
 */
import { grid } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";

const rate = (name: string, extra: Record<string, unknown> = {}) => ({ name, type: "percent", ...extra });
const target = (indicator: string) => ({ type: "target", indicator, target: 90, points: 1 });

function first(doc: Record<string, unknown>, header: string[], row: (string | number | null)[]) {
  return unit(assessed(grid([["单位", ...header], ["甲", ...row]]), rubricOf(doc)), "甲");
}

describe("an item's result", () => {
  it("no rule applies (an optional indicator left blank): neither met nor missed, full marks, the unit scored", () => {
    const u = first({ indicators: [rate("知晓率", { required: false })], items: [{ name: "知晓", max: 5, rules: [target("知晓率")] }] }, ["知晓率"], [null]);
    expect(u.items[0]).toMatchObject({ met: null, score: 5, max: 5, deductions: [] });
    expect(u.total).toBe(5);
  });

  it("a required value missing: no score, and undecided even when its other rule is met", () => {
    const doc = { indicators: [rate("甲率"), rate("乙率")], items: [{ name: "两率", max: 10, rules: [target("甲率"), target("乙率")] }] };
    const u = first(doc, ["甲率", "乙率"], [95, null]);
    expect(u.items[0]).toMatchObject({ met: null, score: null });
    expect(u.status).toBe("incomplete");
    // The same item with the other rule missed is missed: what was seen is a shortfall.
    expect(first(doc, ["甲率", "乙率"], [85, null]).items[0]).toMatchObject({ met: false, score: null });
  });

  it("attainment rubrics give items no score and no 分值, only met or not", () => {
    const doc = { mode: "attainment", indicators: [rate("甲率")], items: [{ name: "甲", rules: [{ ...target("甲率"), points: undefined }] }] };
    expect(first(doc, ["甲率"], [85]).items[0]).toMatchObject({ met: false, score: null, max: null });
    expect(first(doc, ["甲率"], [95]).items[0]).toMatchObject({ met: true, score: null, max: null });
    // A 分值 written into an attainment rubric anyway is not a score either.
    const withMax = { ...doc, items: [{ name: "甲", max: 10, rules: [{ ...target("甲率"), points: undefined }] }] };
    expect(first(withMax, ["甲率"], [85]).items[0]).toMatchObject({ met: false, score: null, max: null });
  });

  it("民主测评 with optional raters: as many ratings as it drops leaves none to average, a problem of the unit", () => {
    const raters = ["评委1", "评委2", "评委3", "评委4"];
    const doc = { indicators: raters.map((name) => ({ name, type: "number", min: 0, max: 100, required: false })), items: [{ name: "测评", max: 10, rules: [{ type: "raters", indicators: raters, outOf: 100 }] }] };
    // drop 1 highest and 1 lowest: 2 ratings leave none; 3 leave one (80 of 70, 80, 90: 10 × 80 / 100 = 8).
    const two = first(doc, raters, [80, 70, null, null]);
    expect(two.status).toBe("incomplete");
    expect(two.problems.map((p) => [p.code, p.params.count, p.params.drop])).toEqual([["value.tooFewRaters", 2, 1]]);
    expect(first(doc, raters, [80, 70, 90, null]).items[0]).toMatchObject({ score: 8 });
  });

  it("a missed rule without a cell of its own (民主测评 averages several) marks no cell", () => {
    const raters = ["评委1", "评委2", "评委3"];
    const doc = { indicators: raters.map((name) => ({ name, type: "number", min: 0, max: 100 })), items: [{ name: "测评", max: 10, rules: [{ type: "raters", indicators: raters, outOf: 100 }] }] };
    const u = first(doc, raters, [80, 70, 90]);
    // drop 90 and 70, average 80: 10 × 80 / 100 = 8
    expect(u.items[0]).toMatchObject({ score: 8, met: false });
    expect(u.shortfallCells).toStrictEqual([]);
  });
});
