/** What a copy could not carry over unchanged is said before writing; --in-place is refused for it. */
import { createHash } from "crypto";
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { kaohe } from "../helpers/cli";
import { tempDir } from "../helpers/files";
import { writeWorkbook } from "../helpers/xlsx";

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const rows = () => [["标题"], [...COMMUNITY_HEADERS], communityRow("阳光社区"), communityRow("城东社区"), communityRow("城西社区")];

it("a digitally signed workbook: the copy is written with a note, --in-place is refused", async () => {
  const dir = tempDir();
  const plain = path.join(dir, "plain.xlsx");
  await writeWorkbook(plain, [{ name: "考核表", rows: rows() }]);
  const parts = unzipSync(new Uint8Array(readFileSync(plain)));
  parts["_xmlsignatures/sig1.xml"] = strToU8("<Signature/>");
  const signed = path.join(dir, "signed.xlsx");
  writeFileSync(signed, zipSync(parts as Zippable));
  const before = sha(signed);
  const inPlace = kaohe(["score", signed, "-r", "community-2009", "--in-place"]);
  expect(inPlace.code).toBe(2);
  expect(inPlace.err).toMatch(/不能用 --in-place 改写.*数字签名.*\| --in-place refused.*digitally signed/);
  expect(sha(signed)).toBe(before);
  const out = path.join(dir, "copy.xlsx");
  const copy = kaohe(["score", signed, "-r", "community-2009", "--out", out]);
  expect(copy.code).toBe(0);
  expect(copy.err).toContain("注意：工作簿有数字签名");
  expect(existsSync(out)).toBe(true);
});

it("outputs that would land in a merged range: nothing is written, and the merge is named", async () => {
  const dir = tempDir();
  const file = path.join(dir, "merged.xlsx");
  const n = COMMUNITY_HEADERS.length;
  const col = (c: number) => String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26));
  await writeWorkbook(file, [{ name: "考核表", rows: rows(), merges: [`${col(n)}4:${col(n + 1)}4`] }]);
  const out = path.join(dir, "out.xlsx");
  const r = kaohe(["score", file, "-r", "community-2009", "--out", out]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(new RegExp(`合并单元格 ${col(n)}4:${col(n + 1)}4.*\\| .*merged cells`));
  expect(existsSync(out)).toBe(false);
});

it("a macro workbook stays macro-enabled: .xlsm in, .xlsm out with vbaProject.bin intact; a .xlsx name is refused", () => {
  const dir = tempDir();
  const input = path.resolve(__dirname, "../fixtures/macro.xlsm");
  const refused = kaohe(["score", input, "-r", "community-2009", "--out", path.join(dir, "copy.xlsx")]);
  expect(refused.code).toBe(2);
  expect(refused.err).toMatch(/必须以 \.xlsm 结尾.*\| .*must end in \.xlsm/);
  expect(existsSync(path.join(dir, "copy.xlsx"))).toBe(false);
  const out = path.join(dir, "copy.xlsm");
  expect(kaohe(["score", input, "-r", "community-2009", "--out", out]).code).toBe(0);
  const before = unzipSync(new Uint8Array(readFileSync(input)));
  const after = unzipSync(new Uint8Array(readFileSync(out)));
  expect(Buffer.from(after["xl/vbaProject.bin"] as Uint8Array).equals(Buffer.from(before["xl/vbaProject.bin"] as Uint8Array))).toBe(true);
  expect(new TextDecoder().decode(after["[Content_Types].xml"])).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
});
