/**
 * The .xlsx reading side in-process: a worksheet's cells read by the fast scanner and by the XML
 * parser it falls back to must be the same values, types, formats, formulas and merges; shapes the
 * scanner does not know make it give up (never guess); damaged or hostile parts are refused with
 * the limit or the place named; shared strings and number formats read as Excel means them.
 */
import { PackageError, checkLimit } from "../../src/adapters/xlsx/errors";
import { parseSharedStrings } from "../../src/adapters/xlsx/shared-strings";
import { type SheetContext, readSheet } from "../../src/adapters/xlsx/sheet-read";
import * as scanner from "../../src/adapters/xlsx/sheet-scan";
import { CellSink } from "../../src/adapters/xlsx/sheet-sink";
import { isDateFormat, parseCellFormats } from "../../src/adapters/xlsx/styles-part";
import { type GridCell, UNCALCULATED } from "../../src/core/grid";
import { problemOf } from "../helpers/package-problem";

const PART = "xl/worksheets/sheet1.xml";

function ctx(over: Partial<SheetContext> = {}): SheetContext {
  return { sheet: "数据", part: PART, shared: ["甲", "乙"], formats: [undefined, "0.00%", "yyyy-mm-dd", "General"], date1904: false, ...over };
}

/** Every stored cell by "row,col" (own keys, so a cell put at a negative column shows too). */
function cellsOf(rows: ReadonlyArray<ReadonlyArray<GridCell | undefined> | undefined>): Record<string, GridCell> {
  const out: Record<string, GridCell> = {};
  for (const r of Object.keys(rows)) {
    const row = rows[Number(r)];
    if (row) for (const c of Object.keys(row)) out[`${r},${c}`] = row[Number(c)] as GridCell;
  }
  return out;
}

const sheetXml = (rows: string, tail = "") => `<worksheet><sheetData>${rows}</sheetData>${tail}</worksheet>`;

/** The scanner alone over a <sheetData> body: whether it accepted it, and the cells it delivered. */
function scan(rows: string, c = ctx(), to?: number) {
  const xml = `<sheetData>${rows}</sheetData>`;
  const sink = new CellSink(c);
  const ok = scanner.scanSheetData(xml, 11, to === undefined ? xml.length - 12 : 11 + to, sink);
  return { ok, cells: cellsOf(sink.rows) };
}

/** readSheet twice: as written (the scanner reads the rows) and behind a comment (the XML parser reads them). */
function both(rows: string, tail = "", c = ctx()) {
  const spy = jest.spyOn(scanner, "scanSheetData");
  try {
    const fast = readSheet(sheetXml(rows, tail), c);
    const fastScanned = spy.mock.results.map((r) => r.value as boolean);
    spy.mockClear();
    const slow = readSheet(sheetXml(`<!-- a comment: only the XML parser reads this -->${rows}`, tail), c);
    const slowScanned = spy.mock.results.map((r) => r.value as boolean);
    return { fast, slow, fastScanned, slowScanned };
  } finally {
    spy.mockRestore();
  }
}

