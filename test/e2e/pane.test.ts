/**
 * The production task pane in headless Chromium over the Office.js simulator (test/helpers/pane-page.ts):
 * a user's day — open, map by hand, score, click a problem, select a unit, switch rubric and re-score,
 * edit a Kaohe cell, score a second sheet, rename, clear, switch language — with the whole workbook
 * checked after every clear, and hostile workbook text that must never run.
 */
import { mkdirSync } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { haveChromium } from "../helpers/browser";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { userModel } from "../helpers/excel-sim";
import { model, openPane, SHOTS, startSite, type PaneSite } from "../helpers/pane-page";
import type { SimSeed } from "../sim/office";
import { countyByCli, countySeed } from "../helpers/county-seed";

// CI installs Chromium; there this test must run. Elsewhere it runs when Chromium is present.
const suite = haveChromium() || process.env.CI ? describe : describe.skip;

const XSS = "<img src=x onerror=window.kaoheXss=(window.kaoheXss||0)+1>";
const seed = (): SimSeed => ({
  sheets: [
    {
      name: "社区考核",
      rows: [
        ["2009年社区人口和计划生育目标管理责任制考核"],
        [...COMMUNITY_HEADERS, `备注${XSS}`],
        communityRow("阳光社区", { "计划生育率(%)": 85.5 }),
        communityRow(`城东社区${XSS}`),
        communityRow("城西社区", { "群众满意率(%)": "abc" }),
        communityRow("南门社区", { 恶性案件数: 1 }),
        communityRow("北门社区", { "出租房登记率(%)": 80, 有活动记录: "否" }),
        ["合计"],
      ],
    },
    { name: "二季度", rows: [[...COMMUNITY_HEADERS], communityRow("东村"), communityRow("西村", { "计划生育率(%)": 80 })] },
  ],
});

