/**
 * Bidi isolation of workbook text in the pane (src/taskpane/bidi.ts): whatever controls a name holds,
 * what the pane shows opens nothing it does not close and closes nothing it did not open, so it
 * cannot reorder the text around it; ordinary text is shown byte for byte.
 */
import fc from "fast-check";
import { issue } from "../../src/core/issue";
import { catalog } from "../../src/i18n";
import { balanceBidi, isolate, issueText } from "../../src/taskpane/bidi";

const OPENERS_EMBED = "\u202a\u202b\u202d\u202e";
const OPENERS_ISOLATE = "\u2066\u2067\u2068";
const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** True when every PDF/PDI closes something the text opened and everything opened is closed. */
function balanced(text: string): boolean {
  const open: string[] = [];
  for (const ch of text) {
    if (OPENERS_EMBED.includes(ch) || OPENERS_ISOLATE.includes(ch)) open.push(ch);
    else if (ch === "\u202c") {
      if (!OPENERS_EMBED.includes(open[open.length - 1] ?? "x")) return false;
      open.pop();
    } else if (ch === "\u2069") {
      let at = open.length - 1;
      while (at >= 0 && !OPENERS_ISOLATE.includes(open[at] ?? "x")) at--;
      if (at < 0) return false;
      open.length = at;
    }
  }
  return open.length === 0;
}

const piece = fc.constantFrom("a", "河", "1", " ", "\u05d0", "\u0627", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069");
const bidiText = fc.array(piece, { maxLength: 24 }).map((a) => a.join(""));

describe("bidi isolation of workbook text", () => {
  it("balances any mix of controls and keeps every other character in order", () => {
    fc.assert(
      fc.property(bidiText, (s) => {
        const out = balanceBidi(s);
        expect(balanced(out)).toBe(true);
        expect(out.replace(CONTROLS, "")).toBe(s.replace(CONTROLS, ""));
      }),
    );
  });

  it("isolates risky text inside sentences and leaves ordinary text alone", () => {
    fc.assert(
      fc.property(bidiText, (s) => {
        const out = isolate(s);
        if (out === s) expect(/[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(s)).toBe(false);
        else {
          expect(out.startsWith("\u2068") && out.endsWith("\u2069")).toBe(true);
          expect(balanced(out)).toBe(true);
        }
      }),
    );
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(..."阳光社区ABC 12.5%“”（）") }), (s) => expect(isolate(s)).toBe(s)));
  });

  it("drops a stray closer that would end the isolate early and closes an open override", () => {
    expect(balanceBidi("\u2069\u202e河西社区")).toBe("\u202e河西社区\u202c");
    expect(isolate("\u202c\u202e河西")).toBe("\u2068\u202e河西\u202c\u2069");
  });

  it("wraps the workbook text in an issue's message, not the catalog's words", () => {
    const c = catalog("zh-CN");
    const hostile = issue("value.notNumber", { indicator: "群众满意率", value: "\u202e12" }, { sheet: "社区考核", cell: "V5", unit: "\u202e河西社区" });
    const text = issueText(hostile, c);
    expect(text).toContain("（\u2068\u202e河西社区\u202c\u2069）");
    expect(text).toContain("“\u2068\u202e12\u202c\u2069”");
    expect(balanced(text)).toBe(true);
    const plain = issue("value.notNumber", { indicator: "群众满意率", value: "abc" }, { sheet: "社区考核", cell: "V5", unit: "城西社区" });
    expect(issueText(plain, c)).toBe("工作表“社区考核”单元格 V5（城西社区）：“群众满意率”的值“abc”不是数字");
  });
});
