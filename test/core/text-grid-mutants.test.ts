/**
 * Names, cell addresses and displayed values: what header matching, unit matching and every issue's
 * cell rest on. Inputs are built inside each test (docs/mutation.md).
 */
import fc from "fast-check";
import {
  type CellValue,
  UNCALCULATED,
  a1,
  columnCount,
  columnIndex,
  columnLetter,
  displayValue,
  isErrorValue,
  isUncalculated,
  parseA1,
  parseRange,
  rangeA1,
} from "../../src/core/grid";
import { issue, mapIssueTexts } from "../../src/core/issue";
import { closest, fold, levenshtein, normalizeName, visible } from "../../src/core/text";
import { grid } from "../helpers/grid";

describe("cell values", () => {
  it("tells an uncalculated formula from other errors and from text that reads the same", () => {
    expect(isUncalculated({ error: "#UNCALCULATED" })).toBe(true);
    expect(UNCALCULATED).toBe("#UNCALCULATED");
    expect(isUncalculated({ error: "#N/A" })).toBe(false);
    expect(isUncalculated({ error: "" })).toBe(false);
    expect(isUncalculated("#UNCALCULATED")).toBe(false);
    expect(isUncalculated(null)).toBe(false);
    expect(isUncalculated(undefined)).toBe(false);
    expect(isUncalculated(0)).toBe(false);
  });

  it("takes only an object with a text error for an error value", () => {
    expect(isErrorValue({ error: "#DIV/0!" })).toBe(true);
    expect(isErrorValue(null)).toBe(false);
    expect(isErrorValue("#DIV/0!")).toBe(false);
    expect(isErrorValue(7)).toBe(false);
    expect(isErrorValue(true)).toBe(false);
    // A reader handing over a malformed object: not an error value (its `error` is no text).
    expect(isErrorValue({ error: 5 } as unknown as CellValue)).toBe(false);
  });

  it.each<[CellValue | undefined, string]>([
    [null, ""],
    [undefined, ""],
    [{ error: "#DIV/0!" }, "#DIV/0!"],
    [true, "TRUE"],
    [false, "FALSE"],
    [3.5, "3.5"],
    [0, "0"],
    ["  甲村 ", "  甲村 "],
  ])("shows %p as %p", (v, shown) => {
    expect(displayValue(v)).toBe(shown);
  });

  it("counts the columns of the widest row, over missing rows", () => {
    const g = grid([["a"], ["a", "b", "c"], [], ["a", "b"]]);
    expect(columnCount(g)).toBe(3);
    expect(columnCount({ sheet: "S", rows: [undefined, [undefined, undefined]], merges: [] })).toBe(2);
    expect(columnCount(grid([]))).toBe(0);
  });
});

describe("cell addresses", () => {
  it.each<[number, string]>([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
    expect(columnIndex(letters.toLowerCase())).toBe(col);
  });

  it("reads a column letter and its index back for every column Excel has", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (col) => columnIndex(columnLetter(col)) === col && /^[A-Z]{1,3}$/.test(columnLetter(col))));
  });

  it("reads A1 addresses, absolute or padded, and refuses anything else", () => {
    expect(parseA1("B3")).toEqual({ row: 2, col: 1 });
    expect(parseA1(" $c$10 ")).toEqual({ row: 9, col: 2 });
    expect(parseA1("XFD1048576")).toEqual({ row: 1048575, col: 16383 });
    for (const bad of ["", "3B", "ABCD1", "A1B", "A", "12", "A-1", "A1:B2", "甲1"]) expect(parseA1(bad)).toBeNull();
  });

  it("reads ranges in any corner order, a single cell as a range, and refuses a broken end", () => {
    expect(parseRange("C5:A2")).toEqual({ top: 1, left: 0, bottom: 4, right: 2 });
    expect(parseRange("B2")).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseRange("A1:ZZZZ9")).toBeNull();
    expect(parseRange("??:B2")).toBeNull();
    expect(parseRange(":")).toBeNull();
    expect(rangeA1({ top: 1, left: 0, bottom: 4, right: 27 })).toBe("A2:AB5");
    expect(a1(0, 0)).toBe("A1");
  });

  it("writes and reads back every range", () => {
    const cell = fc.record({ row: fc.integer({ min: 0, max: 1048575 }), col: fc.integer({ min: 0, max: 16383 }) });
    fc.assert(
      fc.property(cell, cell, (p, q) => {
        const r = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
        expect(parseRange(rangeA1(r))).toEqual(r);
        expect(parseA1(a1(p.row, p.col))).toEqual(p);
      }),
    );
  });
});