suite("the production task pane on the Office.js simulator", () => {
  let site: PaneSite;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    site = await startSite("pane");
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  afterEach(async () => {
    // Hostile text in the workbook never became markup or ran.
    expect(await page.evaluate(() => window.kaoheXss ?? 0)).toBe(0);
    expect(await page.locator("#app img").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  const text = (sel: string) => page.locator(sel).innerText();
  const done = () => page.waitForFunction(() => !document.querySelector(".busy"));

  it("walks a user's day and leaves the workbook exactly as it was", async () => {
    ({ page, errors } = await openPane(site, seed()));
    await page.waitForSelector("#rubric");
    const before = await model(page);
    expect(await text("#sheet-name")).toBe("社区考核");
    expect(await text("#header-row")).toBe("2");
    expect(await page.locator("#rubric").inputValue()).toBe("community-2009");

    // Map by hand under a rubric whose columns this sheet lacks; the choice is remembered.
    await page.locator("#rubric").selectOption("village-2006");
    await page.waitForSelector("#mapping li.missing");
    await page.locator("#map-0").selectOption("B");
    await page.waitForFunction(() => document.querySelectorAll("#mapping li.missing").length === 9);
    await page.locator("#rubric").selectOption("community-2009");
    await done();

    // Score with the keyboard.
    await page.locator("#score").focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#summary");
    expect(await text("#summary .counts")).toMatch(/已评分 3\s*一票否决 1\s*数据不全 1/);
    expect(await text("#top")).toContain(`城东社区${XSS} 100`);
    expect(await text("#problems")).toContain("单元格 V5（城西社区）：“群众满意率”的值“abc”不是数字");
    let m = await model(page);
    expect(["AI2", "AJ2", "AK2"].map((a) => m.sheets[0]?.cells[a]?.value)).toEqual(["总分", "排名", "考核结果"]);
    await page.screenshot({ path: path.join(SHOTS, "pane-zh-CN.png"), fullPage: true });

    // A problem selects its cell; selecting a row explains that row's unit.
    await page.locator("#problems button", { hasText: "V5" }).click();
    await page.waitForFunction(() => window.kaoheSim?.model().selection === "V5");
    await page.evaluate(() => window.kaoheSim?.select("社区考核", "C3"));
    await page.waitForSelector("#breakdown h2");
    expect(await text("#breakdown h2")).toBe("阳光社区");
    expect(await text("#breakdown")).toContain("计划生育率 85.5% 低于目标 88%");
    // 差距分析 on request: the least change that moves 阳光社区 up (88% ties it first at 100).
    await page.locator("#what-if-run").click();
    await page.waitForSelector("#what-if h3");
    expect(await text("#what-if h3")).toBe("排名上升（现第2名）");
    expect(await text("#what-if li")).toBe("计划生育率 85.5% → 88%（B3）：总分 100，第1名");
    await page.evaluate(() => window.kaoheSim?.select("社区考核", "C5"));
    await page.waitForFunction(() => document.querySelector("#breakdown h2")?.textContent === "城西社区");

    // A rubric the user brings: what changed is listed.
    const rubric = { id: "strict", name: "严格版细则", version: "1", indicators: [{ name: "计划生育率", type: "percent" }, { name: "恶性案件数", type: "count" }], items: [{ name: "计划生育率", max: 100, rules: [{ type: "target", indicator: "计划生育率", target: 95, points: 10 }] }] };
    await page.setInputFiles("#rubric-file", { name: "strict.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(rubric)) });
    await page.waitForSelector("#notice:not(.empty)");
    expect(await page.locator("#summary").count()).toBe(0); // old results no longer describe the sheet
    await page.locator("#score").click();
    await page.waitForSelector("#changes");
    expect(await text("#changes")).toContain("与上次评分（community-2009）相比");

    // The user types over a result: re-scoring asks, Cancel writes nothing, Replace replaces.
    await page.evaluate(() => window.kaoheSim?.editCell("社区考核", "AK3", "优秀（人工）"));
    await page.locator("#score").click();
    await page.waitForSelector("#confirm");
    expect(await text("#confirm")).toContain("AK3");
    await page.locator("#confirm-cancel").click();
    expect((await model(page)).sheets[0]?.cells.AK3?.value).toBe("优秀（人工）");
    await page.locator("#score").click();
    await page.locator("#confirm-ok").click();
    await page.waitForSelector("#summary");
    expect((await model(page)).sheets[0]?.cells.AK3?.value).not.toBe("优秀（人工）");

    // The pane follows the active sheet; a second sheet gets its own results.
    await page.evaluate(() => window.kaoheSim?.activate("二季度"));
    await page.waitForFunction(() => document.querySelector("#sheet-name")?.textContent === "二季度");
    expect(await page.locator("#summary").count()).toBe(0);
    await page.locator("#score").click();
    await page.waitForSelector("#summary");
    m = await model(page);
    expect(m.sheets.map((s) => s.name)).toEqual(["社区考核", "二季度", "考核明细", "考核明细 (2)"]);

    // Rename the first sheet, edit one of Kaohe's cells, and clear it: asked once, the edit kept.
    await page.evaluate(() => window.kaoheSim?.renameSheet("社区考核", "社区考核（终）"));
    await page.evaluate(() => window.kaoheSim?.editCell("社区考核（终）", "AI8", "=AVERAGE(AI3:AI7)"));
    await page.evaluate(() => window.kaoheSim?.activate("社区考核（终）"));
    await page.waitForFunction(() => document.querySelector("#sheet-name")?.textContent === "社区考核（终）");
    await page.locator("#clear").click();
    await page.waitForSelector("#confirm");
    expect(await text("#confirm")).toContain("AI8");
    await page.locator("#confirm-ok").click();
    await page.waitForSelector("#notice:not(.empty)");
    expect(await text("#notice")).toMatch(/已清除 \d+ 个单元格.*核对无残留.*保留了您改过的 1 个单元格：AI8/);
    m = await model(page);
    const first = m.sheets.find((s) => s.name === "社区考核（终）");
    const { AI8, ...rest } = first?.cells ?? {};
    expect(AI8?.formula).toBe("=AVERAGE(AI3:AI7)");
    expect(rest).toEqual(before.sheets[0]?.cells);
    expect(first?.conditionalFormats).toEqual([]);

    // English, then clear the second sheet too: the workbook is as it was, but for the kept cell.
    await page.locator("#lang").click();
    await page.waitForFunction(() => document.documentElement.lang === "en-US");
    expect(await text("#score")).toBe("Score");
    await page.evaluate(() => window.kaoheSim?.activate("二季度"));
    await page.waitForFunction(() => document.querySelector("#sheet-name")?.textContent === "二季度");
    await page.locator("#clear").click();
    await page.locator("#confirm-ok").click();
    await page.waitForSelector("#notice:not(.empty)");
    expect(await text("#notice")).toContain("checked that nothing is left");
    await page.screenshot({ path: path.join(SHOTS, "pane-en-US.png"), fullPage: true });
    const after = await model(page);
    const expected = structuredClone(before);
    if (expected.sheets[0]) {
      expected.sheets[0].name = "社区考核（终）";
      expected.sheets[0].cells.AI8 = first?.cells.AI8 ?? expected.sheets[0].cells.AI8!;
    }
    // The hand mapping stays (its token name on the sheet); nothing else of Kaohe's.
    const names = after.names.filter((n) => n.name !== "_Kaohe_Sheet");
    expect({ ...userModel(after), names }).toEqual(userModel(expected));
    expect(after.names.map((n) => [n.name, n.scope])).toEqual([["_Kaohe_Sheet", "社区考核（终）"]]);
  }, 120_000);

  it("scores examples/county-2026.xlsx with its 评分细则 sheet picked in the picker, as the CLI does; its problems select their cells; 新建评分细则", async () => {
    ({ page, errors } = await openPane(site, await countySeed("评分细则")));
    await page.waitForSelector("#rubric");
    // The rubric sheet is active, but the pane opens the sheet it scores.
    expect(await text("#sheet-name")).toBe("考核表");
    await page.locator("#rubric").selectOption("sheet:评分细则");
    await done();
    await page.locator("#score").click();
    await page.waitForSelector("#summary");
    const m = await model(page);
    const sheet = m.sheets.find((s) => s.name === "考核表");
    // The outputs go in the first free columns right of the table (A:X): 总分 in Y, 排名 in Z.
    expect([sheet?.cells.Y2?.value, sheet?.cells.Z2?.value]).toEqual(["总分", "排名"]);
    const written = [3, 4, 5, 6, 7, 8].map((r) => ({ unit: sheet?.cells[`A${r}`]?.value, total: sheet?.cells[`Y${r}`]?.value, rank: sheet?.cells[`Z${r}`]?.value }));
    expect(written).toEqual(countyByCli().map((u) => ({ unit: u.unit, total: u.total, rank: u.rank })));

    // A mistake typed into the rubric sheet: listed with its count, its problem selects its cell there.
    await page.evaluate(() => window.kaoheSim?.editCell("评分细则", "F23", "九十"));
    await page.locator("#reload").click();
    await page.waitForSelector("#preview-issues button");
    expect(await page.locator("#rubric option:checked").innerText()).toContain("1 个错误");
    await page.locator("#preview-issues button", { hasText: "F23" }).click();
    await page.waitForFunction(() => window.kaoheSim?.model().activeSheet === "评分细则" && window.kaoheSim?.model().selection === "F23");
    await done();
    expect(await text("#sheet-name")).toBe("考核表");
    await page.locator("#score").click();
    await page.waitForSelector("#errors");
    expect(await text("#errors")).toContain("目标值“九十”不是数字");

    // 新建评分细则 from a built-in: a new sheet beside the user's, listed among the rubrics.
    await page.locator("#new-sheet-from").selectOption("community-2009");
    await page.locator("#new-sheet").click();
    await page.waitForFunction(() => document.querySelector("#notice")?.textContent?.includes("评分细则 (2)"));
    expect((await model(page)).sheets.map((s) => s.name)).toEqual(["考核表", "评分细则", "考核明细", "评分细则 (2)"]);
    expect(await page.locator("#rubric option[value='sheet:评分细则 (2)']").count()).toBe(1);
    expect(await text("#sheet-name")).toBe("考核表");
  }, 120_000);

  it("tells the user why when the workbook's structure is protected, and writes nothing", async () => {
    ({ page, errors } = await openPane(site, { ...seed(), structureProtected: true }));
    await page.waitForSelector("#rubric");
    const before = await model(page);
    await page.locator("#score").click();
    await page.waitForSelector("#errors");
    expect(await text("#errors")).toContain("工作簿结构受保护");
    expect(userModel(await model(page))).toEqual(userModel(before));
  });

  it("says Excel is too old instead of showing a blank pane when ExcelApi 1.14 is missing", async () => {
    ({ page, errors } = await openPane(site, seed(), { excelApi: "1.13" }));
    await page.waitForSelector("#needs-excel");
    expect(await text("#needs-excel")).toContain("Excel 2021");
    // Excel 2016/2019 users are sent where Kaohe does run: the offline page beside the pane, or WPS.
    // (The simulator's browser speaks en-US; zh-CN says the same: 离线评分页, WPS 表格.)
    expect(await text("#needs-excel")).toContain("Kaohe's offline page");
    expect(await text("#needs-excel")).toContain("WPS Spreadsheets");
    const href = await page.getAttribute("#offline-page", "href");
    expect(href).toBe(new URL("web/index.html", page.url()).href);
    expect(await text("#offline-page")).toBe(href);
  });
});
