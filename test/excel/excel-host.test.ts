import { ExcelHost } from "../../src/adapters/excel/excel-host";
import { columnLetter as col } from "../../src/core/grid";
import { chunkAddresses, highlightAreas } from "../../src/adapters/excel/write";
import { PaneSession } from "../../src/app/pane-session";
import { catalog } from "../../src/i18n";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { assertNoSentinels, cellOf, fakeRun, fakeSheet, type FakeBook } from "../helpers/fake-excel";

const N = COMMUNITY_HEADERS.length; // outputs start in column N (0-based), i.e. right after the table

function communityBook(rows = 3): FakeBook {
  const data = [communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区"), communityRow("城西社区", { "群众满意率(%)": "abc" })];
  for (let i = 3; i < rows; i++) data.push(communityRow(`单位${i}`, { "计划生育率(%)": 80 + (i % 15) }));
  return {
    sheets: [
      fakeSheet("考核", [["2009年社区考核表"], ["说明：比率为%"], [...COMMUNITY_HEADERS], ...data], { merges: ["A1:F1", "A2:F2"] }),
      fakeSheet("其他", [["别动我", 1]]),
    ],
    active: "考核",
    settings: {},
  };
}

async function session(book: FakeBook) {
  const fake = fakeRun(book);
  const host = new ExcelHost(fake.run, () => "zh-CN");
  const s = new PaneSession(host, catalog("zh-CN"));
  const opened = await s.open();
  assertNoSentinels(opened);
  return { s, fake, host };
}

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const userView = (b: FakeBook) => b.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => { const v = [...r]; while (v.length && v[v.length - 1] === "") v.pop(); return v; }).filter((r, i, all) => r.length || i < all.length - 1), cfs: s.cfs.length }));

