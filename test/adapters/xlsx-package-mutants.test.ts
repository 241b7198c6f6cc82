/**
 * The .xlsx package layer in-process: what a file is (and what it is not), OPC relationships and
 * content types, the workbook part, the text edits of bookkeeping parts, highlight formats, and a
 * copy that keeps every untouched part's stored bytes. test/cli covers the same hostile files through
 * the bundle; here each refusal is asserted as data (code and params).
 */
import { strFromU8, unzipSync, zipSync } from "fflate";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { XlsxBook } from "../../src/adapters/xlsx/xlsx-book";
import { REL, contentTypeOf, parseContentTypes, parseRels, relativeTarget, relsPartOf, resolveTarget } from "../../src/adapters/xlsx/opc";
import { parseWorkbook } from "../../src/adapters/xlsx/workbook-part";
import { addDefault, addOverride, addRelationship, addSheetEntry, emptyRels, freshPartName, freshRelId, relPrefix, setOverride } from "../../src/adapters/xlsx/bookkeeping";
import { dxfXml, ensureDxfs } from "../../src/adapters/xlsx/styles-patch";
import { Patch } from "../../src/adapters/xlsx/patch";
import { writeZip } from "../../src/adapters/xlsx/zip-write";
import { ZipArchive } from "../../src/adapters/xlsx/zip-read";
import { jobOfWrite } from "../../src/adapters/xlsx/jobs";
import { anchorsOf, statePart } from "../../src/adapters/xlsx/kaohe-state";
import type { Grid } from "../../src/core/grid";
import { blockFingerprint, fingerprint } from "../../src/core/ownership/fingerprint";
import { EMPTY_STATE } from "../../src/core/ownership/record";
import type { OutputWrite } from "../../src/core/ownership/transaction";
import { builtinRubric } from "../../src/app/rubrics";
import { scoreFile } from "../../src/app/score-file";
import { catalog } from "../../src/i18n";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { buildWorkbook } from "../helpers/xlsx";
import { problemOf } from "../helpers/package-problem";

const enc = new TextEncoder();
const MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const WS = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const rels = (...r: string[]) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}">${r.join("")}</Relationships>`;
const rel = (id: string, type: string, target: string, extra = "") => `<Relationship Id="${id}" Type="${type}" Target="${target}"${extra}/>`;
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The parts of a small valid workbook: one sheet "S" with 标题 in A1. */
function baseParts(): Record<string, string> {
  return {
    "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${MAIN}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WS}"/></Types>`,
    "_rels/.rels": rels(rel("rId1", REL.officeDocument, "xl/workbook.xml")),
    "xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${DOC_RELS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels(rel("rId1", REL.worksheet, "worksheets/sheet1.xml")),
    "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1">${cell("A1", "标题")}</row></sheetData></worksheet>`,
  };
}

const zipOf = (parts: Record<string, string>) => writeZip(Object.entries(parts).map(([name, text]) => ({ name, data: enc.encode(text) })));
const withParts = (change: (p: Record<string, string>) => void) => {
  const p = baseParts();
  change(p);
  return zipOf(p);
};

const refusal = (bytes: Uint8Array) => problemOf(() => XlsxPackage.open(bytes));

