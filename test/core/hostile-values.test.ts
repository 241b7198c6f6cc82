/** Careless and hostile cell values (issue 11): the number parser, long values, counts, fractions, headers. */
import type { Rubric } from "../../src/core/rubric/model";
import fc from "fast-check";
import { grid } from "../helpers/grid";
import { assessed, rubricOf, unit } from "../helpers/rubric";
import { echo, parseCell, scanDecimal } from "../../src/core/values";
import { locateTable } from "../../src/core/table/layout";

// The pattern parseNumberText used before: the reference for what counts as a number.
const OLD = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%|‰)?$/i;

describe("the number parser", () => {
  const adversarial = fc.oneof(
    fc.string({ unit: fc.constantFrom("1", "0", ".", "e", "E", "+", "-", "%", "‰", "x", "9"), maxLength: 40 }),
    fc.string({ maxLength: 20 }),
  );

  it("property: accepts exactly what the old pattern accepted, with the same number and suffix", () => {
    fc.assert(
      fc.property(adversarial, (s) => {
        const m = OLD.exec(s);
        const got = scanDecimal(s);
        expect(got === null ? null : [got.text, got.suffix]).toEqual(m ? [m[1], m[2] ?? ""] : null);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: linear time on any input up to 32,767 characters (characters visited ≤ 3 × length + 3)", () => {
    const piece = fc.constantFrom("1", "11111", ".", "1.", "e1", "e", "-", "%", "x", "１", "1,000");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 1, max: 80 }), (parts, times) => {
        const s = parts.join("").repeat(times).slice(0, 32767);
        const meter = { steps: 0 };
        scanDecimal(s, meter);
        expect(meter.steps).toBeLessThanOrEqual(3 * s.length + 3);
      }),
      { numRuns: 200 },
    );
    // The case from the issue: '1' × 32000 + 'x', which took seconds per cell with the old pattern.
    const meter = { steps: 0 };
    expect(scanDecimal("1".repeat(32000) + "x", meter)).toBeNull();
    expect(meter.steps).toBeLessThanOrEqual(3 * 32001 + 3);
  });

  it("a 32 KB value in a percent cell is 'not a number', echoed cut with …", () => {
    const p = parseCell({ value: "1".repeat(32000) + "x" }, "percent");
    expect(p).toMatchObject({ ok: false, error: { code: "value.notNumber" } });
    if (!p.ok && p.error.code === "value.notNumber") {
      expect(p.error.params.value).toBe(echo("1".repeat(32000)));
      expect(String(p.error.params.value).length).toBe(80);
      expect(String(p.error.params.value).endsWith("…")).toBe(true);
    }
  });
});

describe("counts and fractions", () => {
  let r: Rubric;
  // Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
  beforeEach(() => (r = rubricOf({
    indicators: [{ name: "违规次数", type: "count" }, { name: "计划生育率", type: "percent" }],
    items: [
      { name: "违规", max: 10, rules: [{ type: "perCount", indicator: "违规次数", points: 2 }] },
      { name: "计生", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] },
    ],
  })));

  it("1.5 次 in a count column is refused with its own message", () => {
    expect(parseCell({ value: 1.5 }, "count")).toEqual({ ok: false, error: { code: "value.fractionalCount", params: { value: "1.5" } } });
    expect(parseCell({ value: "0.01" }, "count")).toMatchObject({ ok: false, error: { code: "value.fractionalCount" } });
    expect(parseCell({ value: 3 }, "count")).toEqual({ ok: true, value: 3 });
    const a = assessed(grid([["单位", "违规次数", "计划生育率"], ["甲", 1.5, 90]]), r);
    expect(unit(a, "甲").status).toBe("incomplete");
    expect(a.problems).toContainEqual(expect.objectContaining({ code: "value.fractionalCount", cell: "B2" }));
  });

  it("a General-formatted percent column of 0.88-like values is warned as fractions", () => {
    const a = assessed(grid([["单位", "违规次数", "计划生育率"], ["甲", 0, 0.88], ["乙", 0, 0.92], ["丙", 0, null]]), r);
    const w = a.problems.filter((p) => p.code === "column.looksLikeFractions");
    expect(w).toEqual([expect.objectContaining({ severity: "warning", cell: "C1", params: expect.objectContaining({ name: "计划生育率", example: 0.88, percent: 88 }) })]);
  });

  it("no fraction warning when one value is above 1, when cells are percent-formatted, or when all are 0", () => {
    const warned = (rows: unknown[][]) => assessed(grid([["单位", "违规次数", "计划生育率"], ...(rows as never[][])]), r).problems.some((p) => p.code === "column.looksLikeFractions");
    expect(warned([["甲", 0, 0.88], ["乙", 0, 92]])).toBe(false);
    expect(warned([["甲", 0, { value: 0.88, numFmt: "0%" }], ["乙", 0, { value: 0.92, numFmt: "0%" }]])).toBe(false);
    expect(warned([["甲", 0, 0], ["乙", 0, 1]])).toBe(false);
  });
});

describe("invisible characters in headers", () => {
  let r: Rubric;
  // Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
  beforeEach(() => (r = rubricOf({
    indicators: [{ name: "计划生育率", type: "percent" }],
    items: [{ name: "计生", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 88, points: 1 }] }],
  })));

  it.each([["U+200D", "\u200d"], ["U+200B", "\u200b"], ["U+FEFF", "\ufeff"]])("a header with %s is matched as if the character were absent", (_name, ch) => {
    const { layout, issues } = locateTable(grid([["单位", `计划${ch}生育率`], ["甲", 90]]), r);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(layout?.columns.get("计划生育率")).toBe(1);
  });

  it("a missing column's closest match shows the invisible difference escaped and blames the header cell", () => {
    const { issues } = locateTable(grid([["标题"], ["单位", "备注", "计划生育\u2062率"], ["甲", "", 90]]), r);
    const missing = issues.find((i) => i.code === "column.missing");
    expect(missing).toMatchObject({ cell: "C2", params: { closest: "计划生育\\u2062率" } });
  });
});
