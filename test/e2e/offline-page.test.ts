/**
 * The offline page (dist/web/, built by webpack in production mode) in headless Chromium, loaded from
 * file:// as an official would open it from a USB stick: pick a workbook, pick a rubric, score, check
 * the summary, download the scored copy and open it in LibreOffice. The copy's scored sheet must read
 * exactly as the CLI's copy of the same workbook does; the file handed to the page is never changed.
 * The page runs with the ES2019+ built-ins Chrome 69 lacks removed, so the polyfills are what runs.
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { haveChromium, launch } from "../helpers/browser";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { tempDir } from "../helpers/files";
import { writeWorkbook } from "../helpers/xlsx";
import { XlsxBook } from "../../src/adapters/xlsx/xlsx-book";
import { scoreFile } from "../../src/app/score-file";
import { builtinRubric } from "../../src/app/rubrics";
import { catalog } from "../../src/i18n";
import { haveLibreOffice } from "../helpers/libreoffice";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "examples/kaohe-example.xlsx");
// CI installs Chromium and LibreOffice; there this test must run. Elsewhere, when both are present.
const suite = (haveChromium() && haveLibreOffice) || process.env.CI ? describe : describe.skip;

/** What Chrome 69 does not have, taken away before the page's scripts run. */
const CHROME_69 = `
  delete Object.fromEntries;
  delete String.prototype.matchAll;
  delete Element.prototype.replaceChildren;
  delete window.globalThis;
`;

/** Every sheet of a workbook as CSV text (LibreOffice: comma, UTF-8, all sheets), by sheet name. */
function csvSheets(file: string, dir: string): Record<string, string> {
  execFileSync("libreoffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, file], {
    stdio: "ignore",
    timeout: 120_000,
    env: { ...process.env, HOME: dir },
  });
  const base = path.basename(file).replace(/\.[^.]+$/, "");
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((n) => n.startsWith(`${base}-`) && n.endsWith(".csv"))) out[f.slice(base.length + 1, -4)] = readFileSync(path.join(dir, f), "utf8");
  return out;
}

/** Column of `header` in CSV text, as the values below the header row (simple CSV: no quoted commas in these sheets' figures). */
function column(csv: string, header: string): string[] {
  const rows = csv.split(/\r?\n/).map((l) => l.split(","));
  const at = rows.findIndex((r) => r.includes(header));
  const col = rows[at]?.indexOf(header) ?? -1;
  return at < 0 ? [] : rows.slice(at + 1).map((r) => r[col] ?? "");
}

