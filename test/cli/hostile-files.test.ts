/** `kaohe score` against hostile or careless files and options (issue 11): the real binary. */
import { execFileSync, spawn } from "child_process";
import { watch } from "fs";
import { chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "fs";
import * as path from "path";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { tempDir } from "../helpers/files";
import { BIN, kaohe, kaoheAsync } from "../helpers/hostile";
import { writeWorkbook } from "../helpers/xlsx";

let dir: string;
let book: string;
const isRoot = process.getuid?.() === 0;

beforeAll(async () => {
  dir = tempDir();
  book = path.join(dir, "book.xlsx");
  await writeWorkbook(book, [{ name: "考核表", rows: [[...COMMUNITY_HEADERS], communityRow("阳光社区"), communityRow("城东社区", { "计划生育率(%)": 85 })] }]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (name: string) => {
  const f = path.join(dir, name);
  copyFileSync(book, f);
  return f;
};
const noTemps = (d: string) => readdirSync(d).filter((f) => f.startsWith(".kaohe-tmp"));

describe("the workbook must be a regular file", () => {
  it("/dev/zero as the workbook: exit 2 at once, nothing read", () => {
    const r = kaohe(["score", "/dev/zero", "-r", "community-2009"], { timeout: 20000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是普通文件（character device）.*\| .*not a regular file/);
  });

  it("a FIFO as the workbook: exit 2 without waiting for a writer", () => {
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = kaohe(["score", fifo, "-r", "community-2009"], { timeout: 20000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是普通文件（FIFO）/);
  });

  it("a directory as the workbook: exit 2, 'is a directory'", () => {
    const r = kaohe(["score", dir, "-r", "community-2009"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/是目录，不是文件 \| .*is a directory/);
  });
});

describe("replacing files keeps what the user had", () => {
  it("--in-place keeps a private 0600 workbook private", () => {
    const f = fresh("private.xlsx");
    chmodSync(f, 0o600);
    expect(kaohe(["score", f, "-r", "community-2009", "--in-place"]).code).toBe(0);
    expect(statSync(f).mode & 0o777).toBe(0o600);
  });

  it("--force over a 0600 file keeps its mode", () => {
    const target = fresh("target-0600.xlsx");
    chmodSync(target, 0o600);
    const before = readFileSync(target);
    expect(kaohe(["score", book, "-r", "community-2009", "--out", target, "--force"]).code).toBe(0);
    expect(readFileSync(target).equals(before)).toBe(false);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  (isRoot ? it : it.skip)("--in-place keeps the owner of the replaced file", () => {
    const f = fresh("owned.xlsx");
    chownSync(f, 4321, 4321);
    expect(kaohe(["score", f, "-r", "community-2009", "--in-place"]).code).toBe(0);
    expect(statSync(f)).toMatchObject({ uid: 4321, gid: 4321 });
  });

  it("--in-place on a symlink updates its target and leaves the link a link", () => {
    const real = fresh("real.xlsx");
    const before = readFileSync(real);
    const link = path.join(dir, "link.xlsx");
    symlinkSync(real, link);
    expect(kaohe(["score", link, "-r", "community-2009", "--in-place"]).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real).equals(before)).toBe(false);
    expect(noTemps(dir)).toEqual([]);
  });

  (isRoot ? it : it.skip)("--out <character device> --force: refused, the device node stays", () => {
    const dev = path.join(dir, "null-device.xlsx");
    execFileSync("mknod", [dev, "c", "1", "3"]);
    const r = kaohe(["score", book, "-r", "community-2009", "--out", dev, "--force"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是普通文件（character device）/);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  });

  it("two concurrent runs to the same --out without --force: one writes, the other exits 2", async () => {
    const out = path.join(dir, "race.xlsx");
    const runs = await Promise.all([1, 2, 3].map(() => kaoheAsync(["score", book, "-r", "community-2009", "--out", out])));
    expect(runs.map((r) => r.code).sort()).toEqual([0, 2, 2]);
    expect(runs.filter((r) => /已写入/.test(r.err))).toHaveLength(1);
    expect(runs.filter((r) => r.code === 2).every((r) => /已存在/.test(r.err))).toBe(true);
    expect(noTemps(dir)).toEqual([]);
  });
});

describe("signals", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("%s as soon as the temporary file appears leaves no .kaohe-tmp file", async (signal) => {
    const sub = path.join(dir, `signal-${signal}`);
    mkdirSync(sub);
    const big = path.join(sub, "big.xlsx");
    await writeWorkbook(big, [{ name: "考核表", rows: [[...COMMUNITY_HEADERS], ...Array.from({ length: 1000 }, (_, i) => communityRow(`社区${i + 1}`))] }]);
    const child = spawn(process.execPath, [BIN, "score", big, "-r", "community-2009", "--out", path.join(sub, "out.xlsx")], { stdio: "ignore" });
    const watcher = watch(sub, (_event, name) => {
      if (String(name).startsWith(".kaohe-tmp")) child.kill(signal);
    });
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, sig) => resolve({ code, signal: sig })));
    watcher.close();
    // Whether the signal came during the write or just after it: never a leftover temporary file.
    expect(ended.signal === signal || ended.code === 0).toBe(true);
    expect(noTemps(sub)).toEqual([]);
  });
});

describe("options that cannot all be honoured are refused", () => {
  it("--in-place with --out: conflicting options, nothing written", () => {
    const f = fresh("conflict.xlsx");
    const before = readFileSync(f);
    const out = path.join(dir, "conflict-out.xlsx");
    const r = kaohe(["score", f, "-r", "community-2009", "--in-place", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/选项冲突.*--in-place --out/);
    expect(readFileSync(f).equals(before)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it("--out '' is a usage error", () => {
    const r = kaohe(["score", book, "-r", "community-2009", "--out", ""]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/用法错误：--out ''/);
  });

  it("--out x.csv: refused, no zip under a .csv name", () => {
    const out = path.join(dir, "x.csv");
    const r = kaohe(["score", book, "-r", "community-2009", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/应以 \.xlsx 或 \.xlsm 结尾/);
    expect(existsSync(out)).toBe(false);
  });

  it("a missing output directory is found before scoring (no table printed)", () => {
    const out = path.join(dir, "no-such-dir", "x.xlsx");
    const r = kaohe(["score", book, "-r", "community-2009", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/目录 .*no-such-dir 不存在；未评分/);
  });

  (isRoot ? it.skip : it)("an output directory that is not writable is found before scoring", () => {
    const ro = path.join(dir, "read-only");
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    const r = kaohe(["score", book, "-r", "community-2009", "--out", path.join(ro, "x.xlsx")]);
    chmodSync(ro, 0o700);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/不可写；未评分/);
  });
});

describe("rubric files", () => {
  const rubricDoc = { id: "mine", name: "我的细则", version: "1", indicators: [{ name: "计划生育率", type: "percent" }], items: [{ name: "计划生育率", max: 10, rules: [{ type: "target", indicator: "计划生育率", target: 90, points: 2 }] }] };

  it("--rubric <directory>: 'is a directory', not 'not found'", () => {
    const r = kaohe(["score", book, "-r", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/是目录，不是文件.*\| .*is a directory/);
  });

  it("a UTF-8 BOM before a JSON rubric is accepted", () => {
    const f = path.join(dir, "bom.json");
    writeFileSync(f, `\uFEFF${JSON.stringify(rubricDoc)}`);
    expect(kaohe(["check-rubric", f])).toMatchObject({ code: 0, out: expect.stringContaining("考核细则 mine 有效") });
  });

  it("YAML in a .json or .txt rubric is read as YAML", () => {
    const yaml = ["id: mine", "name: 我的细则", "version: '1'", "indicators:", "  - { name: 计划生育率, type: percent }", "items:", "  - name: 计划生育率", "    max: 10", "    rules:", "      - { type: target, indicator: 计划生育率, target: 90, points: 2 }"].join("\n");
    for (const name of ["yaml-inside.json", "yaml-inside.txt"]) {
      const f = path.join(dir, name);
      writeFileSync(f, yaml);
      expect(kaohe(["check-rubric", f])).toMatchObject({ code: 0, out: expect.stringContaining("考核细则 mine 有效") });
    }
    const neither = path.join(dir, "neither.json");
    writeFileSync(neither, "{ nope: [");
    expect(kaohe(["check-rubric", neither]).err).toMatch(/YAML tried too/);
  });

  it("a GBK-encoded rubric is refused with 'save as UTF-8', not read as mojibake", () => {
    const f = path.join(dir, "gbk.json");
    // "计划生育率" in GBK
    const gbk = Buffer.from([0xbc, 0xc6, 0xbb, 0xae, 0xc9, 0xfa, 0xd3, 0xfd, 0xc2, 0xca]);
    const json = JSON.stringify({ ...rubricDoc, indicators: [{ name: "@@", type: "percent" }], items: [{ name: "x", max: 10, rules: [{ type: "target", indicator: "@@", target: 90, points: 2 }] }] });
    const [a, b, c] = json.split("@@");
    writeFileSync(f, Buffer.concat([Buffer.from(a ?? ""), gbk, Buffer.from(b ?? ""), gbk, Buffer.from(c ?? "")]));
    const r = kaohe(["check-rubric", f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是 UTF-8 编码.*另存为.*UTF-8/);
  });

  it("check-rubric on a workbook: a clear message, no raw bytes", () => {
    const r = kaohe(["check-rubric", book]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是考核细则文本文件（是 \.xlsx 工作簿/);
    expect(r.err).not.toMatch(/PK|[\u0000-\u0008\u000e-\u001f\ufffd]/);
  });
});
