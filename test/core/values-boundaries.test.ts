/** The edges of reading a cell: each limit is tested on both sides, since one off-by-one changes a score. */
import fc from "fast-check";
import { echo, isPercentFormat, parseCell, scanDecimal, type ValueKind } from "../../src/core/values";
import { UNCALCULATED, type GridCell } from "../../src/core/grid";

const read = (value: GridCell["value"], kind: ValueKind, numFmt?: string, bounds?: { min?: number; max?: number }) =>
  parseCell(numFmt ? { value, numFmt } : { value }, kind, bounds);

describe("the limits of each kind, on both sides", () => {
  it.each([
    ["percent", 0, true], ["percent", 100, true], ["percent", -0.01, false], ["percent", 100.01, false],
    ["permille", 0, true], ["permille", 1000, true], ["permille", -0.01, false], ["permille", 1000.01, false],
    ["count", 0, true], ["count", -1, false], ["number", -1e9, true], ["score", -3, true],
  ] as const)("%s %d → accepted %s", (kind, value, ok) => {
    expect(read(value, kind)).toEqual(ok ? { ok: true, value } : expect.objectContaining({ ok: false }));
  });

  it("a number no spreadsheet stores (a hand-made file's 1e999 or NaN) is not a number, for every kind and format", () => {
    for (const kind of ["number", "percent", "permille", "count", "score"] as const) {
      for (const value of [Infinity, -Infinity, NaN]) {
        expect(read(value, kind)).toEqual({ ok: false, error: { code: "value.notNumber", params: { value: String(value) } } });
        expect(read(value, kind, "0.00%")).toMatchObject({ ok: false, error: { code: "value.notNumber" } });
        expect(read(value, kind, undefined, { min: 0, max: 10 })).toMatchObject({ ok: false, error: { code: "value.notNumber" } });
      }
    }
  });

  it("names the kind's range in the refusal", () => {
    expect(read(100.5, "percent")).toEqual({ ok: false, error: { code: "value.rateOutOfRange", params: { value: "100.5", min: 0, max: 100 } } });
    expect(read(1000.5, "permille")).toEqual({ ok: false, error: { code: "value.rateOutOfRange", params: { value: "1000.5", min: 0, max: 1000 } } });
    expect(read(-1, "count")).toEqual({ ok: false, error: { code: "value.negative", params: { value: "-1" } } });
    expect(read(2.5, "count")).toEqual({ ok: false, error: { code: "value.fractionalCount", params: { value: "2.5" } } });
  });

  it("an indicator's own bounds are inclusive, and an open side keeps the kind's limit or none", () => {
    expect(read(-100, "permille", undefined, { min: -100, max: 100 })).toEqual({ ok: true, value: -100 });
    expect(read(100, "permille", undefined, { min: -100, max: 100 })).toEqual({ ok: true, value: 100 });
    expect(read(100.01, "permille", undefined, { min: -100, max: 100 })).toMatchObject({ ok: false });
    expect(read(-100.01, "permille", undefined, { min: -100, max: 100 })).toMatchObject({ ok: false });
    // Only a maximum: a count keeps its floor of 0, a plain number has none.
    expect(read(-1, "count", undefined, { max: 5 })).toEqual({ ok: false, error: { code: "value.rateOutOfRange", params: { value: "-1", min: 0, max: 5 } } });
    expect(read(-7, "number", undefined, { max: 5 })).toEqual({ ok: true, value: -7 });
    expect(read(6, "number", undefined, { max: 5 })).toEqual({ ok: false, error: { code: "value.rateOutOfRange", params: { value: "6", min: "−∞", max: 5 } } });
    expect(read(1e12, "number", undefined, { min: 0 })).toEqual({ ok: true, value: 1e12 });
    expect(read(-1, "number", undefined, { min: 0 })).toEqual({ ok: false, error: { code: "value.rateOutOfRange", params: { value: "-1", min: 0, max: "∞" } } });
    // Only a minimum on a per-mille indicator keeps 1000 as its top.
    expect(read(1000.5, "permille", undefined, { min: -50 })).toMatchObject({ ok: false, error: { params: { min: -50, max: 1000 } } });
    // Empty bounds are no bounds: the kind's checks apply (a fractional count is still refused).
    expect(read(1.5, "count", undefined, {})).toMatchObject({ ok: false, error: { code: "value.fractionalCount" } });
  });
});

