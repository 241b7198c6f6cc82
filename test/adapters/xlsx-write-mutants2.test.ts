/**
 * The .xlsx writing side pinned where mutation testing found it unguarded: the results sheet's XML,
 * the worksheet elements Kaohe maintains (conditional formats, legacyDrawing, dimension), the cell
 * sink's values and limits, Kaohe's state part and anchors, the 评分细则 file writer, and the scored
 * copy's parts — every part Kaohe did not change copied with its stored bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { anchorsOf, parseAddress, quoteSheet, readState, statePart } from "../../src/adapters/xlsx/kaohe-state";
import { LIMITS } from "../../src/adapters/xlsx/limits";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { resultsSheetXml } from "../../src/adapters/xlsx/results-xml";
import { rubricSheetFile, type SheetFile, workbookBytes } from "../../src/adapters/xlsx/rubric-sheet-file";
import { addFormats, addLegacyDrawing, legacyDrawingId, maxPriority, removeKaoheFormats, widenDimension, withRelNamespace } from "../../src/adapters/xlsx/sheet-parts";
import { CellSink, parseRef, type SheetContext } from "../../src/adapters/xlsx/sheet-sink";
import { type WriteJob, writeScoredCopy } from "../../src/adapters/xlsx/write";
import { ZipArchive } from "../../src/adapters/xlsx/zip-read";
import { UNCALCULATED } from "../../src/core/grid";
import { EMPTY_STATE, type WorkbookState, stateXml } from "../../src/core/ownership/record";
import { cutSheet } from "../../src/adapters/xlsx/sheet-cells";
import { edits, patched } from "../helpers/sheet-patch";
import { problemOf } from "../helpers/package-problem";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Run `f` with some of the reader's limits lowered, restoring them after. */
function withLimits<T>(over: Partial<Record<keyof typeof LIMITS, number>>, f: () => T): T {
  const limits = LIMITS as unknown as Record<string, number>;
  const saved = { ...limits };
  Object.assign(limits, over);
  try {
    return f();
  } finally {
    Object.assign(limits, saved);
  }
}

describe("sheet-cells", () => {
  it("opens a self-closing row Kaohe writes into, keeping its attributes, and the next edited row intact", () => {
    const xml = '<worksheet><sheetData><row r="1" ht="20" spans="1:1"/><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>';
    expect(patched(xml, edits([0, 1, 3], [1, 1, "x"]))).toBe(
      '<worksheet><sheetData><row r="1" ht="20"><c r="B1"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
    );
  });

  it("names what is damaged: a sheet without sheetData, a row with an unclosed cell", () => {
    expect(problemOf(() => cutSheet("<worksheet/>"))).toEqual({ code: "badPart", part: "sheet", detail: "no sheetData" });
    expect(problemOf(() => patched('<worksheet><sheetData><row r="7"><c r="A7"><v>1</v></row></sheetData></worksheet>', edits([6, 0, 2])))).toEqual({ code: "badPart", part: "sheet", detail: "row 7" });
  });
});

describe("resultsSheetXml", () => {
  const start = (dim: string, cols: string) =>
    XML_HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="${dim}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  const end = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  const col = (c: number, w: number) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`;
  const s = (ref: string, t: string, keep = false) => `<c r="${ref}" t="inlineStr"><is><t${keep ? ' xml:space="preserve"' : ""}>${t}</t></is></c>`;
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);

  it("writes text as inline strings (never formulas), finite numbers as numbers, skips blanks and empty rows, widens the first and last column", () => {
    const rows = [["单位", "得分"], [], ["甲", 95.5, " 前后"], [null, "", Number.NaN, "a\nb", "=1&<2\u0001"], ["a b", "x ", -0, Infinity], [null, ""]];
    expect(decode(resultsSheetXml(rows))).toBe(
      start("A1:E6", col(1, 16) + col(2, 12) + col(3, 12) + col(4, 12) + col(5, 60)) +
        `<row r="1">${s("A1", "单位")}${s("B1", "得分")}</row>` +
        `<row r="3">${s("A3", "甲")}<c r="B3"><v>95.5</v></c>${s("C3", " 前后", true)}</row>` +
        `<row r="4">${s("D4", "a\nb", true)}${s("E4", "=1&amp;&lt;2_x0001_")}</row>` +
        `<row r="5">${s("A5", "a b")}${s("B5", "x ", true)}<c r="C5"><v>0</v></c></row>` +
        end,
    );
  });

  it("gives an empty results sheet one (first) column and an A1 dimension", () => {
    expect(decode(resultsSheetXml([]))).toBe(start("A1:A1", col(1, 16)) + end);
    expect(decode(resultsSheetXml([["x"]]))).toBe(start("A1:A1", col(1, 16)) + `<row r="1">${s("A1", "x")}</row>` + end);
  });
});

