/**
 * The WPS task pane as WPS would load it (built by wps/webpack.wps.js, no office.js) in headless
 * Chromium, over the simulated WPS object model as `window.Application`: it finds the table, scores,
 * explains a selected unit, and clears the workbook back to exactly what it was. Opened outside WPS,
 * the real page says where Kaohe runs.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { Server } from "http";
import type { Browser, Page } from "playwright-core";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";
import { haveChromium, launch } from "../helpers/browser";
import { serve } from "../helpers/static-server";
import { OUT, userView } from "../contract/pane-host-contract";
import type { PlainBook } from "../contract/plain-book";

const ROOT = path.resolve(__dirname, "../..");
const suite = haveChromium() || process.env.CI ? describe : describe.skip;

declare global {
  interface Window {
    kaoheWps?: { read(): PlainBook; select(sheet: string, cell: string): void };
  }
}

function build(outDir: string, entry: Record<string, string>): Promise<void> {
  const config = require(path.join(ROOT, "wps/webpack.wps"))({ outDir }, { mode: "production" });
  config.entry = entry;
  config.devtool = false;
  config.optimization = { minimize: false };
  config.plugins = config.plugins.filter((p: object) => !("budgets" in p)); // no size lines in test output
  // The real entry too, on a page of its own, as opened outside WPS.
  config.plugins.push(new HtmlWebpackPlugin({ ...require(path.join(ROOT, "wps/webpack.wps")).PANE_PAGE, filename: "outside.html", chunks: ["outside"] }));
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString("errors-only"))) : resolve())),
  );
}

suite("WPS task pane in headless Chromium", () => {
  let dir: string;
  let browser: Browser;
  let server: Server;
  let url: string;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kaohe-wps-"));
    await build(dir, { taskpane: "./test/wps/browser/harness.ts", outside: "./src/taskpane/wps-index.ts", ribbon: "./src/commands/wps-ribbon.ts" });
    ({ url, server } = await serve(path.join(dir, "wps")));
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    errors.length = 0;
    page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: "zh-CN" });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    page.on("response", (r) => void (r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`)));
  });

  afterEach(async () => {
    await page.close();
  });

  it("scores, explains a selected unit and clears the workbook back to what it was", async () => {
    await page.goto(`${url}taskpane.html`);
    await page.waitForSelector("#rubric");
    expect(await page.locator("#sheet-name").innerText()).toBe("考核");
    const before = await page.evaluate(() => window.kaoheWps?.read());

    await page.locator("#score").click();
    await page.waitForSelector("#summary");
    const scored = await page.evaluate(() => window.kaoheWps?.read());
    expect(scored?.sheets[0]?.cells[`${OUT}4`]).toEqual({ value: 97.5 });
    expect(scored?.sheets.map((s) => s.name)).toEqual(["考核", "其他", "考核明细"]);

    await page.evaluate(() => window.kaoheWps?.select("考核", "C4"));
    await page.waitForSelector("#breakdown h2");
    expect(await page.locator("#breakdown h2").innerText()).toBe("阳光社区");

    await page.locator("#clear").click();
    await page.waitForSelector("#confirm-ok");
    await page.locator("#confirm-ok").click();
    await page.waitForSelector("#notice:not(.empty)");
    expect(await page.locator("#notice").innerText()).toContain("已清除");
    const after = await page.evaluate(() => window.kaoheWps?.read());
    if (!before || !after) throw new Error("no workbook");
    expect(userView(after)).toEqual(userView(before));
    expect(errors).toEqual([]);
  });

  it("opened outside WPS 表格, says where Kaohe runs instead of failing", async () => {
    await page.goto(`${url}outside.html`);
    await page.waitForSelector("#needs-excel");
    expect(await page.locator("#needs-excel").innerText()).toContain("请在 WPS 表格中通过“考核 › 考核评分”打开 Kaohe");
    expect(errors).toEqual([]);
  });
});