describe("units written in the cell or its format", () => {
  it("a percent-formatted cell is scaled into the indicator's unit", () => {
    expect(read(0.0063, "permille", "0.00%")).toEqual({ ok: true, value: 6.3 });
    expect(read(0.885, "percent", "0.0%")).toEqual({ ok: true, value: 88.5 });
    // A count or a plain number in a percent format is still scaled: the format says what the cell shows.
    expect(read(0.25, "number", "0%")).toEqual({ ok: true, value: 25 });
  });

  it("a written % or ‰ converts between the two rate units and is kept as written otherwise", () => {
    expect(read("5‰", "percent")).toEqual({ ok: true, value: 0.5 });
    expect(read("0.5%", "permille")).toEqual({ ok: true, value: 5 });
    expect(read("5%", "number")).toEqual({ ok: true, value: 5 });
    expect(read("5‰", "permille")).toEqual({ ok: true, value: 5 });
  });

  it("exponents with a sign are numbers; a number too large for a double is not", () => {
    expect(read("1e+2", "number")).toEqual({ ok: true, value: 100 });
    expect(read("25E-1", "number")).toEqual({ ok: true, value: 2.5 });
    expect(read("1e", "number")).toMatchObject({ ok: false, error: { code: "value.notNumber" } });
    expect(read("1e999", "number")).toEqual({ ok: false, error: { code: "value.notNumber", params: { value: "1e999" } } });
  });

  it("the parser visits each character once on a plain number (what the linear-time property counts)", () => {
    const meter = { steps: 0 };
    expect(scanDecimal("12345.678e+9%", meter)).toEqual({ text: "12345.678e+9", suffix: "%" });
    expect(meter.steps).toBeGreaterThanOrEqual(12);
  });

  it("thousands separators only where they group three digits", () => {
    expect(read("1,234,567.5", "number")).toEqual({ ok: true, value: 1234567.5 });
    expect(read("1,23", "number")).toMatchObject({ ok: false, error: { code: "value.notNumber" } });
    expect(read("1,2345", "number")).toMatchObject({ ok: false, error: { code: "value.notNumber" } });
    expect(read("\u300088.5\u3000", "percent")).toEqual({ ok: true, value: 88.5 });
  });

  it("percent formats: a % outside quotes and escapes", () => {
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat("[Red]#,##0.0%")).toBe(true);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat('0" % 分"')).toBe(false);
    expect(isPercentFormat('"完成"0.0%')).toBe(true);
    expect(isPercentFormat("0\\%")).toBe(false);
    expect(isPercentFormat("General")).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
    expect(isPercentFormat("")).toBe(false);
    // Asked twice (the answer is remembered): the same answer.
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat("0.00%")).toBe(true);
  });
});

describe("what is not a value", () => {
  it("errors typed as text, uncalculated formulas and other types are named", () => {
    expect(read(" #DIV/0! ", "percent")).toEqual({ ok: false, error: { code: "value.excelError", params: { value: "#DIV/0!" } } });
    expect(read("#div/0!", "number")).toMatchObject({ ok: false, error: { code: "value.excelError" } });
    expect(read("#DIV/0!x", "number")).toMatchObject({ ok: false, error: { code: "value.notNumber" } });
    expect(read(true, "number")).toEqual({ ok: false, error: { code: "value.notNumber", params: { value: "TRUE" } } });
    expect(read("", "percent")).toEqual({ ok: false, error: { code: "value.missing", params: {} } });
    expect(read({ error: UNCALCULATED }, "percent")).toEqual({ ok: false, error: { code: "value.uncalculated", params: {} } });
    expect(read({ error: UNCALCULATED }, "boolean")).toEqual({ ok: false, error: { code: "value.uncalculated", params: {} } });
  });

  it("a boolean column refuses numbers other than 0 and 1 and names the value", () => {
    expect(read(0.5, "boolean")).toEqual({ ok: false, error: { code: "value.notBoolean", params: { value: "0.5" } } });
    expect(read(false, "boolean")).toEqual({ ok: true, value: 0 });
    expect(read(1, "boolean")).toEqual({ ok: true, value: 1 });
  });
});

describe("echo (values quoted in messages)", () => {
  it("keeps up to 80 characters, cuts longer text to 79 and …, counting characters not UTF-16 units", () => {
    const eighty = "甲".repeat(80);
    expect(echo(eighty)).toBe(eighty);
    expect(echo(eighty + "乙")).toBe("甲".repeat(79) + "…");
    const emoji = "😀".repeat(80); // 160 UTF-16 units, 80 characters
    expect(echo(emoji)).toBe(emoji);
    expect(echo(emoji + "😀")).toBe("😀".repeat(79) + "…");
  });

  it("property: never longer than 80 characters, and unchanged when it fits", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 200 }), (s) => {
        const e = echo(s);
        expect(Array.from(e).length).toBeLessThanOrEqual(80);
        if (Array.from(s).length <= 80) expect(e).toBe(s);
        else expect(e.endsWith("…")).toBe(true);
      }),
    );
  });
});
