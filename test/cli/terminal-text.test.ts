/** src/cli/terminal-text: nothing from a workbook or rubric acts on the terminal. */
import fc from "fast-check";
import { cut, escapeControls, printableIssue, shown, terminalJson, terminalLine } from "../../src/cli/terminal-text";
import { issue } from "../../src/core/issue";
import { catalog, formatIssueWithPlace } from "../../src/i18n";

// What a terminal may act on: C0 (newline included), DEL, C1, bidi controls, line separators, zero-width marks.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;
const hostileChar = fc.constantFrom("\x1b", "\x07", "\n", "\r", "\t", "\x00", "\x7f", "\x9b", "\u202e", "\u2066", "\u2028", "\u200d", "\ufeff", "\ud800", "\udc00", "a", "阳", "…", "[", "2J");
const hostile = fc.array(fc.oneof(hostileChar, fc.string({ unit: "binary" })), { maxLength: 60 }).map((a) => a.join(""));

describe("terminal text", () => {
  it("property: a message built from any workbook text is one line without control characters", () => {
    const zh = catalog("zh-CN");
    fc.assert(
      fc.property(hostile, hostile, hostile, (unit, value, sheet) => {
        const i = issue("value.notNumber", { indicator: value, value }, { sheet, unit, cell: "B3" });
        const line = terminalLine(formatIssueWithPlace(printableIssue(i), zh));
        expect(line.endsWith("\n")).toBe(true);
        const body = line.slice(0, -1);
        expect(body.includes("\n")).toBe(false);
        expect(CONTROL.test(body)).toBe(false);
        // No lone surrogate survives either (they would print as garbage).
        expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(body)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("shows control characters escaped, as \\x1b and \\u202e", () => {
    expect(escapeControls("a\x1b[2Jb\x07\nc\u202ed")).toBe("a\\x1b[2Jb\\x07\\nc\\u202ed");
    expect(escapeControls("阳光社区")).toBe("阳光社区");
  });

  it("cuts long values with … and counts characters, not UTF-16 units", () => {
    expect(cut("1".repeat(32000) + "x")).toBe(`${"1".repeat(79)}…`);
    expect([...cut("𠀀".repeat(100))].length).toBe(80);
    expect(cut("短")).toBe("短");
    expect(shown(`${"a".repeat(100)}\x1b`)).toBe(`${"a".repeat(79)}…`);
  });

  it("property: JSON for the terminal is the same value with C1 and bidi controls escaped", () => {
    fc.assert(
      fc.property(fc.dictionary(hostile, hostile, { maxKeys: 4 }), (obj) => {
        const text = terminalJson({ obj });
        expect(JSON.parse(text)).toEqual({ obj });
        expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/.test(text)).toBe(false);
      }),
    );
  });
});
