/**
 * The corpus in test/fixtures (LibreOffice- and ExcelJS-made workbooks with charts, images, tables,
 * validation, names, formulas, macros…): a scored copy changes only the parts Kaohe writes, keeps
 * every other part byte for byte, opens in LibreOffice with the scores and the user's objects, and
 * re-scoring it replaces Kaohe's outputs and nothing else.
 */
import { execFileSync } from "child_process";
import { readdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { XlsxBook } from "../../src/adapters/xlsx/xlsx-book";
import { ZipArchive } from "../../src/adapters/xlsx/zip-read";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { builtinRubric } from "../../src/app/rubrics";
import { scoreFile } from "../../src/app/score-file";
import { catalog } from "../../src/i18n";
import type { Grid } from "../../src/core/grid";
import { COMMUNITY_HEADERS } from "../helpers/community";
import { tempDir } from "../helpers/files";

const DIR = path.resolve(__dirname, "../fixtures");
const FIXTURES = readdirSync(DIR).filter((f) => /\.xls[xm]$/.test(f)).sort();
const community = (() => {
  const c = builtinRubric("community-2009");
  if (!c.ok) throw new Error("rubric");
  return c.value;
})();

async function score(bytes: Uint8Array): Promise<Uint8Array> {
  const book = XlsxBook.fromBytes(bytes);
  const r = await scoreFile(book, community, { locale: catalog("zh-CN"), write: true, at: "2026-01-01T00:00:00.000Z" });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return book.toBytes();
}

/** Parts Kaohe may change: the scored sheet and its notes, styles (dxfs) and the package's bookkeeping. */
function mayChange(pkg: XlsxPackage, part: string): boolean {
  const sheet = pkg.sheet()?.part ?? "";
  const rels = (p: string) => p.replace(/([^/]+)$/, "_rels/$1.rels");
  return [sheet, rels(sheet), "[Content_Types].xml", pkg.workbookPart, rels(pkg.workbookPart), pkg.relTarget("http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles")].includes(part) || /^xl\/(comments\d*\.xml|drawings\/vmlDrawing\d*\.vml)$/.test(part);
}

const raw = (z: ZipArchive, name: string) => {
  const e = z.entries.get(name);
  return e ? Buffer.from(z.raw(e)) : undefined;
};

/** Where Kaohe put 总分 in the header row (right of the table and of anything beside it). */
const totalColumn = (g: Grid | undefined): number => (g?.rows[1] ?? []).findIndex((c) => c?.value === "总分");

const copies = new Map<string, Uint8Array>();

describe.each(FIXTURES)("%s", (fixture) => {
  const input = new Uint8Array(readFileSync(path.join(DIR, fixture)));

  it("keeps every part Kaohe does not change byte for byte (its stored bytes too) and scores the units", async () => {
    const out = await score(input);
    copies.set(fixture, out);
    const a = new ZipArchive(input);
    const b = new ZipArchive(out);
    const pkg = XlsxPackage.open(input);
    for (const name of a.order) {
      expect(b.has(name)).toBe(true);
      if (mayChange(pkg, name)) continue;
      expect([name, raw(b, name)?.equals(raw(a, name) as Buffer)]).toEqual([name, true]);
      expect(Buffer.from(b.read(name)).equals(Buffer.from(a.read(name)))).toBe(true);
    }
    const grid = XlsxPackage.open(out).grid("考核表");
    const n = totalColumn(grid);
    expect(n).toBeGreaterThanOrEqual(COMMUNITY_HEADERS.length);
    expect([grid?.rows[1]?.[n + 1]?.value, grid?.rows[1]?.[n + 2]?.value]).toEqual(["排名", "考核结果"]);
    expect(grid?.rows[2]?.[n]?.value).toBe(97.5);
    expect(XlsxPackage.open(out).kind).toBe(pkg.kind);
  });

  it("re-scoring the copy replaces Kaohe's outputs and nothing else", async () => {
    const first = copies.get(fixture) ?? (await score(input));
    const again = await score(first);
    const a = new ZipArchive(first);
    const b = new ZipArchive(again);
    expect(b.order).toEqual(a.order);
    for (const name of a.order) expect([name, Buffer.from(b.read(name)).equals(Buffer.from(a.read(name)))]).toEqual([name, true]);
  });
});

describe("LibreOffice opens every scored copy", () => {
  const run = (() => {
    try {
      execFileSync("libreoffice", ["--version"], { stdio: "ignore" });
      return it;
    } catch {
      return process.env.CI ? it : it.skip;
    }
  })();
  run("re-saves each copy with the scores, the results sheet and the user's charts, images and tables", async () => {
    const dir = tempDir();
    const files = await Promise.all(
      FIXTURES.map(async (f) => {
        const file = path.join(dir, f.replace(/\.xlsm$/, ".xlsm"));
        writeFileSync(file, copies.get(f) ?? (await score(new Uint8Array(readFileSync(path.join(DIR, f))))));
        return file;
      }),
    );
    const outDir = path.join(dir, "lo");
    execFileSync("libreoffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, ...files], { stdio: "ignore", timeout: 300_000 });
    for (const f of FIXTURES) {
      const saved = new Uint8Array(readFileSync(path.join(outDir, f.replace(/\.xls[xm]$/, ".xlsx"))));
      const pkg = XlsxPackage.open(saved);
      expect([f, pkg.worksheets.map((s) => s.name)]).toEqual([f, expect.arrayContaining(["考核表", "考核明细"])]);
      const grid = pkg.grid("考核表");
      const n = totalColumn(grid);
      expect([f, grid?.rows[2]?.[n]?.value, grid?.rows[3]?.[n + 2]?.value]).toEqual([f, 97.5, expect.stringContaining("一票否决")]);
      const zip = new ZipArchive(saved);
      const has = (re: RegExp) => zip.order.some((p) => re.test(p));
      if (f.startsWith("chart")) expect([f, has(/^xl\/charts\/chart\d+\.xml$/)]).toEqual([f, true]);
      if (f === "image.xlsx") expect(has(/^xl\/media\//)).toBe(true);
      if (f === "table-beside.xlsx") expect(has(/^xl\/tables\/table\d+\.xml$/)).toBe(true);
    }
  });
});