describe("sheet-parts", () => {
  it("maxPriority is the highest cfRule priority wherever the attribute sits", () => {
    expect(maxPriority('<cfRule type="expression" dxfId="0" priority="12"/><cfRule priority="3" type="x"/><cfRule type="y" priority="7">')).toBe(12);
    expect(maxPriority("<worksheet/>")).toBe(0);
  });

  it("removeKaoheFormats removes only blocks holding a kaohe marker rule, quoted either way", () => {
    const user = '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>ISTEXT("user-x")</formula></cfRule></conditionalFormatting>';
    const k1 = '<conditionalFormatting sqref="B1"><cfRule type="expression" priority="2"><formula>ISTEXT("kaohe-shortfall")</formula></cfRule></conditionalFormatting>';
    const k2 = '<conditionalFormatting sqref="C1"><cfRule type="expression" priority="3"><formula>ISTEXT(&quot;kaohe-problem&quot;)</formula></cfRule></conditionalFormatting>';
    expect(removeKaoheFormats(`</sheetData>${k1}${user}${k2}<pageMargins/>`)).toBe(`</sheetData>${user}<pageMargins/>`);
  });

  it("addFormats appends after the user's last block, else before the first element that follows formats (or a wrapper), else at the end", () => {
    const cf = (n: number) => `<conditionalFormatting sqref="A${n}"><cfRule priority="${n}"/></conditionalFormatting>`;
    const frag = "<K/>";
    expect(addFormats("<worksheet/>", "")).toBe("<worksheet/>");
    // Out of schema order on purpose: the user's blocks stay where they are and Kaohe's follow them.
    expect(addFormats(`</sheetData><dataValidations/>${cf(1)}<pageMargins/>${cf(2)}</worksheet>`, frag)).toBe(`</sheetData><dataValidations/>${cf(1)}<pageMargins/>${cf(2)}${frag}</worksheet>`);
    expect(addFormats("</sheetData><hyperlinks/><dataValidations/></worksheet>", frag)).toBe(`</sheetData>${frag}<hyperlinks/><dataValidations/></worksheet>`);
    expect(addFormats('</sheetData><mc:AlternateContent><mc:Choice/></mc:AlternateContent><pageMargins/></worksheet>', frag)).toBe(`</sheetData>${frag}<mc:AlternateContent><mc:Choice/></mc:AlternateContent><pageMargins/></worksheet>`);
    expect(addFormats("</sheetData></worksheet>", frag)).toBe(`</sheetData>${frag}</worksheet>`);
    expect(addFormats("<worksheet><sheetData/><drawing r:id=\"rId1\"/></worksheet>", frag)).toBe(`<worksheet><sheetData/>${frag}<drawing r:id="rId1"/></worksheet>`);
  });

  it("legacyDrawingId reads r:id after other attributes; none without a legacyDrawing", () => {
    expect(legacyDrawingId('<drawing r:id="rId1"/><legacyDrawing xmlns:r="urn:r" r:id="rId7"/>')).toBe("rId7");
    expect(legacyDrawingId('<legacyDrawingHF r:id="rId2"/>')).toBeUndefined();
  });

  it("withRelNamespace binds r on the worksheet root only when missing", () => {
    const head = `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:mc="urn:mc"><sheetData>`;
    expect(withRelNamespace(head)).toBe(`${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:mc="urn:mc" xmlns:r="${REL}"><sheetData>`);
    const bound = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
    expect(withRelNamespace(bound)).toBe(bound);
    expect(withRelNamespace("<sheetData>")).toBe("<sheetData>");
  });

  it("addLegacyDrawing goes after drawing and before the elements that follow it, never inside sheetData", () => {
    expect(addLegacyDrawing('</sheetData><pageMargins/><drawing r:id="rId1"/><tableParts count="1"/></worksheet>', "rId3")).toBe(
      '</sheetData><pageMargins/><drawing r:id="rId1"/><legacyDrawing r:id="rId3"/><tableParts count="1"/></worksheet>',
    );
    // A cell may carry its own extLst: the search starts at the end of sheetData.
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v><extLst/></c></row></sheetData><pageMargins/><extLst/></worksheet>';
    expect(addLegacyDrawing(xml, "rId2")).toBe('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v><extLst/></c></row></sheetData><pageMargins/><legacyDrawing r:id="rId2"/><extLst/></worksheet>');
  });

  it("widenDimension takes the union of the old dimension and the written area; leaves an unreadable one", () => {
    const area = { top: 0, left: 3, bottom: 5, right: 4 };
    expect(widenDimension('<dimension ref="B2:C3"/><sheetData>', area)).toBe('<dimension ref="B1:E6"/><sheetData>');
    expect(widenDimension('<dimension x="1" ref="B2"/>', { top: 1, left: 1, bottom: 1, right: 1 })).toBe('<dimension x="1" ref="B2:B2"/>');
    expect(widenDimension('<dimension ref="?"/>', area)).toBe('<dimension ref="?"/>');
  });
});

