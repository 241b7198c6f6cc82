/** Value parsing at the edges the mutation run found unguarded: signs and exponents, numeric 是/否, an open bound. */
import { parseCell, scanDecimal, type Bounds, type ValueKind } from "../../src/core/values";
import type { GridCell, CellValue } from "../../src/core/grid";


const read = (value: CellValue, kind: ValueKind, bounds?: Bounds, numFmt?: string) =>
  parseCell(numFmt ? { value, numFmt } : ({ value } as GridCell), kind, bounds);

describe("numbers written as text", () => {
  it.each([
    ["-3.5", -3.5],
    ["+2", 2],
    ["1e3", 1000],
    ["1E-2", 0.01],
    ["2.5e+1", 25],
    [".5", 0.5],
    ["5.", 5],
    ["-0.25e2", -25],
  ])("%s reads as %d", (text, expected) => {
    expect(read(text, "number")).toEqual({ ok: true, value: expected });
  });

  it.each(["1e", "1e+", "-", "+", "e5", ".", "--1", "1-", "1e2e3", "1.2.3", "5%%", "%5"])("%s is not a number", (text) => {
    const r = read(text, "number");
    expect(r.ok ? "ok" : r.error.code).toBe("value.notNumber");
  });

  it("an exponent and a percent sign together, in a percent indicator", () => {
    expect(read("1e1%", "percent")).toEqual({ ok: true, value: 10 });
    expect(read("-1e1%", "percent")).toMatchObject({ ok: false, error: { code: "value.rateOutOfRange" } });
  });

  it("scans the whole text or nothing, and names the suffix", () => {
    expect(scanDecimal("12.5%")).toEqual({ text: "12.5", suffix: "%" });
    expect(scanDecimal("7‰")).toEqual({ text: "7", suffix: "‰" });
    expect(scanDecimal("-4e-2")).toEqual({ text: "-4e-2", suffix: "" });
    expect(scanDecimal("4e")).toBeNull();
    expect(scanDecimal("")).toBeNull();
  });
});

describe("是/否 items given numbers", () => {
  it("1 and 0 are yes and no; any other number is neither", () => {
    expect(read(1, "boolean")).toEqual({ ok: true, value: 1 });
    expect(read(0, "boolean")).toEqual({ ok: true, value: 0 });
    for (const n of [2, -1, 0.5]) {
      expect(read(n, "boolean")).toEqual({ ok: false, error: { code: "value.notBoolean", params: { value: String(n) } } });
    }
  });

  it("a word is found whatever its case, width or surrounding spaces", () => {
    expect(read(" YES ", "boolean")).toEqual({ ok: true, value: 1 });
    expect(read("Ｎｏ", "boolean")).toEqual({ ok: true, value: 0 });
    expect(read("\u3000是\u3000", "boolean")).toEqual({ ok: true, value: 1 });
  });
});

describe("an error value written as text", () => {
  it("is an Excel error only when it is the whole cell", () => {
    expect(read(" #N/A ", "percent")).toEqual({ ok: false, error: { code: "value.excelError", params: { value: "#N/A" } } });
    expect(read("x#N/A", "percent")).toMatchObject({ ok: false, error: { code: "value.notNumber" } });
    expect(read("#N/Ax", "percent")).toMatchObject({ ok: false, error: { code: "value.notNumber" } });
  });
});

describe("a bound on one side only", () => {
  it("keeps 0 as the floor of counts, rates and per-mille rates; plain numbers have none", () => {
    for (const kind of ["count", "percent", "permille"] as const) {
      expect(read(-1, kind, { max: 10 })).toEqual({ ok: false, error: { code: "value.rateOutOfRange", params: { value: "-1", min: 0, max: 10 } } });
      expect(read(0, kind, { max: 10 })).toEqual({ ok: true, value: 0 });
    }
    expect(read(-5, "number", { max: 10 })).toEqual({ ok: true, value: -5 });
    expect(read(11, "number", { max: 10 })).toEqual({ ok: false, error: { code: "value.rateOutOfRange", params: { value: "11", min: "−∞", max: 10 } } });
  });
});

describe("a missing cell", () => {
  it("is missing, as is a blank one", () => {
    expect(parseCell(undefined, "number")).toEqual({ ok: false, error: { code: "value.missing", params: {} } });
    expect(read("  ", "number")).toEqual({ ok: false, error: { code: "value.missing", params: {} } });
  });
});
