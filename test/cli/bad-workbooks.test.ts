/** Bad and hostile workbook files through the real `kaohe` binary: one clear line, exit 2, no hang. */
import { execFileSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { writeZip } from "../../src/adapters/xlsx/zip-write";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { kaohe } from "../helpers/cli";
import { tempDir } from "../helpers/files";
import { writeWorkbook } from "../helpers/xlsx";


let dir: string;
let good: Uint8Array;
let parts: Record<string, Uint8Array>;

beforeAll(async () => {
  dir = tempDir();
  const file = path.join(dir, "good.xlsx");
  await writeWorkbook(file, [{ name: "考核表", rows: [["标题"], [...COMMUNITY_HEADERS], communityRow("阳光社区"), communityRow("城东社区")] }]);
  good = new Uint8Array(readFileSync(file));
  parts = unzipSync(good);
});

function write(name: string, bytes: Uint8Array): string {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

const withParts = (change: (p: Record<string, Uint8Array>) => void): Uint8Array => {
  const copy: Record<string, Uint8Array> = { ...parts };
  change(copy);
  return zipSync(copy as Zippable);
};

function expectRefused(file: string, message: RegExp): void {
  const r = kaohe(["score", file, "-r", "community-2009"]);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err.trim()).toMatch(/^kaohe: .+ \| .+$/);
  expect(r.err).toMatch(message);
}

describe("bad workbook files", () => {
  it("a truncated zip", () => {
    expectRefused(write("truncated.xlsx", good.subarray(0, Math.floor(good.length / 2))), /不完整.*\| .*truncated/);
  });

  it("a zip missing its sheet part, and one missing the workbook part", () => {
    expectRefused(write("nosheet.xlsx", withParts((p) => delete p["xl/worksheets/sheet1.xml"])), /缺少部件 xl\/worksheets\/sheet1\.xml \| .*part xl\/worksheets\/sheet1\.xml is missing/);
    expectRefused(write("nobook.xlsx", withParts((p) => delete p["xl/workbook.xml"])), /缺少部件 xl\/workbook\.xml/);
  });

  it("a zip with a duplicated part", () => {
    const entries = Object.entries(parts).map(([name, data]) => ({ name, data }));
    const dup = writeZip([...entries, { name: "xl/workbook.xml", data: parts["xl/workbook.xml"] as Uint8Array }]);
    expectRefused(write("dup.xlsx", dup), /部件 xl\/workbook\.xml 重复出现 \| .*appears twice/);
  });

  it("XML with entity declarations is refused, never expanded", () => {
    const bomb = (p: Record<string, Uint8Array>) => {
      const xml = strFromU8(p["xl/sharedStrings.xml"] as Uint8Array);
      const lol = '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
      p["xl/sharedStrings.xml"] = strToU8(xml.replace(/(<\?xml[^>]*\?>)/, `$1${lol}`).replace("<t>阳光社区</t>", "<t>&c;</t>"));
    };
    expectRefused(write("entity.xlsx", withParts(bomb)), /DTD.*\| .*entity declaration/);
  });

  it("a zip bomb: refused from the declared sizes before inflating", () => {
    const huge = new Uint8Array(96 * 2 ** 20); // 96 MiB of zeros deflate to ~100 KB
    const bomb = withParts((p) => (p["xl/worksheets/sheet1.xml"] = huge));
    expect(bomb.length).toBeLessThan(2 ** 20);
    expectRefused(write("bomb.xlsx", bomb), /压缩比.*\| .*compression ratio/);
    // A directory that lies about sizes: 3 GiB declared for one part.
    const entries = Object.entries(parts).map(([name, data]) => ({ name, data }));
    const zip = writeZip(entries);
    const view = new DataView(zip.buffer, zip.byteOffset);
    const end = zip.length - 22;
    let p = view.getUint32(end + 16, true);
    for (let k = 0; k < entries.length; k++) {
      view.setUint32(p + 24, 3 * 2 ** 30, true);
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    expectRefused(write("liar.xlsx", zip), /超出限制.*\| .*exceeds the limit/);
    void deflateSync;
  });

  it("a password-protected workbook, an old .xls, an .ods and a .docx each get what they are and how to convert", () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectRefused(write("old.xls", ole), /另存为.*\.xlsx.*\| .*old \.xls/);
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) ole[1024 + 2 * i] = name.charCodeAt(i);
    expectRefused(write("locked.xlsx", ole), /密码保护.*\| password-protected workbook.*remove the password in Excel and save again/);
    const ods = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") });
    expectRefused(write("sheet.ods", ods), /OpenDocument.*\| .*\.ods.*convert/);
    const docx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w/>") });
    expectRefused(write("doc.xlsx", docx), /Word 文档.*\| .*Word document/);
  });

  it("a FIFO or a device is refused without reading it", () => {
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    expectRefused(fifo, /不是普通文件.*\| .*not a regular file/);
    expectRefused("/dev/zero", /不是普通文件/);
  });

  it("a merge over the whole sheet and 99,000 merges are read in linear time", () => {
    const sheet = (merges: string) =>
      withParts((p) => {
        const xml = strFromU8(p["xl/worksheets/sheet1.xml"] as Uint8Array);
        p["xl/worksheets/sheet1.xml"] = strToU8(xml.replace(/<\/sheetData>/, `</sheetData><mergeCells>${merges}</mergeCells>`).replace(/<mergeCells count="\d+">[\s\S]*?<\/mergeCells>/, ""));
      });
    const t0 = Date.now();
    expect(kaohe(["score", write("one-merge.xlsx", sheet('<mergeCell ref="A40:XFD1048576"/>')), "-r", "community-2009"]).code).toBe(0);
    const many = Array.from({ length: 99_000 }, (_, i) => `<mergeCell ref="AA${i * 2 + 10}:AB${i * 2 + 10}"/>`).join("");
    expect(kaohe(["score", write("many-merges.xlsx", sheet(many)), "-r", "community-2009"]).code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(50_000); // was minutes and a heap crash; seconds now
  });

  it("a formula without a cached value is reported as such, not as blank", () => {
    const file = write("nocalc.xlsx", withParts((p) => {
      const xml = strFromU8(p["xl/worksheets/sheet1.xml"] as Uint8Array);
      // B3 (计划生育率 of 阳光社区) becomes a formula that was never calculated.
      p["xl/worksheets/sheet1.xml"] = strToU8(xml.replace(/<c r="B3"([^>]*)><v>[^<]*<\/v><\/c>/, '<c r="B3"$1><f>90+0</f></c>'));
    }));
    const r = kaohe(["score", file, "-r", "community-2009"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("B3");
    expect(r.err).toContain("是公式，但文件中没有计算结果");
  });
});