describe("sheet-sink", () => {
  it("parseRef reads 1–4 capitals and 1–8 digits", () => {
    expect(parseRef("AB12", "p")).toEqual({ row: 11, col: 27 });
    expect(parseRef("ABC10000", "p")).toEqual({ row: 9999, col: 730 });
    expect(parseRef("XFD1048576", "p")).toEqual({ row: 1048575, col: 16383 });
    expect(parseRef("A01", "p")).toEqual({ row: 0, col: 0 });
  });

  it.each(["", "12", "AB", "A1B", "A1!", "A0", "a1", "AAAAA1", "A123456789"])("parseRef refuses %p as a damaged part naming it", (ref) => {
    expect(problemOf(() => parseRef(ref, "xl/worksheets/sheet1.xml"))).toEqual({ code: "badPart", part: "xl/worksheets/sheet1.xml", detail: `cell reference "${ref}"` });
  });

  it("parseRef refuses a cell past the sheet's edge by the limit's name", () => {
    expect(problemOf(() => parseRef("XFE1", "p"))).toEqual({ code: "limit", limit: "columns", value: 16385, max: 16384, part: "p" });
    expect(problemOf(() => parseRef("A1048577", "p"))).toEqual({ code: "limit", limit: "rows", value: 1048577, max: 1048576, part: "p" });
  });

  const ctx = (over: Partial<SheetContext> = {}): SheetContext => ({
    sheet: "数据",
    part: "xl/worksheets/sheet1.xml",
    shared: ["共享"],
    formats: [undefined, "0.00%", "yyyy-mm-dd", "General"],
    date1904: false,
    ...over,
  });

  it("turns each kind of cell into the value the engine reads, with its number format unless General", () => {
    const sink = new CellSink(ctx());
    sink.cell(0, 0, "s", 0, "0", undefined, undefined);
    sink.cell(0, 1, "str", 1, "a_x000D_b", "A1&\"\"", undefined);
    sink.cell(0, 2, "inlineStr", 3, "x_x0009_", undefined, undefined);
    sink.cell(0, 3, "", 0, undefined, undefined, "内_x000A_联");
    sink.cell(1, 0, "b", 0, "1", undefined, undefined);
    sink.cell(1, 1, "e", 0, "#DIV/0!", undefined, undefined);
    sink.cell(1, 2, "n", 1, "0.5", undefined, undefined);
    sink.cell(1, 3, "", 3, "5", undefined, undefined);
    sink.cell(2, 0, "", 2, "45000", undefined, undefined);
    sink.cell(2, 1, "", 0, undefined, "NOW()", undefined);
    sink.cell(2, 2, "str", 0, "", "IF(1,\"\")", undefined);
    sink.cell(2, 3, "", 0, undefined, undefined, undefined);
    expect(sink.rows).toStrictEqual([
      [{ value: "共享" }, { value: "a\rb", numFmt: "0.00%" }, { value: "x\t" }, { value: "内\n联" }],
      [{ value: true }, { value: { error: "#DIV/0!" } }, { value: 0.5, numFmt: "0.00%" }, { value: 5 }],
      [{ value: "2023-03-15", numFmt: "yyyy-mm-dd" }, { value: { error: UNCALCULATED } }],
    ]);
    const d1904 = new CellSink(ctx({ date1904: true }));
    d1904.cell(0, 0, "", 2, "45000", undefined, undefined);
    expect(d1904.rows[0]?.[0]?.value).toBe("2027-03-16");
  });

  it("refuses a shared string that does not exist", () => {
    expect(problemOf(() => new CellSink(ctx()).cell(0, 0, "s", 0, "5", undefined, undefined))).toMatchObject({ code: "badPart", part: "xl/worksheets/sheet1.xml" });
  });

  it("records raw contents only inside contentsOf: formulas as =…, blanks as empty, errors by code", () => {
    const sink = new CellSink(ctx({ contentsOf: { top: 1, left: 1, bottom: 2, right: 2 } }));
    const put = (r: number, c: number, v: string | undefined, f?: string, t = "") => sink.cell(r, c, t, 0, v, f, undefined);
    put(0, 1, "1");
    put(3, 1, "1");
    put(1, 0, "1");
    put(1, 3, "1");
    put(1, 1, "2", "A1*2");
    put(1, 2, undefined);
    put(2, 1, "#N/A", undefined, "e");
    put(2, 2, "0", undefined, "s");
    expect(Object.fromEntries(sink.contents)).toEqual({ "1,1": "=A1*2", "1,2": "", "2,1": "#N/A", "2,2": "共享" });
    const none = new CellSink(ctx());
    none.cell(0, 0, "", 0, "1", undefined, undefined);
    expect(none.contents.size).toBe(0);
  });

  it("refuses a cell longer than Excel allows, naming the cell", () => {
    expect(problemOf(() => new CellSink(ctx()).cell(2, 0, "str", 0, "x".repeat(32_768), undefined, undefined))).toEqual({
      code: "limit", limit: "cellChars", value: 32_768, max: 32_767, part: "xl/worksheets/sheet1.xml A3",
    });
  });

  it("counts cells and merges against their limits", () => {
    withLimits({ cells: 2, merges: 1 }, () => {
      const sink = new CellSink(ctx());
      sink.cell(0, 0, "", 0, "1", undefined, undefined);
      sink.cell(0, 1, "", 0, undefined, undefined, undefined);
      sink.cell(0, 2, "", 0, "2", undefined, undefined);
      expect(problemOf(() => sink.cell(0, 3, "", 0, "3", undefined, undefined))).toEqual({ code: "limit", limit: "cells", value: 3, max: 2, part: "xl/worksheets/sheet1.xml" });
      sink.merge("B3:A1");
      expect(sink.merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 1 }]);
      expect(problemOf(() => sink.merge("C5"))).toEqual({ code: "limit", limit: "merges", value: 2, max: 1, part: "xl/worksheets/sheet1.xml" });
    });
    const sink = new CellSink(ctx());
    sink.merge("C5");
    expect(sink.merges).toEqual([{ top: 4, left: 2, bottom: 4, right: 2 }]);
  });
});