describe("what a file is", () => {
  it("a small valid workbook opens: its kind, workbook part, sheets and A1", async () => {
    const bytes = zipOf(baseParts());
    const pkg = XlsxPackage.open(bytes);
    expect(pkg.kind).toBe("xlsx");
    expect(pkg.workbookPart).toBe("xl/workbook.xml");
    expect(pkg.worksheets.map((s) => s.part)).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(pkg.a1Text(pkg.sheet() as NonNullable<ReturnType<typeof pkg.sheet>>)).toBe("标题");
    expect(pkg.sharedStrings()).toEqual([]);
    expect(pkg.cellFormats()).toEqual([]);
    const book = XlsxBook.fromBytes(bytes);
    expect(await book.sheets()).toEqual([{ name: "S", title: "标题" }]);
    expect(book.kind).toBe("xlsx");
    // Nothing applied: the copy is the input itself.
    expect(book.toBytes()).toBe(bytes);
  });

  it.each([
    ["application/vnd.ms-excel.sheet.macroEnabled.main+xml", "xlsm"],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml", "xltx"],
    ["application/vnd.ms-excel.template.macroEnabled.main+xml", "xltm"],
  ])("content type %s is a %s", (type, kind) => {
    const bytes = withParts((p) => (p["[Content_Types].xml"] = (p["[Content_Types].xml"] as string).replace(MAIN, type)));
    expect(XlsxPackage.open(bytes).kind).toBe(kind);
  });

  it("a workbook part of another content type (or none): badPart naming it", () => {
    expect(refusal(withParts((p) => (p["[Content_Types].xml"] = (p["[Content_Types].xml"] as string).replace(MAIN, "text/plain"))))).toEqual({ code: "badPart", part: "xl/workbook.xml", detail: "content type text/plain" });
    const none = withParts((p) => (p["[Content_Types].xml"] = `<Types><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WS}"/></Types>`));
    expect(refusal(none)).toEqual({ code: "badPart", part: "xl/workbook.xml", detail: "content type none" });
  });

  it.each([
    ["3 bytes of PK", [0x50, 0x4b, 0x03], { code: "notZip" }],
    ["PK then 2 bytes (4 in all): a zip, cut short", [0x50, 0x4b, 0x03, 0x04], { code: "truncated" }],
    ["XK..", [0x58, 0x4b, 0x03, 0x04, 0, 0], { code: "notZip" }],
    ["PX..", [0x50, 0x58, 0x03, 0x04, 0, 0], { code: "notZip" }],
    ["OLE header, 8 bytes", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], { code: "otherFormat", format: "xls" }],
    ["OLE magic in 7 bytes", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a], { code: "notZip" }],
    ["OLE magic, last byte wrong", [0xd0, 0xcf, 0x11, 0xe1, 0, 0, 0, 0], { code: "notZip" }],
    ["OLE magic, third byte wrong", [0xd0, 0xcf, 0x12, 0xe0, 0, 0, 0, 0], { code: "notZip" }],
    ["OLE magic, second byte wrong", [0xd0, 0xce, 0x11, 0xe0, 0, 0, 0, 0], { code: "notZip" }],
    ["OLE magic, first byte wrong", [0xd1, 0xcf, 0x11, 0xe0, 0, 0, 0, 0], { code: "notZip" }],
  ])("leading bytes: %s", (_label, bytes, problem) => {
    expect(refusal(Uint8Array.from(bytes))).toEqual(problem);
  });

  describe("an OLE file is an encrypted workbook when its directory names EncryptedPackage (UTF-16)", () => {
    const ole = (size: number, at: number | null, name = "EncryptedPackage", wide = true) => {
      const b = new Uint8Array(size);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      if (at !== null) for (let i = 0; i < name.length; i++) b[at + (wide ? 2 * i : i)] = name.charCodeAt(i);
      return b;
    };
    it.each([
      ["in the middle", () => ole(4096, 1024), "encrypted"],
      ["at the very end of the file", () => ole(4096, 4096 - 32), "encrypted"],
      ["nowhere", () => ole(4096, null), "xls"],
      ["one letter different", () => ole(4096, 1024, "EncryptedPackagf"), "xls"],
      ["in single-byte text", () => ole(4096, 1024, "EncryptedPackage", false), "xls"],
    ])("%s", (_label, bytes, what) => {
      expect(refusal(bytes())).toEqual(what === "encrypted" ? { code: "encrypted" } : { code: "otherFormat", format: "xls" });
    });
  });

  it.each([
    ["an OpenDocument spreadsheet", { mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }, { code: "otherFormat", format: "ods" }],
    ["a Word document", { "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" }, { code: "otherFormat", format: "docx" }],
    ["a PowerPoint deck", { "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" }, { code: "otherFormat", format: "pptx" }],
    ["a binary workbook", { "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "x" }, { code: "otherFormat", format: "xlsb" }],
    ["an e-book (a mimetype that is not OpenDocument)", { mimetype: "application/epub+zip", "a.xhtml": "<x/>" }, { code: "otherFormat", format: "unknownZip" }],
    ["a workbook without its content types", { "xl/workbook.xml": "<workbook/>" }, { code: "missingPart", part: "[Content_Types].xml" }],
  ])("%s", (_label, parts, problem) => {
    expect(refusal(zipOf(parts as Record<string, string>))).toEqual(problem);
  });
});