suite("the offline page, from file:// in headless Chromium", () => {
  let browser: Browser;
  let index: string;
  const dirs: string[] = [];
  const dir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };

  beforeAll(() => {
    const out = path.join(ROOT, "test-artifacts", "e2e-offline");
    const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--config-name", "web", "--env", `outDir=${out}`], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
    index = path.join(out, "web", "index.html");
  }, 240_000);
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ acceptDownloads: true, locale: "zh-CN" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("request", (r) => {
      if (!/^(file|blob|data):/.test(r.url())) errors.push(`network: ${r.url()}`);
    });
    await page.addInitScript(CHROME_69);
    await page.goto(pathToFileURL(index).href);
    await page.waitForSelector("#workbook", { state: "attached" });
    return { page, errors };
  }

  it("scores a workbook and downloads a copy whose scored sheet reads as the CLI's copy", async () => {
    const work = dir();
    const input = path.join(work, "考核表.xlsx");
    copyFileSync(EXAMPLE, input);
    const before = readFileSync(input);
    const { page, errors } = await open();

    await page.setInputFiles("#workbook", input);
    await page.waitForSelector("#rubric");
    expect(await page.textContent("#workbook-name")).toBe("考核表.xlsx");
    expect(await page.$eval("#sheet", (s) => (s as HTMLSelectElement).value)).toBe("社区考核");
    await page.selectOption("#rubric", "builtin:community-2009");
    expect(await page.textContent("#header-row")).toMatch(/^\d+$/);
    await page.click("#score");
    await page.waitForSelector("#summary");
    const counts = await page.textContent("#summary .counts");
    expect(counts).toMatch(/已评分 \d+/);
    expect(await page.textContent("#top")).not.toBe("无");
    // A unit's breakdown, as in the pane.
    await page.click("#top button.link");
    await page.waitForSelector("#breakdown h2");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    expect(download.suggestedFilename()).toBe("考核表-考核.xlsx");
    const copy = path.join(work, "page-copy.xlsx");
    await download.saveAs(copy);
    expect(readFileSync(input).equals(before)).toBe(true);

    // The CLI's path to a copy of the same file (scoreFile over XlsxBook).
    const book = XlsxBook.fromBytes(new Uint8Array(before));
    const rubric = builtinRubric("community-2009");
    if (!rubric.ok) throw new Error("community-2009");
    const r = await scoreFile(book, rubric.value, { sheet: "社区考核", mapping: {}, notes: "shortfalls", locale: catalog("zh-CN"), write: true, at: new Date().toISOString() });
    expect(r.ok).toBe(true);
    const cliCopy = path.join(work, "cli-copy.xlsx");
    writeFileSync(cliCopy, book.toBytes());

    const fromPage = csvSheets(copy, dir());
    const fromCli = csvSheets(cliCopy, dir());
    const totals = column(fromPage["社区考核"] ?? "", "总分").filter((v) => v !== "");
    expect(totals.length).toBeGreaterThan(2);
    for (const t of totals) expect(Number.isFinite(Number(t))).toBe(true);
    expect(fromPage["社区考核"]).toBe(fromCli["社区考核"]);
    expect(Object.keys(fromPage).sort()).toEqual(Object.keys(fromCli).sort());
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it("scores with the 评分细则 sheet of the workbook, preselected, and with a YAML rubric file", async () => {
    const { page, errors } = await open();
    await page.setInputFiles("#workbook", path.join(ROOT, "examples/county-2026.xlsx"));
    await page.waitForSelector("#rubric");
    expect(await page.$eval("#rubric", (s) => (s as HTMLSelectElement).value)).toBe("sheet:评分细则");
    expect(await page.$eval("#sheet", (s) => (s as HTMLSelectElement).value)).toBe("考核表");
    await page.click("#score");
    await page.waitForSelector("#summary");
    await page.waitForSelector("#download");

    // A rubric file: community-2009 as YAML, over the example workbook.
    const work = dir();
    const yaml = path.join(work, "细则.yaml");
    const doc = JSON.parse(readFileSync(path.join(ROOT, "src/rubrics/community-2009.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(yaml, JSON.stringify({ ...doc, id: "my-rules", name: "我的细则" })); // JSON is YAML
    await page.setInputFiles("#workbook", EXAMPLE);
    await page.waitForSelector("#rubric");
    await page.setInputFiles("#rubric-file", yaml);
    await page.waitForFunction(() => (document.getElementById("rubric") as HTMLSelectElement | null)?.value === "file:0");
    await page.click("#score");
    await page.waitForSelector("#summary");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("never runs workbook text, and words a broken file clearly", async () => {
    const work = dir();
    const xss = "<img src=x onerror=window.kaoheXss=(window.kaoheXss||0)+1>";
    const file = path.join(work, "hostile.xlsx");
    await writeWorkbook(file, [{ name: "考核", rows: [[...COMMUNITY_HEADERS, `备注${xss}`], communityRow(`阳光社区${xss}`), communityRow("城西社区"), communityRow("南门社区")] }]);
    const { page, errors } = await open();
    await page.setInputFiles("#workbook", file);
    await page.waitForSelector("#rubric");
    await page.selectOption("#rubric", "builtin:community-2009");
    await page.click("#score");
    await page.waitForSelector("#summary");
    await page.click(`#summary button.link >> text=阳光社区`);
    await page.waitForSelector("#breakdown h2");
    expect(await page.textContent("#breakdown h2")).toContain(xss);
    expect(await page.$$("img")).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { kaoheXss?: number }).kaoheXss)).toBeUndefined();

    const broken = path.join(work, "坏文件.xlsx");
    writeFileSync(broken, "这不是工作簿");
    await page.setInputFiles("#workbook", broken);
    await page.waitForSelector("#notice.error");
    expect(await page.textContent("#notice")).toContain("坏文件.xlsx 不是 .xlsx 工作簿");
    expect(await page.$("#summary")).toBeNull();
    expect(await page.$("#download")).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("ships syntax Chrome 69 parses: ES2020 at most, without ?. and ?? (Chrome 80)", () => {
    const web = path.dirname(index);
    const js = readdirSync(web).filter((f) => f.endsWith(".js"));
    expect(js.length).toBe(1);
    // acorn comes with webpack; ecmaVersion 2020 admits BigInt literals (Chrome 67), which src/core uses.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require("acorn") as typeof import("acorn");
    const tokens: string[] = [];
    acorn.parse(readFileSync(path.join(web, js[0] ?? ""), "utf8"), { ecmaVersion: 2020, sourceType: "script", onToken: (t) => tokens.push(t.type.label) });
    expect(tokens.filter((t) => t === "?." || t === "??")).toEqual([]);
    expect(existsSync(path.join(web, "index.html"))).toBe(true);
  });
});