describe("name normalisation", () => {
  it.each<[string, string]>([
    ["计划生育率(%)", "计划生育率"],
    ["计划生育率（％）", "计划生育率"],
    ["计划生育率 ", "计划生育率"],
    ["计 划\u3000生育率", "计划生育率"],
    ["计划\u200b生育\u200d率\ufeff", "计划生育率"],
    ["计划\u00ad生育率\u2060", "计划生育率"],
    ["ＲＥＤ　Ｆｌａｇ", "redflag"],
    ["实际上缴金额(元)【万元】", "实际上缴金额"],
    ["出生率(‰)", "出生率"],
    ["计划生育率：", "计划生育率"],
    ["计划生育率::", "计划生育率"],
    ["计划生育率＊", "计划生育率"],
    ["计划生育率*：", "计划生育率"],
  ])("%j matches as %j", (text, key) => {
    expect(normalizeName(text)).toBe(key);
  });

  it("keeps a colon or star inside a name and a bracket that is not at the end", () => {
    expect(normalizeName("说明:备注")).toBe("说明:备注");
    expect(normalizeName("A*B")).toBe("a*b");
    expect(normalizeName("(一)组织领导")).toBe("(一)组织领导");
  });

  it("strips at most three trailing bracketed units", () => {
    expect(normalizeName("得分(a)(b)(c)")).toBe("得分");
    expect(normalizeName("得分(a)(b)(c)(d)")).toBe("得分(a)");
  });

  it("drops every run of blanks and invisibles, whatever their mix", () => {
    expect(fold("甲 \u200b\u3000 \t村")).toBe("甲村");
    const blank = fc.constantFrom(" ", "\t", "\u3000", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\n");
    const word = fc.stringMatching(/^[甲乙丙村社区a-z0-9]{0,6}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.array(blank, { maxLength: 4 }))), (parts) => {
        const text = parts.map(([w, bs]) => w + bs.join("")).join("");
        expect(fold(text)).toBe(parts.map(([w]) => w).join(""));
        expect(normalizeName(text)).toBe(normalizeName(parts.map(([w]) => w).join("")));
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeName(normalizeName(s)) === normalizeName(s) && fold(fold(s)) === fold(s)));
  });

  it("writes invisible and control characters as \\uXXXX so a suggestion looks different", () => {
    expect(visible("计划\u200b生育率")).toBe("计划\\u200b生育率");
    expect(visible("\u00ad")).toBe("\\u00ad");
    expect(visible("a\u0001b")).toBe("a\\u0001b");
    expect(visible("计划生育率 (%)")).toBe("计划生育率 (%)");
  });
});

describe("edit distance", () => {
  it.each<[string, string, number]>([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["flaw", "lawn", 2],
    ["计划生育率", "计划生育", 1],
    ["计划生育率", "计划生育率达标率", 3],
    ["计划生育率", "计划率", 2],
    ["𠀀a", "a", 1],
    ["ab", "ba", 2],
  ])("%j to %j is %i", (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });

  it("is a distance: zero only to itself, symmetric, bounded by the lengths, and triangular", () => {
    const s = fc.string({ maxLength: 8, unit: fc.constantFrom("a", "b", "c", "率", "𠀀") });
    fc.assert(
      fc.property(s, s, s, (a, b, c) => {
        const d = levenshtein(a, b);
        const [la, lb] = [[...a].length, [...b].length];
        expect(d === 0).toBe(a === b);
        expect(levenshtein(b, a)).toBe(d);
        expect(d).toBeGreaterThanOrEqual(Math.abs(la - lb));
        expect(d).toBeLessThanOrEqual(Math.max(la, lb));
        expect(levenshtein(a, a + b)).toBe(lb);
        expect(d).toBeLessThanOrEqual(levenshtein(a, c) + levenshtein(c, b));
      }),
    );
  });
});

describe("the closest header", () => {
  it("weighs shared characters against the distance", () => {
    // 计划生育工作: distance 2, 4 shared; 计划率: distance 2, 3 shared.
    expect(closest("计划生育率", ["计划生育工作", "计划率"])).toBe("计划生育工作");
    // 计划生育: distance 1, 4 shared; 计划生育率达标: distance 2, 5 shared.
    expect(closest("计划生育率", ["计划生育", "计划生育率达标"])).toBe("计划生育");
  });

  it("keeps the first of equally close candidates", () => {
    expect(closest("计划生育率", ["计划生育甲", "计划生育乙"])).toBe("计划生育甲");
    expect(closest("计划生育率", ["计划生育乙", "计划生育甲"])).toBe("计划生育乙");
  });

  it("suggests only what shares at least two characters and half of the shorter name", () => {
    expect(closest("计划生育率", ["计划"])).toBe("计划");
    expect(closest("计划生育率", ["计划abcd"])).toBeUndefined();
    expect(closest("计划生育率", ["计划生xxxxxxxxx"])).toBe("计划生xxxxxxxxx");
    expect(closest("计划生育率", ["计"])).toBeUndefined();
    expect(closest("计划生育率", ["(%)", "", "：", "群众满意率"])).toBeUndefined();
    expect(closest("计划生育率", [])).toBeUndefined();
  });

  it("compares normalised forms but returns the candidate as written", () => {
    expect(closest("计划生育率(%)", ["单位", "计划生育 率（％）"])).toBe("计划生育 率（％）");
  });
});

describe("texts of an issue", () => {
  it("passes every text parameter, the unit and the sheet through the function, and nothing else", () => {
    const i = issue("unit.duplicate", { unit: "甲村", first: "A2" }, { sheet: "表1", cell: "A3", unit: "甲村", severity: "warning" });
    const out = mapIssueTexts(i, (t) => `<${t}>`);
    expect(out).toEqual({ code: "unit.duplicate", severity: "warning", params: { unit: "<甲村>", first: "<A2>" }, sheet: "<表1>", cell: "A3", unit: "<甲村>" });
    const n = mapIssueTexts(issue("table.noHeader", { rows: 40 }), (t) => `<${t}>`);
    expect(n).toEqual({ code: "table.noHeader", severity: "error", params: { rows: 40 } });
    expect("sheet" in n || "unit" in n).toBe(false);
    // The original is left as it was.
    expect(i.params).toEqual({ unit: "甲村", first: "A2" });
  });
});
