/**
 * What the sheet list shows (the text of A1, read from the start of a sheet only), what a scored
 * copy cannot carry over (limitations), and the XML layer's refusals and escapes — in-process.
 */
import fc from "fast-check";
import { strToU8, zipSync, type Zippable } from "fflate";
import { limitations } from "../../src/adapters/xlsx/limitations";
import { REL } from "../../src/adapters/xlsx/opc";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { peekA1 } from "../../src/adapters/xlsx/peek";
import type { WriteJob } from "../../src/adapters/xlsx/write";
import { assertNoDtd, esc, local, parseXml, unescapeOoxml } from "../../src/adapters/xlsx/xml";
import { ZipArchive } from "../../src/adapters/xlsx/zip-read";
import { parseRange } from "../../src/core/grid";
import { problemOf } from "../helpers/package-problem";

const PART = "xl/worksheets/sheet1.xml";
const sheetOf = (a1: string) => `<worksheet><sheetData><row r="1">${a1}<c r="B1"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`;

function zipOf(text: string, level: 0 | 6): ZipArchive {
  return new ZipArchive(zipSync({ [PART]: [strToU8(text), { level }] } as Zippable));
}

describe("peekA1: the text a sheet shows in A1", () => {
  const shared = () => ["考核表", "乙"];
  it.each([
    ["a shared string", '<c r="A1" t="s"><v>0</v></c>', "考核表"],
    ["a shared string, r not the first attribute", '<c s="2" r="A1" t="s"><v>1</v></c>', "乙"],
    ["a shared string that does not exist", '<c r="A1" t="s"><v>9</v></c>', ""],
    ["rich inline runs with entities and escapes", '<c r="A1" t="inlineStr"><is><r><t>考核</t></r><r><t xml:space="preserve">表 &amp;&lt;&gt;&quot;&apos;_x0041_</t></r></is></c>', "考核表 &<>\"'A"],
    ["a formula's text result", '<c r="A1" s="1" t="str"><f>"a"&amp;"b"</f><v>a&lt;b c</v></c>', "a<b c"],
    ["a number (no title)", '<c r="A1"><v>3</v></c>', ""],
    ["an error (no title)", '<c r="A1" t="e"><v>#N/A</v></c>', ""],
    ["a styled empty cell", '<c r="A1" s="1"/>', ""],
    ["an empty cell written open", '<c r="A1" s="1"></c>', ""],
    ["A10 is not A1", '<c r="A10" t="s"><v>0</v></c>', ""],
  ])("%s", (_name, a1, want) => {
    for (const level of [0, 6] as const) expect(peekA1(zipOf(sheetOf(a1), level), PART, shared)).toBe(want);
  });

  it("is empty for a part that is not there", () => {
    expect(peekA1(zipOf(sheetOf('<c r="A1" t="s"><v>0</v></c>'), 6), "xl/worksheets/sheet9.xml", shared)).toBe("");
  });

  it("reads A1 whole when its text spans many compressed chunks (multi-byte characters split across them)", () => {
    // Pseudo-random CJK text compresses poorly, so A1 alone spans several 16 KiB chunks.
    let seed = 7;
    const next = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return 0x4e00 + (seed % 3000);
    };
    const title = Array.from({ length: 60_000 }, () => String.fromCharCode(next())).join("");
    const zip = zipOf(sheetOf(`<c r="A1" t="inlineStr"><is><t>${title}</t></is></c>`), 6);
    const entry = zip.entries.get(PART);
    expect(entry && zip.raw(entry).length).toBeGreaterThan(3 * 16_384);
    expect(peekA1(zip, PART, shared)).toBe(title);
  });

  it("does not ask for the shared strings unless A1 is one", () => {
    const asked = jest.fn(() => ["x"]);
    expect(peekA1(zipOf(sheetOf('<c r="A1" t="str"><v>t</v></c>'), 6), PART, asked)).toBe("t");
    expect(asked).not.toHaveBeenCalled();
  });
});