describe("a worksheet's cells, read by the scanner and by the XML parser alike", () => {
  const cases: { name: string; rows: string; tail?: string; want: Record<string, GridCell>; merges?: unknown[]; formats?: (string | undefined)[] }[] = [
    {
      name: "every cell type: shared, str with entities, booleans, an error, a number, an inline string",
      rows:
        '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="str"><v>a&amp;b&lt;&gt;&quot;&apos;</v></c><c r="C1" t="b"><v>1</v></c>' +
        '<c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" s="3"><v>2.5</v></c><c r="G1" t="inlineStr"><is><t>内联</t></is></c></row>',
      want: {
        "0,0": { value: "乙" }, "0,1": { value: "a&b<>\"'" }, "0,2": { value: true }, "0,3": { value: false },
        "0,4": { value: { error: "#N/A" } }, "0,5": { value: 2.5 }, "0,6": { value: "内联" },
      },
    },
    {
      name: "character references (decimal, hex, the last code point), Excel's _xHHHH_ escapes, an escaped entity stays literal",
      rows:
        '<row r="1"><c r="A1" t="str"><v>&#65;&#x42;&#x10FFFF;</v></c><c r="B1" t="str"><v>_x0041_b</v></c>' +
        '<c r="C1" t="inlineStr"><is><t>&amp;lt;</t></is></c><c r="D1" t="inlineStr"><is><t>a&amp;b</t></is></c><c r="E1" t="str"><v>12:30</v></c></row>',
      want: {
        "0,0": { value: `AB${String.fromCodePoint(0x10ffff)}` }, "0,1": { value: "Ab" }, "0,2": { value: "&lt;" }, "0,3": { value: "a&b" }, "0,4": { value: "12:30" },
      },
    },
    {
      name: "number formats: a cell without s takes style 0, percentages keep theirs, a date-formatted serial reads as a date, General is none",
      rows: '<row r="1"><c r="A1"><v>3</v></c><c r="B1" s="1"><v>0.5</v></c><c r="C1" s="2"><v>45000</v></c><c r="D1" s="3"><v>7</v></c></row>',
      formats: ["0.0", "0.00%", "yyyy-mm-dd", "General"],
      want: { "0,0": { value: 3, numFmt: "0.0" }, "0,1": { value: 0.5, numFmt: "0.00%" }, "0,2": { value: "2023-03-15", numFmt: "yyyy-mm-dd" }, "0,3": { value: 7 } },
    },
    {
      name: "rows and cells without r follow the one before (first row 1, first column A)",
      rows: '<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row><row r="5"><c><v>5</v></c><c r="C5"><v>6</v></c><c><v>7</v></c></row>',
      want: { "0,0": { value: 1 }, "0,1": { value: 2 }, "1,0": { value: 3 }, "4,0": { value: 5 }, "4,2": { value: 6 }, "4,3": { value: 7 } },
    },
    {
      name: "whitespace of every kind between and inside tags, empty and self-closing rows and cells",
      rows:
        '<row r="1"/>\n<row>\t<c/><c><v>1</v></c>\r\n</row> <row r="4"><c r="A4" s="3"><v >4</v></c></row>\n' +
        '<row r="5"><c r="B5" s="1"/> <c r="C5" s="3"><f\tt="shared" si="0"/><v\n>5</v></c>\t</row>\r\n<row r="6"><c r="A6" s="3"><f\rt="shared" si="0"/><v>6</v></c></row><row r="7"/>\n',
      want: { "1,1": { value: 1 }, "3,0": { value: 4 }, "4,2": { value: 5 }, "5,0": { value: 6 } },
    },
    {
      name: "formulas: cached results, a shared formula's follower, an empty-text result, no cached value at all",
      rows:
        '<row r="1"><c r="A1" s="3"/><c r="B1" s="3"><f>SUM(A2:A3)</f><v>3</v></c><c r="C1" s="3"><f t="shared" ref="C1:C2" si="0">A1+1</f><v>4</v></c></row>' +
        '<row r="2"><c r="C2" s="3"><f t="shared" si="0"/><v>5</v></c><c r="D2" t="str"><f>""</f><v></v></c><c r="E2" t="str"><f>""</f><v/></c><c r="F2" s="3"><f>A9</f></c>' +
        '<c r="G2" s="3"><vx>9</vx><v>1</v></c></row>',
      want: { "0,1": { value: 3 }, "0,2": { value: 4 }, "1,2": { value: 5 }, "1,5": { value: { error: UNCALCULATED } }, "1,6": { value: 1 } },
    },
    {
      name: "rich and phonetic text: runs joined, phonetic runs left out, the next cell read whole",
      rows:
        '<row r="1"><c r="A1" t="inlineStr"><is><r><t>东</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 京</t></r><rPh sb="0" eb="1"><t>とう</t></rPh><phoneticPr fontId="1"/></is></c>' +
        '<c r="B1" t="inlineStr"><is><t/><t>后</t></is></c><c r="C1" t="inlineStr"><is><t>丙</t><rPh sb="0" eb="1">\n <t>へい</t>\n</rPh></is></c></row>',
      want: { "0,0": { value: "东 京" }, "0,1": { value: "后" }, "0,2": { value: "丙" } },
    },
    {
      name: "merges after the rows, either corner first, a single cell",
      rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      tail: '<mergeCells count="2"><mergeCell ref="B2:A1"/><mergeCell ref="C3"/></mergeCells>',
      want: { "0,0": { value: "甲" } },
      merges: [{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 2, left: 2, bottom: 2, right: 2 }],
    },
  ];

  it.each(cases)("$name", ({ rows, tail, want, merges, formats }) => {
    const c = ctx(formats ? { formats } : {});
    const { fast, slow, fastScanned, slowScanned } = both(rows, tail, c);
    expect(fastScanned).toEqual([true]);
    expect(slowScanned).toEqual([false]);
    expect(cellsOf(fast.grid.rows)).toEqual(want);
    expect(cellsOf(slow.grid.rows)).toEqual(want);
    expect(fast.grid.merges).toEqual(merges ?? []);
    expect(slow.grid.merges).toEqual(merges ?? []);
    expect(fast.grid.sheet).toBe("数据");
    expect(scan(rows, c).ok).toBe(true);
  });

  it("gives the raw content of the asked cells: formulas as =…, empty styled cells as \"\", values as read", () => {
    const rows =
      '<row r="1"><c r="A1" s="3"/><c r="B1"><f>SUM(A2:A3)</f><v>3</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="b"><v>1</v></c></row>' +
      '<row r="2"><c r="C2"><f t="shared" si="0"/><v>5</v></c><c r="D2" t="str"><f>""</f><v></v></c><c r="F2"><v>9</v></c></row>';
    const want = new Map<string, string | number | boolean>([
      ["0,0", ""], ["0,1", "=SUM(A2:A3)"], ["0,2", "甲"], ["0,3", "#DIV/0!"], ["0,4", true], ["1,2", "="], ["1,3", '=""'],
    ]);
    const c = ctx({ contentsOf: { top: 0, left: 0, bottom: 1, right: 4 } });
    const { fast, slow } = both(rows, "", c);
    expect(fast.contents).toEqual(want);
    expect(slow.contents).toEqual(want);
  });

  it("keeps text the XML parser splits: a comment inside a value, CDATA in an inline string", () => {
    const r = readSheet(sheetXml('<row r="1"><c r="A1" t="str"><v>1<!-- x -->2</v></c><c r="B1" t="inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c><c r="C1"><f>A1<!-- y -->*2</f></c></row>'), ctx({ contentsOf: { top: 0, left: 2, bottom: 0, right: 2 } }));
    expect(cellsOf(r.grid.rows)).toEqual({ "0,0": { value: "12" }, "0,1": { value: "a<b & c" }, "0,2": { value: { error: UNCALCULATED } } });
    expect(r.contents.get("0,2")).toBe("=A1*2");
  });

  it("reads a sheet with no rows, a self-closing sheetData, or none at all (merges still read)", () => {
    const tail = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>';
    for (const text of [sheetXml("", tail), `<worksheet><sheetData/>${tail}</worksheet>`, `<worksheet>${tail}</worksheet>`]) {
      const r = readSheet(text, ctx());
      expect(r.grid.rows).toEqual([]);
      expect(r.grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    }
  });
});

describe("the scanner gives up on what it does not know, and the XML parser decides", () => {
  it.each([
    ["a comment in a cell (which could hide a value)", '<row r="1"><c r="A1"><!--<v>9</v>--><v>1</v></c></row>', { "0,0": { value: 1 } }],
    ["an element inside a value", '<row r="1"><c r="A1" t="str"><v><x/>1</v></c></row>', { "0,0": { value: "1" } }],
    ["an element after text inside a value", '<row r="1"><c r="A1" t="str"><v>1<x/></v></c></row>', { "0,0": { value: "1" } }],
    ["a prefixed element in a cell", '<row r="1"><c r="A1"><v>1</v><extLst><x14:ext xmlns:x14="urn:x"/></extLst></c></row>', { "0,0": { value: 1 } }],
    ["an element in a row that is not a cell", '<row r="1"><cx/><c r="B1"><v>2</v></c></row>', { "0,1": { value: 2 } }],
    ["an element among the rows that is not a row", '<rowx/><row r="1"><c r="A1"><v>1</v></c></row>', { "0,0": { value: 1 } }],
  ])("%s", (_name, rows, want) => {
    expect(scan(rows).ok).toBe(false);
    expect(cellsOf(readSheet(sheetXml(rows), ctx()).grid.rows)).toEqual(want);
  });

  it("reads cells whose attributes are split by tabs or line breaks, single-quoted or spaced around =, where they are", () => {
    const rows =
      '<row\tr="2"><c\tr="B2" s="3"><v>1</v></c></row><row\nr="3"><c\nr="C3"\nt="s"><v>0</v></c></row>' +
      "<row r='4'><c r='D4' t='b'><v>1</v></c></row><row r = \"5\"><c\rr=\"E5\"><v>5</v></c><c r=\"F5\" t =\"s\"><v>1</v></c></row>";
    const want = { "1,1": { value: 1 }, "2,2": { value: "甲" }, "3,3": { value: true }, "4,4": { value: 5 }, "4,5": { value: "乙" } };
    for (const one of rows.split("</row>").filter(Boolean)) expect(scan(`${one}</row>`).ok).toBe(false);
    expect(cellsOf(readSheet(sheetXml(rows), ctx()).grid.rows)).toEqual(want);
  });

  it.each([
    ["an unknown entity", '<row r="1"><c r="A1" t="str"><v>&bogus;</v></c></row>'],
    ["an entity without its semicolon", '<row r="1"><c r="A1" t="str"><v>a&amp b</v></c></row>'],
    ["character reference zero", '<row r="1"><c r="A1" t="str"><v>&#0;</v></c></row>'],
    ["a character reference past Unicode", '<row r="1"><c r="A1" t="str"><v>&#x110000;</v></c></row>'],
    ["an unknown entity in an inline string", '<row r="1"><c r="A1" t="inlineStr"><is><t>&bogus;</t></is></c></row>'],
    ["a value never closed", '<row r="1"><c r="A1"><v>12</c></row>'],
    ["a value start tag never ended", '<row r="1"><c r="A1"></v><v x</c></row>'],
    ["a formula never closed", '<row r="1"><c r="A1"><f>SUM(A2</c></row>'],
    ["an inline string never closed", '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></c></row>'],
  ])("refuses %s (badPart)", (_name, rows) => {
    expect(scan(rows).ok).toBe(false);
    expect(problemOf(() => readSheet(sheetXml(rows), ctx()))).toMatchObject({ code: "badPart", part: PART });
  });

  it("never reads past the end it is given: a row or cell cut short is not delivered", () => {
    const rows = '<row r="1"/><row r="2"><c r="A2" s="1"/><c r="B2"><v>7</v></c> </row>';
    const cuts = [rows.indexOf("/>") + 1, rows.indexOf('<row r="2">') + 10, rows.indexOf('s="1"/>') + 6, rows.indexOf("</c>")];
    for (const to of cuts) expect(scan(rows, ctx(), to)).toEqual({ ok: false, cells: {} });
    // Cut inside the row after a whole cell: the row is not finished, so the scanner gives up.
    expect(scan(rows, ctx(), rows.indexOf(" </row>")).ok).toBe(false);
    const lone = '<row r="3"><c r="C3" s="1"/></row>';
    expect(scan(lone, ctx(), lone.indexOf("/>") + 1)).toEqual({ ok: false, cells: {} });
    expect(scan(rows, ctx(), rows.indexOf('<row r="2">'))).toEqual({ ok: true, cells: {} });
    expect(scan(rows)).toEqual({ ok: true, cells: { "1,1": { value: 7 } } });
  });
});

describe("damaged and hostile sheets are refused with the place or limit named", () => {
  it.each([
    ['row "0"', '<row r="0"><c><v>1</v></c></row>'],
    ['row "1.5"', '<row r="1.5"><c><v>1</v></c></row>'],
    ['row "x"', '<row r="x"/>'],
    ['row "-12345678901"', '<row r="-123456789012345"/>'],
  ])("a row numbered wrong: %s, by both readers", (detail, rows) => {
    const { fast, slow } = { fast: () => readSheet(sheetXml(rows), ctx()), slow: () => readSheet(sheetXml(`<!---->${rows}`), ctx()) };
    expect(problemOf(fast)).toStrictEqual({ code: "badPart", part: PART, detail });
    expect(problemOf(slow)).toStrictEqual({ code: "badPart", part: PART, detail });
  });

  it("a row past Excel's last, and a row of cells past its last column, by both readers", () => {
    for (const rows of ['<row r="1048577"/>', `<row r="1048576"/><row/>`]) {
      expect(problemOf(() => readSheet(sheetXml(rows), ctx()))).toStrictEqual({ code: "limit", limit: "rows", value: 1048577, max: 1048576, part: PART });
      expect(problemOf(() => readSheet(sheetXml(`<!---->${rows}`), ctx()))).toStrictEqual({ code: "limit", limit: "rows", value: 1048577, max: 1048576, part: PART });
    }
    expect(() => readSheet(sheetXml('<row r="1048576"/>'), ctx())).not.toThrow();
    const wide = `<row r="1">${'<c s="1"/>'.repeat(16_385)}</row>`;
    for (const text of [sheetXml(wide), sheetXml(`<!---->${wide}`)]) {
      expect(problemOf(() => readSheet(text, ctx()))).toStrictEqual({ code: "limit", limit: "columns", value: 16_385, max: 16_384, part: PART });
    }
    expect(() => readSheet(sheetXml(`<row r="1">${'<c s="1"/>'.repeat(16_384)}</row>`), ctx())).not.toThrow();
  });

  it("a merge without a range names the empty reference", () => {
    expect(problemOf(() => readSheet(sheetXml("", "<mergeCells><mergeCell/></mergeCells>"), ctx()))).toStrictEqual({ code: "badPart", part: PART, detail: 'cell reference ""' });
  });

  it("a value longer than any cell can hold is refused before it is decoded; escapes count as one character", () => {
    const huge = "1".repeat(32_767 * 7 + 1);
    expect(problemOf(() => readSheet(sheetXml(`<row r="1"><c r="A1"><v>${huge}</v></c></row>`), ctx()))).toStrictEqual({ code: "limit", limit: "cellChars", value: huge.length, max: 32_767, part: PART });
    const full = "_x0041_".repeat(32_767);
    const r = readSheet(sheetXml(`<row r="1"><c r="A1" t="str"><v>${full}</v></c></row>`), ctx());
    expect(r.grid.rows[0]?.[0]?.value).toBe("A".repeat(32_767));
    expect(problemOf(() => readSheet(sheetXml(`<row r="1"><c r="B1" t="str"><v>${"b".repeat(32_768)}</v></c></row>`), ctx()))).toStrictEqual({ code: "limit", limit: "cellChars", value: 32_768, max: 32_767, part: `${PART} B1` });
  });

  it("an inline string of many long runs is refused while it is read, not once joined", () => {
    const runs = Array.from({ length: 66 }, () => `<r><t>${"a".repeat(4000)}</t></r>`).join("");
    const text = sheetXml(`<!----><row r="1"><c r="A1" t="inlineStr"><is>${runs}</is></c></row>`);
    expect(problemOf(() => readSheet(text, ctx()))).toStrictEqual({ code: "limit", limit: "cellChars", value: 65 * 4000, max: 32_767 * 7, part: PART });
    const fewer = sheetXml(`<!----><row r="1"><c r="A1" t="inlineStr"><is>${runs.slice(0, (runs.length / 66) * 9)}</is></c></row>`);
    expect(problemOf(() => readSheet(fewer, ctx()))).toStrictEqual({ code: "limit", limit: "cellChars", value: 36_000, max: 32_767, part: `${PART} A1` });
  });

  it("a DTD anywhere is refused as an entity risk", () => {
    expect(problemOf(() => readSheet(`<!DOCTYPE worksheet [<!ENTITY a "b">]>${sheetXml("")}`, ctx()))).toStrictEqual({ code: "entity", part: PART });
  });
});

describe("shared strings", () => {
  it("joins rich runs, leaves phonetic runs and the whitespace between tags out, decodes escapes and CDATA", () => {
    const xml =
      '<sst xmlns="x" count="5" uniqueCount="5">\n  <si>\n    <t>甲</t>\n  </si>\n  <si><r><rPr><b/></rPr><t>乙</t></r>\n<r><t xml:space="preserve"> 丙</t></r><rPh sb="0" eb="1"><t>へい</t></rPh><phoneticPr fontId="1"/></si>\n' +
      "  <si><t>_x0041__x000D_</t></si><si><t/></si><si><t><![CDATA[<b>]]></t></si>\n</sst>";
    expect(parseSharedStrings(xml, "xl/sharedStrings.xml")).toEqual(["甲", "乙 丙", "A\r", "", "<b>"]);
  });

  it("refuses a table declaring more entries than the limit, and tolerates a count that is not a number", () => {
    expect(problemOf(() => parseSharedStrings('<sst uniqueCount="2000001"><si><t>a</t></si></sst>', "xl/sharedStrings.xml"))).toStrictEqual({
      code: "limit", limit: "sharedStrings", value: 2_000_001, max: 2_000_000, part: "xl/sharedStrings.xml",
    });
    expect(parseSharedStrings('<sst uniqueCount="2000000"><si><t>a</t></si></sst>', "p")).toEqual(["a"]);
    expect(parseSharedStrings('<sst uniqueCount="many"><si><t>a</t></si></sst>', "p")).toEqual(["a"]);
  });

  it("refuses an entry longer than a cell can hold: raw text early, decoded text exactly", () => {
    const raw = "a".repeat(32_767 * 7 + 1);
    expect(problemOf(() => parseSharedStrings(`<sst><si><t>${raw}</t></si></sst>`, "p"))).toStrictEqual({ code: "limit", limit: "cellChars", value: raw.length, max: 32_767 * 7, part: "p" });
    expect(problemOf(() => parseSharedStrings(`<sst><si><t>${"a".repeat(32_768)}</t></si></sst>`, "p"))).toStrictEqual({ code: "limit", limit: "cellChars", value: 32_768, max: 32_767, part: "p" });
    expect(parseSharedStrings(`<sst><si><t>${"_x0041_".repeat(32_767)}</t></si></sst>`, "p")[0]).toHaveLength(32_767);
  });
});

describe("number formats of cell styles", () => {
  it("maps each cellXfs entry to its custom or built-in format, and nothing else counts as a cell style", () => {
    const xml =
      '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0&quot;分&quot;"/><numFmt numFmtId="165"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf/><xf numFmtId="9"/><xf numFmtId="165"/></cellXfs>' +
      '<cellStyles><cellStyle xfId="0"/></cellStyles><cellStyleXfs><xf numFmtId="10"/></cellStyleXfs><dxfs><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs></styleSheet>';
    expect(parseCellFormats(xml, "xl/styles.xml")).toEqual([undefined, '0.0"分"', "mm-dd-yy", undefined, "0%", undefined]);
  });

  it("knows the built-in formats by id (ECMA-376 §18.8.30) and which of them are dates", () => {
    const builtin: Record<number, string> = {
      1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
      14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
      21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)",
      40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    };
    const ids = Object.keys(builtin).map(Number);
    const got = parseCellFormats(`<styleSheet><cellXfs>${ids.map((id) => `<xf numFmtId="${id}"/>`).join("")}<xf numFmtId="27"/></cellXfs></styleSheet>`, "s");
    expect(got).toEqual([...ids.map((id) => builtin[id]), undefined]);
    const dates = ids.filter((id) => isDateFormat(builtin[id]));
    expect(dates).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
  });

  it.each([
    ["yyyy-mm-dd", true], ["[$-804]yyyy\"年\"m\"月\"", true], ["[h]:mm", true], ["[Red]0.00", false], ["[$-804]0.00", false],
    ['0.0" days"', false], ['0"分"', false], ["General", false], ["@", false], ["", false], [undefined, false],
  ])("isDateFormat(%j) is %s", (fmt, want) => {
    expect(isDateFormat(fmt)).toBe(want);
  });
});

describe("checkLimit", () => {
  it("passes at the limit, fails past it naming the limit, the value, the maximum and the part if given", () => {
    expect(() => checkLimit("rows", 5, 5)).not.toThrow();
    const e = (() => {
      try {
        checkLimit("rows", 6, 5);
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(PackageError);
    expect((e as PackageError).problem).toStrictEqual({ code: "limit", limit: "rows", value: 6, max: 5 });
    expect((e as PackageError).message).toMatch(/^limit: .*"rows"/);
    expect(problemOf(() => checkLimit("cells", 9, 8, ""))).toStrictEqual({ code: "limit", limit: "cells", value: 9, max: 8, part: "" });
    expect(problemOf(() => checkLimit("cells", 9, 8, "xl/a.xml"))).toStrictEqual({ code: "limit", limit: "cells", value: 9, max: 8, part: "xl/a.xml" });
  });
});