describe("finding the workbook through the package relationships", () => {
  it("missing _rels/.rels, no office document among them, or a workbook part that is not there: missingPart", () => {
    expect(refusal(withParts((p) => delete p["_rels/.rels"]))).toEqual({ code: "missingPart", part: "_rels/.rels" });
    expect(refusal(withParts((p) => (p["_rels/.rels"] = rels(rel("rId1", "http://example.com/other", "xl/workbook.xml")))))).toEqual({ code: "missingPart", part: "xl/workbook.xml" });
    expect(refusal(withParts((p) => (p["_rels/.rels"] = rels(rel("rId1", REL.officeDocument, "xl/book.xml")))))).toEqual({ code: "missingPart", part: "xl/book.xml" });
  });

  it("the office document is the first internal one of that type: other types and external targets are passed over", () => {
    const bytes = withParts((p) => {
      p["docProps/core.xml"] = "<core/>";
      p["_rels/.rels"] = rels(
        rel("rId3", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        rel("rId2", REL.officeDocument, "http://example.com/xl/workbook.xml", ' TargetMode="External"'),
        rel("rId1", REL.officeDocument, "/xl/workbook.xml"),
      );
    });
    expect(XlsxPackage.open(bytes).workbookPart).toBe("xl/workbook.xml");
  });

  it("the workbook's own relationships part must be there", () => {
    expect(refusal(withParts((p) => delete p["xl/_rels/workbook.xml.rels"]))).toEqual({ code: "missingPart", part: "xl/_rels/workbook.xml.rels" });
  });

  it("a sheet whose part is missing, or a workbook with no worksheet at all: missingPart", () => {
    const two = (p: Record<string, string>) => {
      p["xl/workbook.xml"] = `<workbook xmlns:r="${DOC_RELS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="T" sheetId="2" r:id="rId2"/></sheets></workbook>`;
      p["xl/_rels/workbook.xml.rels"] = rels(rel("rId1", REL.worksheet, "worksheets/sheet1.xml"), rel("rId2", REL.worksheet, "worksheets/sheet2.xml"));
    };
    expect(refusal(withParts(two))).toEqual({ code: "missingPart", part: "xl/worksheets/sheet2.xml" });
    const chartOnly = withParts((p) => {
      p["xl/_rels/workbook.xml.rels"] = rels(rel("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet", "chartsheets/sheet1.xml"));
    });
    expect(refusal(chartOnly)).toEqual({ code: "missingPart", part: "xl/worksheets/sheet1.xml" });
  });

  it("a chart sheet beside a worksheet: the workbook opens, the chart sheet is not among the worksheets", () => {
    const bytes = withParts((p) => {
      p["xl/workbook.xml"] = `<workbook xmlns:r="${DOC_RELS}"><sheets><sheet name="Chart" sheetId="2" r:id="rId2"/><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
      p["xl/_rels/workbook.xml.rels"] = rels(rel("rId1", REL.worksheet, "worksheets/sheet1.xml"), rel("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet", "chartsheets/sheet1.xml"));
    });
    const pkg = XlsxPackage.open(bytes);
    expect(pkg.workbook.sheets.map((s) => s.name)).toEqual(["Chart", "S"]);
    expect(pkg.worksheets.map((s) => s.name)).toEqual(["S"]);
    expect(pkg.sheet()?.name).toBe("S");
  });

  it("a DTD in the package relationships or the content types is refused, naming that part", () => {
    const dtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>';
    expect(refusal(withParts((p) => (p["_rels/.rels"] = dtd + (p["_rels/.rels"] as string).replace(/^<\?xml[^>]*>/, ""))))).toEqual({ code: "entity", part: "_rels/.rels" });
    expect(refusal(withParts((p) => (p["[Content_Types].xml"] = dtd + (p["[Content_Types].xml"] as string))))).toEqual({ code: "entity", part: "[Content_Types].xml" });
  });
});

describe("parts read once", () => {
  it("shared strings and cell formats are parsed once; the scored sheet's XML is decoded once and kept", () => {
    const bytes = withParts((p) => {
      p["xl/sharedStrings.xml"] = '<sst><si><t>甲</t></si></sst>';
      p["xl/styles.xml"] = '<styleSheet><cellXfs><xf numFmtId="0"/></cellXfs></styleSheet>';
      p["xl/_rels/workbook.xml.rels"] = rels(rel("rId1", REL.worksheet, "worksheets/sheet1.xml"), rel("rId2", REL.sharedStrings, "sharedStrings.xml"), rel("rId3", REL.styles, "styles.xml"));
    });
    const pkg = XlsxPackage.open(bytes);
    expect(pkg.sharedStrings()).toEqual(["甲"]);
    expect(pkg.sharedStrings()).toBe(pkg.sharedStrings());
    expect(pkg.cellFormats()).toBe(pkg.cellFormats());
    const text = jest.spyOn(pkg.zip, "text");
    const entry = pkg.sheet("S");
    if (!entry) throw new Error("sheet");
    pkg.readSheet(entry);
    pkg.sheetXml("xl/worksheets/sheet1.xml");
    pkg.sheetXml("xl/worksheets/sheet1.xml");
    expect(text.mock.calls.filter(([part]) => part === "xl/worksheets/sheet1.xml")).toHaveLength(1);
    // keep = false: read for this call only, nothing kept.
    pkg.readSheet(entry, undefined, false);
    expect(text.mock.calls.filter(([part]) => part === "xl/worksheets/sheet1.xml")).toHaveLength(2);
  });

  it("a relationship to a part that is not in the package is passed over", () => {
    const bytes = withParts((p) => (p["xl/_rels/workbook.xml.rels"] = rels(rel("rId1", REL.worksheet, "worksheets/sheet1.xml"), rel("rId2", REL.sharedStrings, "sharedStrings.xml"))));
    expect(XlsxPackage.open(bytes).sharedStrings()).toEqual([]);
  });
});

describe("OPC names", () => {
  it.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "./worksheets//sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../comments1.xml", "xl/comments1.xml"],
    ["xl/worksheets/sheet1.xml", "../../customXml/item1.xml", "customXml/item1.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
  ])("resolveTarget(%s, %s) = %s", (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  it.each([
    ["xl/workbook.xml", "xl/worksheets/sheet2.xml", "worksheets/sheet2.xml"],
    ["xl/worksheets/sheet1.xml", "xl/comments1.xml", "../comments1.xml"],
    ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "sheet2.xml"],
    ["xl/worksheets/sheet1.xml", "customXml/item1.xml", "../../customXml/item1.xml"],
    // A part named like the source's folder: its name is never taken for a folder in common.
    ["a/b/c.xml", "a/b", "../b"],
  ])("relativeTarget(%s, %s) = %s", (from, to, target) => {
    expect(relativeTarget(from, to)).toBe(target);
    expect(resolveTarget(from, target)).toBe(to);
  });

  it("relsPartOf", () => {
    expect(relsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPartOf("a.xml")).toBe("_rels/a.xml.rels");
  });

  it("parseRels: resolved internal targets, raw external ones, incomplete or foreign elements skipped", () => {
    const text = rels(
      rel("rId1", REL.worksheet, "worksheets/sheet1.xml"),
      rel("rId2", REL.worksheet, "http://example.com/a.xml", ' TargetMode="External"'),
      rel("rId3", REL.styles, "", ""),
      '<Relationship Type="t" Target="x.xml"/>',
      '<Relationship Id="rId5" Target="x.xml"/>',
      '<Relationship Id="rId6" Type="t"/>',
      '<Other Id="rId7" Type="t" Target="y.xml"/>',
      rel("rId8", REL.worksheet, "w.xml", ' TargetMode="Internal"'),
    );
    expect(parseRels(text, "xl/_rels/workbook.xml.rels", "xl/workbook.xml")).toEqual([
      { id: "rId1", type: REL.worksheet, target: "xl/worksheets/sheet1.xml", external: false },
      { id: "rId2", type: REL.worksheet, target: "http://example.com/a.xml", external: true },
      { id: "rId3", type: REL.styles, target: "xl", external: false },
      { id: "rId8", type: REL.worksheet, target: "xl/w.xml", external: false },
    ]);
  });

  it("content types: defaults by extension and overrides by part, both case-insensitive; incomplete or foreign elements skipped", () => {
    const ct = parseContentTypes(
      '<Types><Default Extension="XML" ContentType="application/xml"/><Default ContentType="x/no-ext"/><Default Extension="bin"/>' +
        '<Override PartName="/XL/Workbook.xml" ContentType="main"/><Override PartName="xl/noslash.xml" ContentType="ns"/><Override ContentType="x/no-part"/><Override PartName="/a.xml"/>' +
        '<Other Extension="png" ContentType="image/png" PartName="/p.xml"/></Types>',
    );
    expect([...ct.defaults]).toEqual([["xml", "application/xml"]]);
    expect([...ct.overrides]).toEqual([["xl/workbook.xml", "main"], ["xl/noslash.xml", "ns"]]);
    expect(contentTypeOf(ct, "xl/workbook.xml")).toBe("main");
    expect(contentTypeOf(ct, "xl/noslash.xml")).toBe("ns");
    expect(contentTypeOf(ct, "xl/styles.XML")).toBe("application/xml");
    expect(contentTypeOf(ct, "xl/a.b.xml")).toBe("application/xml");
    expect(contentTypeOf(ct, "xl/media/image1.png")).toBeUndefined();
  });
});

describe("the workbook part", () => {
  const wbRels = () => [
    { id: "rId1", type: REL.worksheet, target: "xl/worksheets/sheet1.xml", external: false },
    { id: "rId2", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet", target: "xl/chartsheets/sheet1.xml", external: false },
    { id: "rId3", type: REL.worksheet, target: "xl/worksheets/sheet3.xml", external: false },
  ];

  it("sheets with their state and part, defined names with their text, the date system", () => {
    const xml = `<workbook xmlns:r="${DOC_RELS}" xmlns:x="urn:x"><workbookPr date1904="1"/><sheets>` +
      '<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" state="hidden" r:id="rId2"/>' +
      '<sheet name="C" sheetId="3" state="veryHidden" x:id="rIdX" r:id="rId3"/><sheet name="D" sheetId="4" state="bogus" r:id="rId9"/></sheets>' +
      '<definedNames><definedName name="n1">A!$A$1</definedName><definedName name="n2" hidden="1" localSheetId="2">C!$B$2</definedName><definedName name="n3" hidden="true"/></definedNames></workbook>';
    expect(parseWorkbook(xml, "xl/workbook.xml", wbRels())).toEqual({
      date1904: true,
      sheets: [
        { name: "A", sheetId: "1", relId: "rId1", state: "visible", part: "xl/worksheets/sheet1.xml" },
        { name: "B", sheetId: "2", relId: "rId2", state: "hidden" },
        { name: "C", sheetId: "3", relId: "rId3", state: "veryHidden", part: "xl/worksheets/sheet3.xml" },
        { name: "D", sheetId: "4", relId: "rId9", state: "visible" },
      ],
      definedNames: [
        { name: "n1", hidden: false, text: "A!$A$1" },
        { name: "n2", hidden: true, text: "C!$B$2", localSheetId: 2 },
        { name: "n3", hidden: true, text: "" },
      ],
    });
  });

  it("the date system: 1904 only when said so", () => {
    const date1904 = (attr: string) => parseWorkbook(`<workbook><workbookPr${attr}/><sheets/></workbook>`, "w", []).date1904;
    expect([date1904(' date1904="true"'), date1904(' date1904="0"'), date1904(""), date1904(' date1904="false"')]).toEqual([true, false, false, false]);
    expect(parseWorkbook("<workbook><sheets/></workbook>", "w", [])).toEqual({ sheets: [], definedNames: [], date1904: false });
  });

  it("a sheet or defined name missing its attributes reads as empty, not as something made up", () => {
    expect(parseWorkbook("<workbook><sheets><sheet/></sheets><definedNames><definedName>x</definedName></definedNames></workbook>", "w", wbRels())).toEqual({
      date1904: false,
      sheets: [{ name: "", sheetId: "", relId: "", state: "visible" }],
      definedNames: [{ name: "", hidden: false, text: "x" }],
    });
  });

  it("a sheet bound by another namespace prefix still finds its part", () => {
    const xml = '<workbook xmlns:rel="urn:r"><sheets><sheet name="A" sheetId="1" rel:id="rId3"/></sheets></workbook>';
    expect(parseWorkbook(xml, "xl/workbook.xml", wbRels()).sheets).toEqual([{ name: "A", sheetId: "1", relId: "rId3", state: "visible", part: "xl/worksheets/sheet3.xml" }]);
  });

  it("two sheets whose names differ only in case: duplicatePart naming the workbook and the sheet", () => {
    const xml = `<workbook xmlns:r="${DOC_RELS}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="DATA" sheetId="2" r:id="rId3"/></sheets></workbook>`;
    expect(problemOf(() => parseWorkbook(xml, "xl/workbook.xml", wbRels()))).toEqual({ code: "duplicatePart", part: 'xl/workbook.xml: sheet "DATA"' });
  });
});

describe("bookkeeping text edits", () => {
  it("emptyRels is an empty relationships part in the package namespace", () => {
    expect(emptyRels()).toBe(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}"></Relationships>`);
  });

  it("freshRelId: one past the highest rIdN, numbers of any length", () => {
    expect(freshRelId(rels(rel("rId9", "t", "a"), rel("rId10", "t", "b"), rel("rId2", "t", "c")))).toBe("rId11");
    expect(freshRelId(emptyRels())).toBe("rId1");
    expect(freshRelId(rels(rel("custom", "t", "a")))).toBe("rId1");
  });

  it("addRelationship into a self-closing or an open relationships element, values escaped", () => {
    const r = '<Relationship Id="rId1" Type="t&amp;u" Target="a&lt;b.xml"/>';
    expect(addRelationship(`<?xml version="1.0"?><Relationships xmlns="${PKG_RELS}"/>`, "rId1", "t&u", "a<b.xml")).toBe(`<?xml version="1.0"?><Relationships xmlns="${PKG_RELS}">${r}</Relationships>`);
    expect(addRelationship(`<Relationships xmlns="${PKG_RELS}"><X/></Relationships>\n`, "rId1", "t&u", "a<b.xml")).toBe(`<Relationships xmlns="${PKG_RELS}"><X/>${r}</Relationships>\n`);
  });

  it("addOverride and addDefault go before </Types>", () => {
    expect(addOverride("<Types><A/></Types>", "xl/a.xml", "c/t")).toBe('<Types><A/><Override PartName="/xl/a.xml" ContentType="c/t"/></Types>');
    expect(addDefault("<Types><A/></Types>", "vml", "c/v")).toBe('<Types><A/><Default Extension="vml" ContentType="c/v"/></Types>');
  });

  it("setOverride changes only the named part's content type, attributes in either order, names compared literally and without case", () => {
    const types = '<Types><Override PartName="/xl/sheet1.xml" ContentType="old1"/><Override ContentType="old2" PartName="/xl/Sheet(2).xml"/><Override PartName="/xl/sheetX.xml" ContentType="old3"/></Types>';
    expect(setOverride(types, "xl/sheet1.xml", "new")).toBe(types.replace("old1", "new"));
    expect(setOverride(types, "xl/sheet(2).xml", "new")).toBe(types.replace("old2", "new"));
    // "." in a part name is a dot, not any character.
    expect(setOverride(types, "xl/sheetX.xml", "new")).toBe(types.replace("old3", "new"));
    expect(setOverride('<Types><Override PartName="/xl/sheet1Xxml" ContentType="o"/></Types>', "xl/sheet1.xml", "n")).toBe('<Types><Override PartName="/xl/sheet1Xxml" ContentType="o"/><Override PartName="/xl/sheet1.xml" ContentType="n"/></Types>');
    expect(setOverride(types, "xl/new.xml", "n")).toBe(types.replace("</Types>", '<Override PartName="/xl/new.xml" ContentType="n"/></Types>'));
  });

  it("relPrefix: the prefix the root binds, else r added to the root", () => {
    const bound = `<workbook xmlns="m" xmlns:x="${DOC_RELS}"><sheets/></workbook>`;
    expect(relPrefix(bound)).toEqual({ xml: bound, prefix: "x" });
    expect(relPrefix('<?xml version="1.0"?><workbook xmlns="m"><sheets/></workbook>')).toEqual({ xml: `<?xml version="1.0"?><workbook xmlns="m" xmlns:r="${DOC_RELS}"><sheets/></workbook>`, prefix: "r" });
    expect(relPrefix("<other/>")).toEqual({ xml: "<other/>", prefix: "r" });
  });

  it("addSheetEntry with the bound prefix, escaped", () => {
    const wb = `<workbook xmlns:x="${DOC_RELS}"><sheets><sheet name="S" sheetId="1" x:id="rId1"/></sheets></workbook>`;
    expect(addSheetEntry(wb, "结果&1", 2, "rId5")).toBe(wb.replace("</sheets>", '<sheet name="结果&amp;1" sheetId="2" x:id="rId5"/></sheets>'));
  });

  it("freshPartName: the first free number", () => {
    const taken = new Set(["xl/comments1.xml", "xl/comments2.xml"]);
    expect(freshPartName((n) => taken.has(n), "xl/comments", ".xml")).toBe("xl/comments3.xml");
    expect(freshPartName(() => false, "xl/comments", ".xml")).toBe("xl/comments1.xml");
  });
});

describe("highlight formats in styles.xml", () => {
  const shortfall = () => dxfXml("shortfall");
  const problem = () => dxfXml("problem");

  it("each kind's format, colours as upper-case ARGB", () => {
    expect(shortfall()).toBe('<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>');
    expect(problem()).toBe('<dxf><font><color rgb="FF9C5700"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf>');
  });

  it("nothing asked: the styles unchanged", () => {
    const xml = "<styleSheet><cellXfs/></styleSheet>";
    const r = ensureDxfs(xml, []);
    expect(r.xml).toBe(xml);
    expect([...r.ids]).toEqual([]);
  });

  it("appended after the user's formats (self-closing, with attributes, with spaces), whose indexes never move", () => {
    const user = '<dxf/><dxf x="1"><font><b/></font></dxf><dxf><numFmt numFmtId="1" formatCode="0"/></dxf>';
    const xml = `<styleSheet><dxfs count="3">${user}</dxfs><tableStyles count="0"/></styleSheet>`;
    const r = ensureDxfs(xml, ["shortfall", "problem"]);
    expect(r.xml).toBe(`<styleSheet><dxfs count="5">${user}${shortfall()}${problem()}</dxfs><tableStyles count="0"/></styleSheet>`);
    expect([...r.ids]).toEqual([["shortfall", 3], ["problem", 4]]);
  });

  it("a format already there (an earlier run's) is reused and the part is left byte for byte", () => {
    const xml = `<styleSheet><dxfs count="2">\n  ${problem()}\n  ${shortfall()}\n</dxfs></styleSheet>`;
    const r = ensureDxfs(xml, ["shortfall", "problem"]);
    expect(r.xml).toBe(xml);
    expect([...r.ids]).toEqual([["shortfall", 1], ["problem", 0]]);
  });

  it("an empty self-closing <dxfs/> is replaced", () => {
    expect(ensureDxfs('<styleSheet><dxfs count="0"/></styleSheet>', ["problem"])).toEqual({ xml: `<styleSheet><dxfs count="1">${problem()}</dxfs></styleSheet>`, ids: new Map([["problem", 0]]) });
  });

  it.each([
    ["before tableStyles", "<cellStyles/><tableStyles/><colors/><extLst/>", "<cellStyles/>@<tableStyles/><colors/><extLst/>"],
    ["before colors", "<cellStyles/><colors><x/></colors><extLst/>", "<cellStyles/>@<colors><x/></colors><extLst/>"],
    ["before extLst", "<cellStyles/><extLst></extLst>", "<cellStyles/>@<extLst></extLst>"],
    ["at the end", "<cellStyles/>", "<cellStyles/>@"],
  ])("no <dxfs> yet: a new one %s (schema order)", (_label, body, expected) => {
    const r = ensureDxfs(`<styleSheet>${body}</styleSheet>`, ["shortfall"]);
    expect(r.xml).toBe(`<styleSheet>${expected.replace("@", `<dxfs count="1">${shortfall()}</dxfs>`)}</styleSheet>`);
    expect([...r.ids]).toEqual([["shortfall", 0]]);
  });
});

describe("a copy keeps every part Kaohe did not change byte for byte", () => {
  it("untouched parts keep their stored bytes; changed ones are rewritten; new ones follow in order", () => {
    const bytes = zipOf(baseParts());
    const pkg = XlsxPackage.open(bytes);
    const patch = new Patch(pkg);
    patch.set("xl/workbook.xml", "<workbook changed=\"1\"/>");
    patch.set("xl/new1.xml", "<n1/>");
    patch.setBytes("xl/new2.xml", enc.encode("<n2/>"));
    patch.set("xl/new1.xml", "<n1 again=\"1\"/>");
    expect(patch.added).toEqual(["xl/new1.xml", "xl/new2.xml"]);
    expect(patch.has("xl/new1.xml") && patch.has("_rels/.rels") && !patch.has("xl/none.xml")).toBe(true);
    expect(patch.text("xl/new1.xml")).toBe('<n1 again="1"/>');
    expect(patch.text("_rels/.rels")).toBe(baseParts()["_rels/.rels"]);
    expect(patch.text("xl/none.xml")).toBeUndefined();
    const out = patch.bytes();
    const copy = new ZipArchive(out);
    expect(copy.order).toEqual([...pkg.zip.order, "xl/new1.xml", "xl/new2.xml"]);
    for (const name of pkg.zip.order.filter((n) => n !== "xl/workbook.xml")) {
      const a = pkg.zip.entries.get(name);
      const b = copy.entries.get(name);
      if (!a || !b) throw new Error(name);
      expect(Buffer.from(copy.raw(b)).equals(Buffer.from(pkg.zip.raw(a)))).toBe(true);
      expect({ method: b.method, crc: b.crc, size: b.size }).toEqual({ method: a.method, crc: a.crc, size: a.size });
    }
    const parts = unzipSync(out);
    expect(strFromU8(parts["xl/workbook.xml"] as Uint8Array)).toBe('<workbook changed="1"/>');
    expect(strFromU8(parts["xl/new2.xml"] as Uint8Array)).toBe("<n2/>");
  });
});

describe("the write job of a recorded run", () => {
  const txOf = (): OutputWrite => {
    const area = { top: 2, left: 3, bottom: 3, right: 4 };
    return {
      sheet: "S",
      token: "k1",
      area,
      values: [["甲", 1], [null, "乙"]],
      // Row 1 has no prior formats on record: read from the grid.
      priorFormats: [["0.0", null]],
      clear: [{ row: 6, col: 0, format: null }],
      overwrite: [],
      kept: [],
      dropNotes: [{ cell: "D3", f: fingerprint("旧批注") }, { cell: "E3", f: `${fingerprint("x")}|${fingerprint("y")}` }],
      intent: { area, cells: [] },
      highlights: [],
      notes: [{ row: 2, col: 3, text: "说明" }],
      results: { name: "考核明细", rows: [["单位", "总分", "排名"], ["甲"]], reuse: null },
      rubric: { id: "r", version: "1" },
    };
  };
  const grid = (): Grid => ({ sheet: "S", rows: [[], [], [undefined, undefined, undefined, undefined, { value: "x", numFmt: "@" }], [undefined, undefined, undefined, { value: 1, numFmt: "0%" }]], merges: [] });
  const stateOf = (job: ReturnType<typeof jobOfWrite>) => {
    if (!job.record) throw new Error("a recorded run has a record");
    return job.record.state;
  };
  const mine = { mappings: { r: { 计划生育率: "B" } }, last: { rubricId: "r", units: [] } };

  it("edits: the area's values and the cleared cells; the record: fingerprints, formats (on record, else the grid's, else General), results' size", () => {
    const other = { mappings: {} };
    const job = jobOfWrite(txOf(), grid(), { ...EMPTY_STATE, sheets: { k1: mine, k2: other } }, "2026-01-01T00:00:00.000Z");
    expect([...job.edits].map(([r, cols]) => [r, [...cols]])).toEqual([[2, [[3, "甲"], [4, 1]]], [3, [[3, null], [4, "乙"]]], [6, [[0, null]]]]);
    const record = stateOf(job).sheets.k1?.record;
    expect(record?.cells).toEqual([fingerprint("甲"), fingerprint(1), fingerprint(null), fingerprint("乙")]);
    expect(record?.formats).toEqual(["0.0", "@", "0%", "General"]);
    expect(record?.results).toEqual({ name: "考核明细", rows: 2, cols: 3, fingerprint: blockFingerprint([["单位", "总分", "排名"], ["甲"]]) });
    expect(stateOf(job).sheets.k1?.mappings).toEqual(mine.mappings);
    expect(stateOf(job).sheets.k1?.last).toEqual(mine.last);
    expect(stateOf(job).sheets.k2).toBe(other);
    expect(job.record).toMatchObject({ token: "k1", output: txOf().area });
    expect({ sheet: job.sheet, area: job.area, notes: job.notes, results: job.results }).toEqual({ sheet: "S", area: txOf().area, notes: txOf().notes, results: txOf().results });
  });

  it("a first run: no mappings, no 'last' invented", () => {
    const job = jobOfWrite(txOf(), grid(), EMPTY_STATE, "t");
    const sheet = stateOf(job).sheets.k1;
    expect(sheet?.mappings).toEqual({});
    expect(sheet !== undefined && "last" in sheet).toBe(false);
  });

  it("drops only Kaohe's earlier notes, while their text is what Kaohe wrote", () => {
    const job = jobOfWrite(txOf(), grid(), EMPTY_STATE, "t");
    expect([job.dropNote("D3", "旧批注"), job.dropNote("D3", "用户改过"), job.dropNote("E3", "y"), job.dropNote("E3", "x"), job.dropNote("F9", "旧批注")]).toEqual([true, false, true, true, false]);
  });
});

describe("a snapshot of a scored copy", () => {
  const community = () => {
    const c = builtinRubric("community-2009");
    if (!c.ok) throw new Error("rubric");
    return c.value;
  };
  async function scored(): Promise<Uint8Array> {
    const input = new Uint8Array(await buildWorkbook([{ name: "考核表", rows: [["标题"], [...COMMUNITY_HEADERS], communityRow("阳光社区"), communityRow("城东社区")] }]).xlsx.writeBuffer());
    const book = XlsxBook.fromBytes(input);
    const r = await scoreFile(book, community(), { locale: catalog("zh-CN"), write: true, at: "2026-01-01T00:00:00.000Z" });
    if (!r.ok || !r.value.tx) throw new Error(JSON.stringify(r));
    return book.toBytes();
  }
  /** Replace text in one part of a package. */
  const patchPart = (bytes: Uint8Array, part: string, f: (xml: string) => string) => {
    const pkg = XlsxPackage.open(bytes);
    const patch = new Patch(pkg);
    patch.set(part, f(pkg.zip.text(part)));
    return patch.bytes();
  };
  const resultsPart = (bytes: Uint8Array) => {
    const pkg = XlsxPackage.open(bytes);
    return pkg.worksheets.find((s) => s.name === "考核明细")?.part as string;
  };

  it("the owned block is the recorded area's size; the results sheet's block as recorded; who owns the results sheet", async () => {
    const out = await scored();
    const book = XlsxBook.fromBytes(out);
    expect(book.limitations()).toEqual([]);
    // A grid read (and kept) before: the snapshot still reads the owned cells' contents.
    await book.readSheet("考核表");
    const snap = await book.snapshot("考核表");
    if (!snap?.owned?.area || !snap.results) throw new Error("no record");
    const { area, cells } = snap.owned;
    expect(cells.flat().filter((c) => c !== "").length).toBeGreaterThan(area.bottom - area.top);
    expect(cells).toHaveLength(area.bottom - area.top + 1);
    expect(cells.every((row) => row.length === area.right - area.left + 1)).toBe(true);
    expect(snap.token).toBe("k1");
    const rec = snap.state.sheets.k1?.record;
    expect(snap.results).toEqual({ name: "考核明细", fingerprint: rec?.results?.fingerprint });
    expect(snap.resultsOf).toBeNull();
    expect(snap.locked).toBe(false);
    expect(snap.structureLocked).toBe(false);
    const results = await book.snapshot("考核明细");
    expect(results?.resultsOf).toBe("考核表");
    expect(results?.token).toBeNull();
    expect(results?.owned).toBeNull();
    // The grid is read once and kept.
    expect(await book.readSheet("考核表")).toBe(await book.readSheet("考核表"));
  });

  it("the results sheet is 'changed' when anything lies outside its recorded block; an edit inside changes its fingerprint", async () => {
    const out = await scored();
    const part = resultsPart(out);
    const rec = (await XlsxBook.fromBytes(out).snapshot("考核表"))?.state.sheets.k1?.record?.results;
    if (!rec) throw new Error("no record");
    const below = patchPart(out, part, (xml) => xml.replace("</sheetData>", `<row r="${rec.rows + 1}">${cell(`A${rec.rows + 1}`, "用户")}</row></sheetData>`));
    expect((await XlsxBook.fromBytes(below).snapshot("考核表"))?.results?.fingerprint).toBe("changed");
    const right = patchPart(out, part, (xml) => xml.replace(/<row r="1"([^>]*)>([\s\S]*?)<\/row>/, (_m, attrs: string, cells: string) => `<row r="1"${attrs}>${cells}${cell("Z1", "用户")}</row>`));
    expect((await XlsxBook.fromBytes(right).snapshot("考核表"))?.results?.fingerprint).toBe("changed");
    const inside = patchPart(out, part, (xml) => xml.replace(/<c r="A2"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, cell("A2", "改名社区")));
    const fp = (await XlsxBook.fromBytes(inside).snapshot("考核表"))?.results?.fingerprint;
    expect(fp).not.toBe("changed");
    expect(fp).not.toBe(rec.fingerprint);
  });

  it("a results sheet that is gone: no results; a copy of the scored sheet (same token, output on the original): not Kaohe's", async () => {
    const out = await scored();
    const gone = patchPart(out, "xl/workbook.xml", (xml) => xml.replace(/<sheet [^>]*name="考核明细"[^>]*\/>/, ""));
    expect(XlsxPackage.open(gone).workbook.sheets.map((s) => s.name)).toEqual(["考核表"]);
    const snap = await XlsxBook.fromBytes(gone).snapshot("考核表");
    expect(snap?.token).toBe("k1");
    expect(snap?.results).toBeNull();
    // Excel copies a sheet's local names with it: the copy carries the original's token.
    const pkg = XlsxPackage.open(out);
    const original = pkg.sheet("考核表");
    if (!original?.part) throw new Error("sheet");
    const index = pkg.workbook.sheets.length;
    let copied = patchPart(out, "xl/workbook.xml", (xml) =>
      xml
        .replace("</sheets>", `<sheet name="副本" sheetId="99" r:id="rIdCopy"/></sheets>`)
        .replace(/<definedName\b([^>]*)localSheetId="0"([^>]*)>([^<]*)<\/definedName>/, (m, a: string, b: string, t: string) => `${m}<definedName${a}localSheetId="${index}"${b}>${t}</definedName>`),
    );
    copied = patchPart(copied, "xl/_rels/workbook.xml.rels", (xml) => xml.replace("</Relationships>", `<Relationship Id="rIdCopy" Type="${REL.worksheet}" Target="/${original.part}"/></Relationships>`));
    const copiedPkg = XlsxPackage.open(copied);
    expect(anchorsOf(copiedPkg, copiedPkg.sheet("副本") as NonNullable<ReturnType<typeof copiedPkg.sheet>>)).toMatchObject({ token: "k1", output: { sheet: "考核表" } });
    const book = XlsxBook.fromBytes(copied);
    const copy = await book.snapshot("副本");
    expect(copy?.sheetNames).toContain("副本");
    expect(copy?.token).toBeNull();
    expect(copy?.owned).toBeNull();
    expect(copy?.results).toBeNull();
    expect((await book.snapshot("考核表"))?.token).toBe("k1");
  });

  it("anchors without Kaohe's state (its part deleted): the sheet keeps its token but nothing is owned", async () => {
    const out = await scored();
    const pkg = XlsxPackage.open(out);
    const state = statePart(pkg);
    if (!state) throw new Error("no state part");
    const parts = unzipSync(out);
    delete parts[state];
    const bare = zipSync(parts);
    const snap = await XlsxBook.fromBytes(bare).snapshot("考核表");
    expect(snap?.token).toBe("k1");
    expect(snap?.state).toEqual(EMPTY_STATE);
    expect(snap?.owned).toBeNull();
    expect(snap?.results).toBeNull();
    expect(snap?.resultsOf).toBeNull();
  });

  it("sheet protection and workbook structure protection are read from their attributes", async () => {
    const out = await scored();
    const sheetPart = XlsxPackage.open(out).sheet("考核表")?.part as string;
    const locked = async (sheetAttrs: string, bookAttrs: string) => {
      let b = patchPart(out, sheetPart, (xml) => xml.replace("</sheetData>", `</sheetData><sheetProtection${sheetAttrs}/>`));
      b = patchPart(b, "xl/workbook.xml", (xml) => xml.replace("<sheets>", `<workbookProtection${bookAttrs}/><sheets>`));
      const s = await XlsxBook.fromBytes(b).snapshot("考核表");
      return [s?.locked, s?.structureLocked];
    };
    expect(await locked(' algorithmName="SHA-512" sheet="1"', ' workbookAlgorithmName="SHA-512" lockStructure="1"')).toEqual([true, true]);
    expect(await locked(' sheet="true"', ' lockStructure="true"')).toEqual([true, true]);
    expect(await locked(' sheet="0" objects="1"', ' lockStructure="0" lockWindows="1"')).toEqual([false, false]);
    expect(await locked(' xsheet="1"', ' xlockStructure="1"')).toEqual([false, false]);
  });
});