describe("Excel adapter (office-addin-mock)", () => {
  it("reads a sheet with title rows and merged headers, and every property it uses was loaded", async () => {
    const book = communityBook();
    book.sheets[0]?.merges.push("A3:A3");
    const fake = fakeRun(book);
    const host = new ExcelHost(fake.run, () => "zh-CN");
    const snap = await host.snapshot();
    assertNoSentinels(snap);
    expect(snap.ok).toBe(true);
    if (!snap.ok) return;
    expect(snap.value.grid.sheet).toBe("考核");
    expect(snap.value.grid.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 5 });
    expect(snap.value.grid.rows[3]?.[0]?.value).toBe("阳光社区");
    expect(snap.value.locked).toBe(false);
    expect(fake.syncs()).toBe(2);
  });

  it("reads percentage number formats", async () => {
    const book: FakeBook = { sheets: [fakeSheet("S", [["单位", "计划生育率"], ["甲", { v: 0.885, f: "0.0%" }]])], active: "S", settings: {} };
    const snap = await new ExcelHost(fakeRun(book).run, () => "zh-CN").snapshot();
    expect(snap.ok && snap.value.grid.rows[1]?.[1]).toEqual({ value: 0.885, numFmt: "0.0%" });
  });

  it("applies the write plan: outputs beside the table, highlights, results sheet, state in settings", async () => {
    const book = communityBook();
    const { s } = await session(book);
    const r = await s.score();
    assertNoSentinels(r);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const sheet = book.sheets[0];
    expect([cellOf(sheet, `${col(N)}3`), cellOf(sheet, `${col(N + 1)}3`), cellOf(sheet, `${col(N + 2)}3`)]).toEqual(["总分", "排名", "考核结果"]);
    expect([cellOf(sheet, `${col(N)}4`), cellOf(sheet, `${col(N + 1)}4`)]).toEqual([97.5, 2]);
    expect(cellOf(sheet, `${col(N + 2)}6`)).toBe("数据不全");
    expect(sheet?.cfs.map((c) => [c.address, c.custom.rule.formula, c.custom.format.fill.color])).toEqual([
      ["B4", '=ISTEXT("kaohe-shortfall")', "#FFC7CE"],
      ["V6", '=ISTEXT("kaohe-problem")', "#FFEB9C"],
    ]);
    const results = book.sheets.find((x) => x.name === "考核明细");
    expect(results?.values[0]?.[0]).toBe("Kaohe 考核明细");
    expect(results?.frozenRows).toBe(4);
    const state = JSON.parse(book.settings["kaohe.state"] ?? "{}");
    expect(state.owned).toEqual({ sheet: "考核", area: `${col(N)}3:${col(N + 3)}6`, resultsSheet: "考核明细", highlights: sheet?.cfs.map((c) => c.id) });
    expect(state.rubricId).toBe("community-2009");
  });

  it("re-scoring is idempotent: same cells, one results sheet, highlights replaced not stacked", async () => {
    const book = communityBook();
    const { s } = await session(book);
    await s.score();
    const once = copy(userView(book));
    const r = await s.score();
    expect(r.ok).toBe(true);
    expect(userView(book)).toEqual(once);
    expect(book.sheets.map((x) => x.name)).toEqual(["考核", "其他", "考核明细"]);
  });

  it("switching rubric leaves no stale outputs from the previous one", async () => {
    const book = communityBook();
    const { s } = await session(book);
    await s.score();
    await s.importRubric(JSON.stringify({ id: "mini", name: "达标", version: "1", mode: "attainment", indicators: [{ name: "计划生育率", type: "percent" }], items: [{ name: "计划生育率", rules: [{ type: "target", indicator: "计划生育率", target: 88 }] }] }), "mini.json");
    const r = await s.score();
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const sheet = book.sheets[0];
    expect([cellOf(sheet, `${col(N)}3`), cellOf(sheet, `${col(N + 1)}3`), cellOf(sheet, `${col(N + 2)}3`), cellOf(sheet, `${col(N + 3)}3`)]).toEqual(["达标项数", "考核结果", "", ""]);
    expect(cellOf(sheet, `${col(N + 2)}4`)).toBe("");
    expect(sheet?.cfs.map((c) => c.address)).toEqual(["B4"]);
    expect(r.value.changes?.map((c) => c.unit)).toEqual(["阳光社区", "城东社区", "城西社区"]);
  });

  it("clearing restores the sheet exactly and removes the results sheet", async () => {
    const book = communityBook();
    const before = copy(userView(book));
    const { s } = await session(book);
    await s.score();
    await s.score();
    const cleared = await s.clear();
    expect(cleared.ok).toBe(true);
    expect(userView(book)).toEqual(before);
    expect(JSON.parse(book.settings["kaohe.state"] ?? "{}").owned).toBeUndefined();
  });

  it("keeps the user's own conditional formats when clearing", async () => {
    const book = communityBook();
    book.sheets[0]?.cfs.push({ id: "user-cf", address: "B4:B6", custom: { rule: { formula: "=B4<60" }, format: { fill: { color: "#00FF00" }, font: {} } } });
    const { s } = await session(book);
    await s.score();
    await s.clear();
    expect(book.sheets[0]?.cfs.map((c) => c.id)).toEqual(["user-cf"]);
  });

  it("keeps the rubric, mapping and output locations in the workbook across save and reopen", async () => {
    const book = communityBook();
    const { s } = await session(book);
    await s.chooseRubric("community-2009");
    await s.setMapping("计划生育率", "B");
    await s.score();
    // Reopen: a new pane session over the same workbook (document settings are saved with it).
    const reopened = await session(book);
    expect(reopened.s.preview()).toMatchObject({ rubricId: "community-2009" });
    expect(reopened.s.preview().rows.find((r) => r.indicator === "计划生育率")).toMatchObject({ column: "B", manual: true });
    const before = copy(userView(book));
    const r = await reopened.s.score();
    expect(r.ok && r.value.changes).toEqual([]); // same rubric, same data: nothing changed
    expect(userView(book)).toEqual(before); // outputs found and replaced in place, not stacked
    await reopened.s.clear();
    expect(book.sheets.map((x) => x.name)).toEqual(["考核", "其他"]);
  });

  it("never clears the user's data when columns moved after scoring (recorded area no longer Kaohe's)", async () => {
    const book = communityBook();
    const { s } = await session(book);
    await s.score();
    // The user inserts a column at B: the table and Kaohe's outputs shift right by one.
    const sheet = book.sheets[0] as { values: (string | number | boolean)[][]; cfs: unknown[] };
    sheet.values = sheet.values.map((r, i) => [r[0] ?? "", i === 2 ? "新增列" : i > 2 && i < 6 ? "用户数据" : "", ...r.slice(1)]);
    const userCol = col(N); // the table's last column is now where Kaohe's 总分 used to be
    expect(cellOf(book.sheets[0], `${userCol}4`)).toBe("是");
    const cleared = await s.clear();
    expect(cleared.ok).toBe(true);
    expect(cellOf(book.sheets[0], `${userCol}4`)).toBe("是"); // the user's cell survived
    expect(cellOf(book.sheets[0], `${col(N + 1)}3`)).toBe(""); // Kaohe's moved outputs were found and cleared
    const r = await s.score();
    expect(r.ok).toBe(true);
    expect(cellOf(book.sheets[0], `${userCol}4`)).toBe("是");
    expect(cellOf(book.sheets[0], `${col(N + 1)}3`)).toBe("总分");
  });

  it("re-scoring after the user inserted a column keeps their data and reuses the moved outputs", async () => {
    const book = communityBook();
    const { s } = await session(book);
    await s.score();
    const sheet = book.sheets[0] as { values: (string | number | boolean)[][] };
    sheet.values = sheet.values.map((r, i) => [r[0] ?? "", i === 2 ? "新增列" : i > 2 && i < 6 ? "用户数据" : "", ...r.slice(1)]);
    const r = await s.score();
    expect(r.ok).toBe(true);
    expect(cellOf(book.sheets[0], `${col(N)}4`)).toBe("是");
    expect([cellOf(book.sheets[0], `${col(N + 1)}3`), cellOf(book.sheets[0], `${col(N + 4)}3`), cellOf(book.sheets[0], `${col(N + 5)}3`) ?? ""]).toEqual(["总分", "年终计生考核总分", ""]);
    expect(cellOf(book.sheets[0], "B4")).toBe("用户数据");
  });

  it("refuses a protected sheet without writing anything", async () => {
    const book = communityBook();
    (book.sheets[0] as { protected: boolean }).protected = true;
    const before = copy(book);
    const { s } = await session(book);
    const r = await s.score();
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "sheet.protected" });
    expect(copy(book)).toEqual(before);
  });

  it("refuses a table too large for one request, before reading its values", async () => {
    const wide = Array.from({ length: 260 }, (_, c) => `列${c}`);
    const rows = [["单位", ...wide], ...Array.from({ length: 1000 }, (_, r) => [`单位${r}`, ...wide.map(() => 1)])];
    const book: FakeBook = { sheets: [fakeSheet("大表", rows)], active: "大表", settings: {} };
    const fake = fakeRun(book);
    const r = await new ExcelHost(fake.run, () => "zh-CN").snapshot();
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "table.tooLarge", params: { cells: 261 * 1001, limit: 250_000 } });
    expect(fake.syncs()).toBe(1); // the values were never requested
  });

  it("turns Excel's cell-edit-mode error into a plain message", async () => {
    const host = new ExcelHost(async () => { throw Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" }); }, () => "zh-CN");
    const r = await host.snapshot();
    expect(!r.ok && r.issues[0]?.code).toBe("sheet.editing");
  });

  it("uses a fixed number of syncs on a 5,000-row sheet", async () => {
    const book = communityBook(5000);
    const { s, fake } = await session(book);
    const before = fake.syncs();
    const r = await s.score();
    expect(r.ok).toBe(true);
    const scoring = fake.syncs() - before;
    expect(scoring).toBeLessThanOrEqual(4);
    const again = fake.syncs();
    await s.score(); // re-score also removes the previous run's outputs
    expect(fake.syncs() - again).toBeLessThanOrEqual(6);
  });
});

describe("highlight addresses", () => {
  it("merges contiguous cells of a column and keeps each address list short", () => {
    const cells = [3, 4, 5, 9].map((row) => ({ row, col: 1, kind: "shortfall" as const })).concat([{ row: 2, col: 3, kind: "shortfall" }]);
    expect(highlightAreas(cells)).toEqual(["B4:B6", "B10", "D3"]);
    const many = Array.from({ length: 3000 }, (_, i) => ({ row: i * 2, col: 2, kind: "shortfall" as const }));
    const chunks = chunkAddresses(highlightAreas(many));
    expect(chunks.every((c) => c.length <= 2000)).toBe(true);
    expect(chunks.join(",").split(",")).toHaveLength(3000);
  });
});