/** A one-sheet package ("数据") with extra parts and the sheet's relationships. */
function pkgOf(sheet: string, extra: Record<string, string> = {}, sheetRels?: string): XlsxPackage {
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.worksheet}" Target="worksheets/sheet1.xml"/></Relationships>`,
    [PART]: sheet,
    ...extra,
  };
  if (sheetRels) parts["xl/worksheets/_rels/sheet1.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}</Relationships>`;
  return XlsxPackage.open(zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]))));
}

function jobAt(area: string, sheet = "数据"): WriteJob {
  const range = parseRange(area);
  if (!range) throw new Error(area);
  return { sheet, area: range, edits: new Map(), dropNote: () => false, notes: [], highlights: [], results: { name: "考核明细", rows: [], reuse: null } };
}

const plain = "<worksheet><sheetData/></worksheet>";
const rel = (id: string, type: string, target: string, external = false) => `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`;

describe("limitations: what a scored copy cannot carry over", () => {
  it("none for a plain sheet", () => {
    expect(limitations(pkgOf(plain), jobAt("D2:E5"), [])).toEqual([]);
  });

  it("a signature and tracked revisions are losses (the original must not be replaced); a look-alike part name is not", () => {
    const pkg = pkgOf(plain, {
      "customXml/_xmlsignatures/x.xml": "<x/>", "customXml/xl/revisions/x.xml": "<x/>",
      "_xmlsignatures/origin.sigs": "", "xl/revisions/revisionHeaders.xml": "<headers/>",
    });
    expect(limitations(pkg, jobAt("D2:E5"), [])).toEqual([
      { code: "signed", severity: "loss", part: "_xmlsignatures/origin.sigs" },
      { code: "revisions", severity: "loss", part: "xl/revisions/revisionHeaders.xml" },
    ]);
  });

  it("package-level losses are still found when the job's sheet is not there", () => {
    expect(limitations(pkgOf(plain, { "_xmlsignatures/sig1.xml": "<x/>" }), jobAt("A1", "无此表"), [])).toEqual([{ code: "signed", severity: "loss", part: "_xmlsignatures/sig1.xml" }]);
  });

  it.each([
    ['<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>', true],
    ['<?xml version="1.0"?>\n<ns0:worksheet xmlns:ns0="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><ns0:sheetData/></ns0:worksheet>', true],
    ['<worksheet xmlns:x14="urn:x14"><sheetData/><extLst><x14:ext/></extLst></worksheet>', false],
  ])("a sheet written with prefixed element names blocks the copy: %s", (xml, blocked) => {
    expect(limitations(pkgOf(xml), jobAt("D2:E5"), [])).toEqual(blocked ? [{ code: "prefixedXml", severity: "block", part: PART }] : []);
  });

  it("Kaohe's area inside an Excel Table or a PivotTable blocks the copy, naming the range and part; others do not", () => {
    const pkg = pkgOf(
      plain,
      {
        "xl/tables/table1.xml": '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T1" displayName="T1" ref="B1:D10"><autoFilter ref="B1:D10"/></table>',
        "xl/tables/table2.xml": '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="2" name="T2" ref="G1:H3"/>',
        "xl/pivotTables/pivotTable1.xml": '<pivotTableDefinition name="P1" cacheId="1"><location firstHeaderRow="1" ref="E5:F9" firstDataRow="2"/></pivotTableDefinition>',
        "xl/pivotTables/pivotTable2.xml": '<pivotTableDefinition name="P2"><location ref="F1:G4"/></pivotTableDefinition>',
        "xl/comments1.xml": '<comments><table ref="A1:Z99"/><location ref="A1:Z99"/></comments>',
        "xl/tables/table3.xml": "<table id=\"3\" name=\"T3\"/>",
      },
      rel("rId1", REL.table, "../tables/table1.xml") + rel("rId2", REL.table, "../tables/table2.xml") + rel("rId3", REL.pivotTable, "../pivotTables/pivotTable1.xml") +
        rel("rId4", REL.pivotTable, "../pivotTables/pivotTable2.xml") + rel("rId5", REL.comments, "../comments1.xml") + rel("rId6", REL.table, "../tables/missing.xml") +
        rel("rId7", REL.table, "https://example.com/t.xml", true) + rel("rId8", REL.table, "../tables/table3.xml"),
    );
    expect(limitations(pkg, jobAt("D2:E5"), [])).toEqual([
      { code: "tableOverlap", severity: "block", range: "B1:D10", part: "xl/tables/table1.xml" },
      { code: "pivotOverlap", severity: "block", range: "E5:F9", part: "xl/pivotTables/pivotTable1.xml" },
    ]);
  });

  it("a merge blocks the copy exactly when it shares a cell with Kaohe's area (edges touching count)", () => {
    const merges = ["C2:D2", "E3:F3", "D1:D2", "D5:D6", "B2:C2", "F3:G3", "D1:E1", "D6:E6", "A1:H9", "E4:E4"].map((r) => parseRange(r) as NonNullable<ReturnType<typeof parseRange>>);
    const got = limitations(pkgOf(plain), jobAt("D2:E5"), merges);
    expect(got).toEqual(["C2:D2", "E3:F3", "D1:D2", "D5:D6", "A1:H9", "E4:E4"].map((range) => ({ code: "mergeOverlap", severity: "block", range })));
  });
});

