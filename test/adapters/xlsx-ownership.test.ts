/**
 * Ownership by record in .xlsx copies (docs/ownership.md): Kaohe's record is stored in the copy and
 * read back on re-scoring; only cells whose fingerprint still matches are replaced; columns Kaohe did
 * not write — an official's own 总分/排名/考核结果 included — are never written over.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { XlsxBook } from "../../src/adapters/xlsx/xlsx-book";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { anchorsOf, readState } from "../../src/adapters/xlsx/kaohe-state";
import { builtinRubric } from "../../src/app/rubrics";
import { scoreFile } from "../../src/app/score-file";
import { columnLetter } from "../../src/core/grid";
import { catalog } from "../../src/i18n";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { buildWorkbook, type XSheet } from "../helpers/xlsx";

const community = (() => {
  const c = builtinRubric("community-2009");
  if (!c.ok) throw new Error("rubric");
  return c.value;
})();
const N = COMMUNITY_HEADERS.length;

async function bytesOf(sheets: XSheet[]): Promise<Uint8Array> {
  return new Uint8Array(await buildWorkbook(sheets).xlsx.writeBuffer());
}

async function score(bytes: Uint8Array) {
  const book = XlsxBook.fromBytes(bytes);
  const r = await scoreFile(book, community, { locale: catalog("zh-CN"), write: true, at: "2026-01-01T00:00:00.000Z" });
  if (!r.ok || !r.value.tx) throw new Error(JSON.stringify(r));
  return { r: r.value, out: book.toBytes() };
}

const cellValue = (bytes: Uint8Array, row: number, col: number) => XlsxPackage.open(bytes).grid("考核表")?.rows[row]?.[col]?.value;

/** Change one cell's cached value in the sheet XML, as a user's edit saved by Excel would. */
function edit(bytes: Uint8Array, ref: string, xml: string): Uint8Array {
  const parts = unzipSync(bytes);
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array);
  const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  expect(re.test(sheet)).toBe(true);
  parts["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace(re, xml));
  return zipSync(parts as Zippable);
}

const table = (): XSheet => ({
  name: "考核表",
  rows: [["标题"], [...COMMUNITY_HEADERS], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区"), communityRow("城西社区")],
});

describe("Kaohe's record in an .xlsx copy", () => {
  it("is stored: the state part (urn:kaohe:state:2) with the fingerprints, and the sheet's anchor names", async () => {
    const { out, r } = await score(await bytesOf([table()]));
    const pkg = XlsxPackage.open(out);
    const sheet = pkg.sheet("考核表");
    if (!sheet) throw new Error("sheet");
    const anchors = anchorsOf(pkg, sheet);
    expect(anchors.token).toBe("k1");
    expect(anchors.output).toEqual({ sheet: "考核表", range: r.tx?.area });
    expect(anchors.results?.sheet).toBe("考核明细");
    const record = readState(pkg).sheets.k1?.record;
    expect(record).toMatchObject({ status: "done", area: `${columnLetter(N)}2:${columnLetter(N + 3)}5`, rubric: { id: "community-2009" } });
    expect(record?.cells).toHaveLength(4 * 4);
    expect(record?.results?.name).toBe("考核明细");
  });

  it("an official's own 总分/排名/考核结果 columns are never overwritten: the outputs go right of them", async () => {
    const s = table();
    s.rows[1] = [...(s.rows[1] ?? []), "总分", "排名", "考核结果"];
    s.rows[2] = [...(s.rows[2] ?? []), 95, 1, "优秀（人工评定）"];
    s.rows[3] = [...(s.rows[3] ?? []), 90, 2, "良好"];
    const input = await bytesOf([s]);
    const { out, r } = await score(input);
    expect([cellValue(out, 2, N), cellValue(out, 2, N + 1), cellValue(out, 2, N + 2)]).toEqual([95, 1, "优秀（人工评定）"]);
    expect(r.tx?.area.left).toBe(N + 3);
    expect(cellValue(out, 1, N + 3)).toBe("总分");
    expect(cellValue(out, 2, N + 3)).toBe(97.5);
    // And again on the copy: Kaohe's own columns are replaced, the official's stay.
    const again = await score(out);
    expect(again.r.tx?.area.left).toBe(N + 3);
    expect(cellValue(again.out, 2, N + 2)).toBe("优秀（人工评定）");
  });

  it("a cell Kaohe wrote and the user changed is kept and listed; Kaohe writes around it, clearing only its own cells", async () => {
    const first = await score(await bytesOf([table()]));
    const ref = `${columnLetter(N)}3`; // 阳光社区's 总分
    const changed = edit(first.out, ref, `<c r="${ref}"><v>95</v></c>`);
    const again = await score(changed);
    expect(again.r.kept.map((k) => k.cell)).toEqual([ref]);
    expect(cellValue(again.out, 2, N)).toBe(95);
    expect(again.r.tx?.area.left).toBe(N + 1);
    expect(cellValue(again.out, 1, N)).toBeUndefined(); // Kaohe's old 总分 header: cleared
    expect(cellValue(again.out, 3, N)).toBeUndefined();
    expect([cellValue(again.out, 1, N + 1), cellValue(again.out, 2, N + 1)]).toEqual(["总分", 97.5]);
  });

  it("a copy without a record (made before records) is not recognised by its header text", async () => {
    const s = table();
    s.rows[1] = [...(s.rows[1] ?? []), "总分", "排名", "考核结果"];
    s.rows[2] = [...(s.rows[2] ?? []), 97.5, 1, "已评分"];
    const { r, out } = await score(await bytesOf([s]));
    expect(r.tx?.area.left).toBe(N + 3);
    expect(cellValue(out, 2, N)).toBe(97.5);
  });
});

describe("--notes", () => {
  const notesOf = (bytes: Uint8Array): string[] => {
    const parts = unzipSync(bytes);
    const name = Object.keys(parts).find((p) => /^xl\/comments\d*\.xml$/.test(p));
    return name ? [...strFromU8(parts[name] as Uint8Array).matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1] as string) : [];
  };
  const run = async (notes: "none" | "shortfalls" | "all") => {
    const book = XlsxBook.fromBytes(await bytesOf([table()]));
    const r = await scoreFile(book, community, { locale: catalog("zh-CN"), write: true, notes, at: "2026-01-01T00:00:00.000Z" });
    if (!r.ok) throw new Error("score");
    return notesOf(book.toBytes());
  };
  it("shortfalls (default): a note only on units with something to explain; all: every unit; none: no note", async () => {
    const result = columnLetter(N + 2);
    expect(await run("shortfalls")).toEqual([`${result}3`]); // 阳光社区 lost points; the others scored full marks
    expect(await run("all")).toEqual([`${result}3`, `${result}4`, `${result}5`]);
    expect(await run("none")).toEqual([]);
  });
});