/** A package built by the 评分细则 writer, its parts edited, stored uncompressed (so a rewritten part shows). */
function pkgOf(sheets: SheetFile[], edit: (files: Record<string, string>) => void = () => undefined): Uint8Array {
  const files = Object.fromEntries(Object.entries(unzipSync(workbookBytes(sheets))).map(([k, v]) => [k, strFromU8(v)]));
  edit(files);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level: 0 });
}
const addNames = (files: Record<string, string>, names: string) => {
  files["xl/workbook.xml"] = (files["xl/workbook.xml"] as string).replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
};
const addWorkbookRels = (files: Record<string, string>, rels: string) => {
  files["xl/_rels/workbook.xml.rels"] = (files["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `${rels}</Relationships>`);
};
const CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";

describe("kaohe-state", () => {
  it("parseAddress reads quoted and bare sheet names and absolute ranges; quoteSheet doubles quotes", () => {
    expect(parseAddress("'考核''s'!$AH$3:$AK$8")).toEqual({ sheet: "考核's", range: { top: 2, left: 33, bottom: 7, right: 36 } });
    expect(parseAddress(" 数据 !B2")).toEqual({ sheet: "数据", range: { top: 1, left: 1, bottom: 1, right: 1 } });
    expect(parseAddress("A1")).toBeNull();
    expect(parseAddress("数据!#REF!")).toBeNull();
    expect(quoteSheet("O'Brien's")).toBe("'O''Brien''s'");
  });

  const two: SheetFile[] = [{ name: "数据", rows: [["x"]] }, { name: "其他", rows: [["y"]] }];

  it("anchorsOf takes the sheet's own token and the workbook-scoped output and results names", () => {
    const bytes = pkgOf(two, (f) =>
      addNames(f,
        '<definedName name="_Kaohe_Sheet">"k7"</definedName>' +
          '<definedName name="Print_Area" localSheetId="0">\'数据\'!$A$1:$B$2</definedName>' +
          '<definedName name="_Kaohe_Sheet" localSheetId="1">"k9"</definedName>' +
          '<definedName name="_Kaohe_O_k1" localSheetId="0">\'数据\'!$Z$1</definedName>' +
          '<definedName name="_Kaohe_Sheet" localSheetId="0"> ="k1" </definedName>' +
          "<definedName name=\"_Kaohe_O_k1\">'数据'!$AH$3:$AK$8</definedName>" +
          "<definedName name=\"_Kaohe_R_k1\">'考核''明细'!$A$1</definedName>"));
    const pkg = XlsxPackage.open(bytes);
    const [data, other] = pkg.workbook.sheets;
    if (!data || !other) throw new Error("sheets");
    expect(anchorsOf(pkg, data)).toStrictEqual({
      token: "k1",
      output: { sheet: "数据", range: { top: 2, left: 33, bottom: 7, right: 36 } },
      results: { sheet: "考核'明细", range: { top: 0, left: 0, bottom: 0, right: 0 } },
    });
    expect(anchorsOf(pkg, other)).toStrictEqual({ token: "k9", output: null, results: null });
  });

  it.each([
    ['"k1"', "k1"],
    ['="k_2"', "k_2"],
    ['  "K3"  ', "K3"],
    ['"x"&amp;"k1"', null],
    ['"k1"&amp;"x"', null],
    ['"k 1"', null],
    ["=k1", null],
  ])("the token of a sheet whose name holds %s is %p", (text, token) => {
    const pkg = XlsxPackage.open(pkgOf(two, (f) => addNames(f, `<definedName name="_Kaohe_Sheet" localSheetId="0">${text}</definedName>`)));
    const sheet = pkg.workbook.sheets[0];
    if (!sheet) throw new Error("sheet");
    expect(anchorsOf(pkg, sheet)).toStrictEqual({ token, output: null, results: null });
  });

  it("statePart finds Kaohe's custom XML part, never an external link, a missing part, another part or a namespace mentioned late", () => {
    const state: WorkbookState = { v: 2, rubricId: "r<&>1", rubrics: [], sheets: { k1: { mappings: { 指标一: { col: "C" } } } } };
    const other: WorkbookState = { ...EMPTY_STATE, rubricId: "外部" };
    const bytes = pkgOf([{ name: "数据", rows: [["urn:kaohe:state:2"]] }], (f) => {
      f["customXml/item2.xml"] = stateXml(other);
      f["customXml/item3.xml"] = `<?xml version="1.0"?><other xmlns="urn:other">${" ".repeat(400)}urn:kaohe:state:2</other>`;
      f["customXml/item1.xml"] = stateXml(state);
      addWorkbookRels(f,
        `<Relationship Id="rId90" Type="${CUSTOM_XML}" Target="customXml/item2.xml" TargetMode="External"/>` +
          `<Relationship Id="rId91" Type="${CUSTOM_XML}" Target="../customXml/item5.xml"/>` +
          `<Relationship Id="rId92" Type="${CUSTOM_XML}" Target="../customXml/item3.xml"/>` +
          `<Relationship Id="rId93" Type="${CUSTOM_XML}" Target="../customXml/item1.xml"/>`);
    });
    const pkg = XlsxPackage.open(bytes);
    expect(statePart(pkg)).toBe("customXml/item1.xml");
    expect(readState(pkg)).toEqual(state);
    const none = XlsxPackage.open(pkgOf([{ name: "数据", rows: [["x"]] }]));
    expect(statePart(none)).toBeUndefined();
    expect(readState(none)).toEqual(EMPTY_STATE);
  });
});

describe("workbookBytes (评分细则 as a file)", () => {
  const sheets = (): SheetFile[] => [
    {
      name: "甲&乙",
      rows: [["标题", null, "", "说明", 7], [], [1.5, -0, "标题"], ["=1+1"]],
      headings: [0],
      widths: [10, 20],
      validations: [{ ref: "A5:A6", list: ["是", "否"] }, { ref: "B5", list: ["一"] }],
    },
    { name: "第二", rows: [["x", "a<&>\u0002"]] },
  ];
  const dv = (ref: string, f: string) => `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${ref}"><formula1>${f}</formula1></dataValidation>`;

  it("writes each sheet's cells (text as shared text-format strings, bold headings), widths and drop-downs", () => {
    const zip = unzipSync(workbookBytes(sheets()));
    const text = (name: string) => strFromU8(zip[name] as Uint8Array);
    expect(Object.keys(zip).sort()).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
    expect(text("xl/worksheets/sheet1.xml")).toBe(
      `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetFormatPr defaultRowHeight="15"/>` +
        '<cols><col min="1" max="1" width="10" customWidth="1"/><col min="2" max="2" width="20" customWidth="1"/></cols><sheetData>' +
        '<row r="1"><c r="A1" s="2" t="s"><v>0</v></c><c r="D1" s="2" t="s"><v>1</v></c><c r="E1" s="2"><v>7</v></c></row>' +
        '<row r="3"><c r="A3"><v>1.5</v></c><c r="B3"><v>0</v></c><c r="C3" s="1" t="s"><v>0</v></c></row>' +
        '<row r="4"><c r="A4" s="1" t="s"><v>2</v></c></row></sheetData>' +
        `<dataValidations count="2">${dv("A5:A6", "&quot;是,否&quot;")}${dv("B5", "&quot;一&quot;")}</dataValidations></worksheet>`,
    );
    expect(text("xl/worksheets/sheet2.xml")).toBe(
      `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"><c r="A1" s="1" t="s"><v>3</v></c><c r="B1" s="1" t="s"><v>4</v></c></row></sheetData></worksheet>`,
    );
    const si = (t: string) => `<si><t xml:space="preserve">${t}</t></si>`;
    expect(text("xl/sharedStrings.xml")).toBe(`${XML_HEAD}<sst xmlns="${MAIN}" count="6" uniqueCount="5">${si("标题")}${si("说明")}${si("=1+1")}${si("x")}${si("a&lt;&amp;&gt;_x0002_")}</sst>`);
    expect(text("xl/workbook.xml")).toBe(
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        '<sheet name="甲&amp;乙" sheetId="1" r:id="rId1"/><sheet name="第二" sheetId="2" r:id="rId2"/></sheets></workbook>',
    );
    expect(text("xl/_rels/workbook.xml.rels")).toBe(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    expect(text("_rels/.rels")).toBe(`${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    const types = text("[Content_Types].xml");
    expect(types.startsWith(`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)).toBe(true);
    const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    for (const entry of [
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>',
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${ct}.worksheet+xml"/>`,
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>`,
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/></Types>`,
    ]) expect(types).toContain(entry);
  });

  it("declares the styles its cells use: plain, text (@) and bold text", () => {
    const styles = strFromU8(unzipSync(workbookBytes(sheets()))["xl/styles.xml"] as Uint8Array);
    expect(styles.startsWith(`${XML_HEAD}<styleSheet xmlns="${MAIN}">`)).toBe(true);
    const fonts = /<fonts count="2">(.*?)<\/fonts>/.exec(styles)?.[1] ?? "";
    expect(fonts.match(/<font>/g)).toHaveLength(2);
    expect(fonts).toMatch(/^<font><sz val="11"\/>.*<\/font><font><b\/>/);
    expect(styles).toMatch(/<fills count="2"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><\/fills>/);
    expect(styles).toContain('<borders count="1"><border>');
    expect(styles).toContain('<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>');
    const xfs = [...(/<cellXfs count="3">(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf [^>]*\/>/g)].map((m) => m[0]);
    expect(xfs).toHaveLength(3);
    expect(xfs[1]).toMatch(/numFmtId="49" fontId="0"/);
    expect(xfs[2]).toMatch(/numFmtId="49" fontId="1"/);
  });

  it("refuses what Excel would refuse: no sheet, bad or clashing names, non-finite numbers, lists it cannot hold inline", () => {
    expect(() => workbookBytes([])).toThrow("a workbook needs a sheet");
    for (const names of [[""], ["x".repeat(32)], ["a/b"], ["a[1]"], ["Sheet", "sheet"], ["ok", "OK"]]) {
      expect(() => workbookBytes(names.map((name) => ({ name, rows: [] })))).toThrow("bad sheet name");
    }
    expect(() => workbookBytes([{ name: "x".repeat(31), rows: [] }, { name: "评分细则", rows: [] }])).not.toThrow();
    expect(() => workbookBytes([{ name: "s", rows: [[Number.NaN]] }])).toThrow("cell A1: NaN is not a finite number");
    expect(() => workbookBytes([{ name: "s", rows: [[null, Infinity]] }])).toThrow("cell B1");
    const list = (items: string[]) => () => workbookBytes([{ name: "s", rows: [], validations: [{ ref: "A1", list: items }] }]);
    expect(list(["x".repeat(255)])).not.toThrow();
    expect(list(["x".repeat(127), "y".repeat(127)])).not.toThrow();
    expect(list(["x".repeat(256)])).toThrow("drop-down list for A1 cannot be written inline");
    expect(list(["ok", "a,b"])).toThrow("cannot be written inline");
    expect(list(['say "x"', "ok"])).toThrow("cannot be written inline");
  });

  it("rubricSheetFile gives every column of the 评分细则 layout a readable width", () => {
    const file = rubricSheetFile({ name: "评分细则", rows: [], validations: [], headings: [] });
    expect(file.widths).toHaveLength(20);
    expect(Math.min(...(file.widths ?? []))).toBeGreaterThanOrEqual(6);
  });
});

describe("writeScoredCopy: parts written, parts left byte for byte", () => {
  const PROBLEMS = '<conditionalFormatting sqref="B2"><cfRule type="cellIs" dxfId="0" priority="3" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>';
  const OLD_KAOHE = '<conditionalFormatting sqref="C2"><cfRule type="expression" dxfId="1" priority="7"><formula>ISTEXT("kaohe-old")</formula></cfRule></conditionalFormatting>';
  const userNotes = (kaohe: string) =>
    `${XML_HEAD}<comments xmlns="${MAIN}"><authors><author>用户</author><author>Kaohe</author></authors><commentList>` +
    '<comment ref="A1" authorId="0"><text><t>用户的批注</t></text></comment>' +
    `<comment ref="B1" authorId="1"><text><t>${kaohe}</t></text></comment></commentList></comments>`;
  const vmlShape = (id: number, row: number, col: number) =>
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  const VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shapetype id="_x0000_t202" coordsize="21600,21600"/>${vmlShape(1025, 0, 0)}${vmlShape(1026, 0, 1)}</xml>`;

  /** 数据 (to score, with a user's and an old Kaohe format), 其他 (with notes), 考核明细 (an earlier results sheet). */
  const base = () =>
    pkgOf([{ name: "数据", rows: [["单位", "指标", "得分"], ["甲", 1], ["乙", 2]] }, { name: "其他", rows: [["y"]] }, { name: "考核明细", rows: [["旧"]] }], (f) => {
      f["xl/worksheets/sheet1.xml"] = (f["xl/worksheets/sheet1.xml"] as string).replace("</sheetData>", `</sheetData>${OLD_KAOHE}${PROBLEMS}`);
      f["xl/worksheets/sheet2.xml"] = (f["xl/worksheets/sheet2.xml"] as string).replace("</sheetData>", '</sheetData><legacyDrawing r:id="rId2"/>');
      f["xl/worksheets/_rels/sheet2.xml.rels"] =
        `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`;
      f["xl/comments1.xml"] = userNotes("Kaohe 旧说明");
      f["xl/drawings/vmlDrawing1.vml"] = VML;
      f["[Content_Types].xml"] = (f["[Content_Types].xml"] as string).replace(
        "</Types>",
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
      );
    });
  const job = (over: Partial<WriteJob> = {}): WriteJob => ({
    sheet: "数据",
    edits: edits([0, 3, "=得分"], [1, 3, 90], [2, 3, "+1"]),
    area: { top: 0, left: 3, bottom: 2, right: 3 },
    dropNote: (_cell, text) => text.startsWith("Kaohe"),
    notes: [],
    highlights: [],
    results: { name: "考核明细", rows: [["单位", "得分"]], reuse: "考核明细" },
    ...over,
  });
  const parts = (bytes: Uint8Array) => new ZipArchive(bytes);
  const text = (bytes: Uint8Array, name: string) => {
    const z = parts(bytes);
    return z.has(name) ? z.text(name) : undefined;
  };
  /** Names of the parts whose stored bytes differ (or that are new). */
  const changed = (before: Uint8Array, after: Uint8Array) => {
    const a = parts(before);
    const b = parts(after);
    return b.order.filter((n) => {
      const x = a.entries.get(n);
      const y = b.entries.get(n);
      return !x || !y || x.method !== y.method || Buffer.compare(Buffer.from(a.raw(x)), Buffer.from(b.raw(y))) !== 0;
    }).sort();
  };

  it("writes its cells as text that cannot become a formula, highlights once per kind after the user's formats, and adds notes parts beside the other sheet's", () => {
    const before = base();
    const out = writeScoredCopy(XlsxPackage.open(before), job({
      notes: [{ row: 1, col: 3, text: "说明 & <理由>" }],
      highlights: [{ row: 1, col: 3, kind: "shortfall" }, { row: 2, col: 3, kind: "shortfall" }],
    }));
    expect(changed(before, out)).toEqual(["[Content_Types].xml", "xl/comments2.xml", "xl/drawings/vmlDrawing2.vml", "xl/styles.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"]);
    const sheet = text(out, "xl/worksheets/sheet1.xml") ?? "";
    expect(sheet).toContain('<c r="D1" t="inlineStr"><is><t>=得分</t></is></c>');
    expect(sheet).toContain('<c r="D2"><v>90</v></c>');
    expect(sheet).toContain('<c r="D3" t="inlineStr"><is><t>+1</t></is></c>');
    expect(sheet).not.toContain("kaohe-old");
    const formats = [...sheet.matchAll(/<conditionalFormatting sqref="([^"]*)"><cfRule [^>]*priority="(\d+)"/g)].map((m) => [m[1], m[2]]);
    expect(formats).toEqual([["B2", "3"], ["D2 D3", "4"]]);
    expect(sheet).toMatch(/<\/conditionalFormatting><legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    const rels = text(out, "xl/worksheets/_rels/sheet1.xml.rels") ?? "";
    expect(rels).toContain('Target="../comments2.xml"');
    expect(rels).toContain('Target="../drawings/vmlDrawing2.vml"');
    const types = text(out, "[Content_Types].xml") ?? "";
    expect(types.match(/Extension="vml"/g)).toHaveLength(1);
    expect(types).toContain('<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
    expect(text(out, "xl/comments2.xml")).toContain('<comment ref="D2" authorId="0"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">说明 &amp; &lt;理由&gt;</t></r></text></comment>');
    expect(text(out, "xl/drawings/vmlDrawing2.vml")).toContain("<x:Row>1</x:Row><x:Column>3</x:Column>");
    const styles = text(out, "xl/styles.xml") ?? "";
    expect(styles).toMatch(/<dxfs count="1"><dxf>/);
  });

  it("a second run with the same highlights leaves the styles and the notes parts as they are", () => {
    // The first copy stored again uncompressed, so a part the second run rewrites shows even if its text is the same.
    const first = zipSync(unzipSync(writeScoredCopy(XlsxPackage.open(base()), job({ highlights: [{ row: 1, col: 3, kind: "problem" }] }))), { level: 0 });
    const second = writeScoredCopy(XlsxPackage.open(first), job({ highlights: [{ row: 2, col: 3, kind: "problem" }] }));
    // The scored sheet and the results sheet are always rewritten; styles and the other sheets' notes are not.
    expect(changed(first, second)).toEqual(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"]);
    expect([...(text(second, "xl/worksheets/sheet1.xml") ?? "").matchAll(/<conditionalFormatting sqref="([^"]*)"/g)].map((m) => m[1])).toEqual(["B2", "D3"]);
  });

  it("on a sheet with notes: keeps the user's, replaces Kaohe's, reuses the drawing, and touches no bookkeeping", () => {
    const before = base();
    const out = writeScoredCopy(XlsxPackage.open(before), job({
      sheet: "其他",
      edits: edits([0, 3, "分"]),
      area: { top: 0, left: 3, bottom: 0, right: 3 },
      notes: [{ row: 0, col: 0, text: "不写" }, { row: 0, col: 2, text: "新说明" }],
    }));
    expect(changed(before, out)).toEqual(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]);
    const comments = text(out, "xl/comments1.xml") ?? "";
    expect([...comments.matchAll(/<comment ref="([A-Z]+\d+)" authorId="(\d)"/g)].map((m) => [m[1], m[2]])).toEqual([["A1", "0"], ["C1", "1"]]);
    const vml = text(out, "xl/drawings/vmlDrawing1.vml") ?? "";
    expect([...vml.matchAll(/<v:shape id="_x0000_s(\d+)"[\s\S]*?<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map((m) => m.slice(1))).toEqual([["1025", "0", "0"], ["1026", "0", "2"]]);
    expect((text(out, "xl/worksheets/sheet2.xml") ?? "").match(/<legacyDrawing /g)).toHaveLength(1);
  });

  it("stores Kaohe's state and anchors that read back, and saves as another kind when asked", () => {
    const state: WorkbookState = { v: 2, rubricId: "乡镇<&>", rubrics: [], sheets: { k1: { mappings: { 指标: { col: "B" } } } } };
    const out = writeScoredCopy(XlsxPackage.open(base()), job({ record: { state, token: "k1", output: { top: 0, left: 3, bottom: 2, right: 3 } } }), { as: "xlsm" });
    const pkg = XlsxPackage.open(out);
    expect(pkg.kind).toBe("xlsm");
    expect(readState(pkg)).toEqual(state);
    const sheet = pkg.sheet("数据");
    if (!sheet) throw new Error("sheet");
    expect(anchorsOf(pkg, sheet)).toStrictEqual({
      token: "k1",
      output: { sheet: "数据", range: { top: 0, left: 3, bottom: 2, right: 3 } },
      results: { sheet: "考核明细", range: { top: 0, left: 0, bottom: 0, right: 0 } },
    });
    expect(XlsxPackage.open(writeScoredCopy(XlsxPackage.open(base()), job(), { as: "xlsx" })).kind).toBe("xlsx");
  });

  it("names the sheet that vanished", () => {
    expect(() => writeScoredCopy(XlsxPackage.open(base()), job({ sheet: "缺失" }))).toThrow("sheet 缺失 vanished");
  });
});