describe("the XML layer", () => {
  it("local names drop the prefix", () => {
    expect(["x:c", "c", "ns0:worksheet"].map(local)).toEqual(["c", "c", "worksheet"]);
  });

  it.each([
    ["a DOCTYPE", '<!DOCTYPE r><r/>'],
    ["a lower-case doctype", "<!doctype r><r/>"],
    ["an entity declaration late in the part", `<r>${" ".repeat(5000)}<!ENTITY x "y"></r>`],
  ])("refuses %s before parsing", (_name, text) => {
    expect(problemOf(() => assertNoDtd(text, "p.xml"))).toStrictEqual({ code: "entity", part: "p.xml" });
  });

  it("refuses a DOCTYPE the first look missed, while parsing", () => {
    const text = `<!--${"x".repeat(5000)}--><!DOCTYPE r><r/>`;
    expect(() => assertNoDtd(text, "p.xml")).not.toThrow();
    expect(problemOf(() => parseXml(text, "p.xml", {}))).toStrictEqual({ code: "entity", part: "p.xml" });
  });

  it("reports a part that is not well-formed as badPart with the parser's reason", () => {
    const p = problemOf(() => parseXml("<r><a></r>", "xl/x.xml", {}));
    expect(p).toMatchObject({ code: "badPart", part: "xl/x.xml" });
    expect(p?.code === "badPart" && p.detail.length).toBeGreaterThan(0);
  });

  it("calls only the handlers given, with local names, attributes and self-closing", () => {
    const seen: string[] = [];
    parseXml('<x:r a="1"><x:c/>t</x:r>', "p", { close: (n) => seen.push(`/${n}`) });
    parseXml('<x:r a="1"><x:c/>t</x:r>', "p", { open: (n, a, self) => seen.push(`${n}${JSON.stringify(a)}${self}`) });
    parseXml('<x:r a="1"><x:c/>t</x:r>', "p", { text: (t) => seen.push(`"${t}"`) });
    expect(seen).toEqual(["/c", "/r", 'r{"a":"1"}false', "c{}true", '"t"']);
  });

  it("escapes the five XML characters, controls and carriage return, and a literal _xHHHH_", () => {
    expect(esc(`<a & "b" 'c'>`)).toBe("&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
    expect(esc("a\u0001\r\tb\n_x0041_")).toBe("a_x0001__x000D_\tb\n_x005F_x0041_");
    expect(unescapeOoxml("_x0041__x4E2D_ _x00e9_ plain")).toBe("A中 _x00e9_ plain");
  });

  it("reads back what it escapes, through the XML parser", () => {
    const unit = fc.constantFrom(..."ab中_x0041F<>&\"'\u0001\u001f\r\n\t\uffff ");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (s) => {
        let got = "";
        parseXml(`<t a="${esc(s)}">${esc(s)}</t>`, "p", { text: (t) => (got += t) });
        expect(unescapeOoxml(got)).toBe(s);
      }),
    );
  });
});
