import { parseCell } from "../../src/core/values";
import type { GridCell } from "../../src/core/grid";

const c = (value: GridCell["value"], numFmt?: string): GridCell => (numFmt ? { value, numFmt } : { value });
const num = (cell: GridCell | undefined, kind: Parameters<typeof parseCell>[1]) => {
  const p = parseCell(cell, kind);
  if (!p.ok) throw new Error(`expected a number, got ${p.error.code}`);
  return p.value;
};
const code = (cell: GridCell | undefined, kind: Parameters<typeof parseCell>[1]) => {
  const p = parseCell(cell, kind);
  return p.ok ? "ok" : p.error.code;
};

describe("reading rates", () => {
  it.each([
    [c(88), 88],
    [c("88%"), 88],
    [c("88％"), 88],
    [c(0.88, "0.00%"), 88],
    [c(0.885, "0.0%"), 88.5],
    [c("８５．５"), 85.5],
    [c(" 92.5 "), 92.5],
    [c("6‰"), 0.6],
  ])("%j is %d percent", (cell, expected) => {
    expect(num(cell, "percent")).toBe(expected);
  });

  it("reads per-mille values in their own unit and converts percentages", () => {
    expect(num(c("6.30‰"), "permille")).toBe(6.3);
    expect(num(c(11.1), "permille")).toBe(11.1);
    expect(num(c("1.1%"), "permille")).toBe(11);
  });

  it("does not treat a quoted % in a number format as a percentage", () => {
    expect(num(c(88, '0"%"'), "percent")).toBe(88);
  });

  it("rejects rates outside 0–100 and per-mille outside 0–1000", () => {
    expect(code(c(120), "percent")).toBe("value.rateOutOfRange");
    expect(code(c(-1), "percent")).toBe("value.rateOutOfRange");
    expect(code(c(1.2, "0%"), "percent")).toBe("value.rateOutOfRange");
    expect(code(c(1200), "permille")).toBe("value.rateOutOfRange");
  });

  it("takes an indicator's own plausible range instead of its kind's (negative growth rates)", () => {
    const growth = { min: -100, max: 100 };
    expect(parseCell(c("-0.02‰"), "permille", growth)).toEqual({ ok: true, value: -0.02 });
    expect(parseCell(c(-0.02), "permille", growth)).toEqual({ ok: true, value: -0.02 });
    expect(parseCell(c(-0.02), "permille")).toMatchObject({ ok: false, error: { code: "value.rateOutOfRange" } });
    expect(parseCell(c(-150), "permille", growth)).toEqual({ ok: false, error: { code: "value.rateOutOfRange", params: { value: "-150", min: -100, max: 100 } } });
    expect(parseCell(c(150), "permille", growth)).toMatchObject({ ok: false, error: { params: { min: -100, max: 100 } } });
    // A side left open keeps the kind's limit.
    expect(parseCell(c(101), "percent", { min: -5 })).toMatchObject({ ok: false, error: { params: { min: -5, max: 100 } } });
    expect(parseCell(c(-5), "percent", { min: -5 })).toEqual({ ok: true, value: -5 });
  });
});

describe("reading numbers and counts", () => {
  it("reads thousands separators and full-width digits", () => {
    expect(num(c("20,000"), "number")).toBe(20000);
    expect(num(c("１２３"), "count")).toBe(123);
  });
  it("rejects negative counts, text, and Excel errors with the value", () => {
    expect(code(c(-2), "count")).toBe("value.negative");
    const p = parseCell(c("八十"), "number");
    expect(p).toEqual({ ok: false, error: { code: "value.notNumber", params: { value: "八十" } } });
    expect(parseCell(c({ error: "#DIV/0!" }), "percent")).toEqual({ ok: false, error: { code: "value.excelError", params: { value: "#DIV/0!" } } });
    expect(code(c("#N/A"), "number")).toBe("value.excelError");
  });
  it("treats blank cells as missing", () => {
    expect(code(undefined, "number")).toBe("value.missing");
    expect(code(c(null), "number")).toBe("value.missing");
    expect(code(c("   "), "boolean")).toBe("value.missing");
  });
});

describe("reading checklist answers", () => {
  // Every accepted word, as typed and in the other case or full width where that exists.
  it.each(["是", "有", "√", "✓", "✔", "y", "Y", "yes", "YES", "true", "TRUE", "1", "１", "对", "已", "完成", " 是 "])("%s is yes", (v) => expect(num(c(v), "boolean")).toBe(1));
  it.each(["否", "无", "×", "✗", "✘", "x", "X", "n", "N", "no", "NO", "false", "FALSE", "0", "０", "错", "未", "未完成", "没有", " 否 "])("%s is no", (v) => expect(num(c(v), "boolean")).toBe(0));
  it.each(["是的", "否认", "2", "maybe", "√×"])("%s is neither", (v) => expect(code(c(v), "boolean")).toBe("value.notBoolean"));
  it("reads booleans and 0/1 numbers, and rejects anything else", () => {
    expect(num(c(true), "boolean")).toBe(1);
    expect(num(c(0), "boolean")).toBe(0);
    expect(code(c("也许"), "boolean")).toBe("value.notBoolean");
    expect(code(c(2), "boolean")).toBe("value.notBoolean");
  });
});
