/**
 * What the Excel adapter reads from a user's sheet (src/adapters/excel/read.ts, sheets.ts), how it maps
 * Office errors to messages (errors.ts), and how the pane follows the user's selection (excel-host.ts),
 * on the Office.js simulator. Written from the mutation-testing survivors (docs/mutation.md): each test
 * names what the engine would be given wrongly, or what the user would be told wrongly.
 * Sessions and sheets are made inside each test (mutation coverage per test).
 */
import type { Grid, GridCell } from "../../src/core/grid";
import type { Result } from "../../src/core/issue";
import { Refusal } from "../../src/app/pane-host";
import { issue } from "../../src/core/issue";
import { officeCode, officeIssue } from "../../src/adapters/excel/errors";
import { ExcelHost } from "../../src/adapters/excel/excel-host";
import type { ReadLimits } from "../../src/adapters/excel/read";
import { codes, simSession } from "../helpers/excel-sim";
import { asOfficeJs, type OfficeSim } from "../sim/office";
import { communitySeed } from "./community-seed";
import type { SimSeed } from "../sim/office";

/** A second host on the same workbook, with its own read limit (the session's host keeps the default). */
function hostOn(sim: OfficeSim, limits?: ReadLimits, sets: (name: string, version: string) => boolean = () => true) {
  const typed = asOfficeJs(sim);
  return new ExcelHost((o, b) => typed.Excel.run(o, b), () => "zh-CN", sets, limits);
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
/** The grid's cells by [row, col], for exact comparison. */
const cellMap = (g: Grid) => {
  const out: Record<string, GridCell> = {};
  g.rows.forEach((row, r) => row?.forEach((c, col) => { if (c) out[`${r},${col}`] = c; }));
  return out;
};
const plainSeed = (rows: SimSeed["sheets"] extends (infer S)[] | undefined ? S : never): SimSeed => ({ sheets: [rows, { name: "其他", rows: [["x"]] }] });

describe("Excel read: what a user's cell becomes in the grid", () => {
  it("numbers keep their number format (0%, 0.0‰) and General numbers carry none; text, booleans and blanks are read as they are", async () => {
    const t = simSession(plainSeed({
      name: "表",
      rows: [
        ["单位", "率", "千分率", "数", "是否", "备注"],
        ["甲", { v: 0.88, nf: "0%" }, { v: 5, nf: "0.0‰" }, 12, true, "达标"],
        ["乙", { v: 0.5, nf: "0%" }, "", 3, false, { v: "12", nf: "@" }],
      ],
    }));
    const s = value(await t.host.snapshot({ sheet: "表" }));
    expect(cellMap(s.grid)).toEqual({
      "0,0": { value: "单位" }, "0,1": { value: "率" }, "0,2": { value: "千分率" }, "0,3": { value: "数" }, "0,4": { value: "是否" }, "0,5": { value: "备注" },
      "1,0": { value: "甲" }, "1,1": { value: 0.88, numFmt: "0%" }, "1,2": { value: 5, numFmt: "0.0‰" }, "1,3": { value: 12 }, "1,4": { value: true }, "1,5": { value: "达标" },
      "2,0": { value: "乙" }, "2,1": { value: 0.5, numFmt: "0%" }, "2,3": { value: 3 }, "2,4": { value: false }, "2,5": { value: "12", numFmt: "@" },
    });
    expect(s.grid.rows[2]?.[2]).toBeUndefined(); // an empty cell is no cell
    expect(s.grid.sheet).toBe("表");
  });

  it("merged areas of the user's sheet are passed on (the title rows), and a sheet without merges has none", async () => {
    const t = simSession(communitySeed());
    const s = value(await t.host.snapshot({ sheet: "考核" }));
    expect(s.grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }, { top: 1, left: 0, bottom: 1, right: 5 }]);
    const other = value(await t.host.snapshot({ sheet: "其他" }));
    expect(other.grid.merges).toEqual([]);
  });

  it("after scoring, Kaohe's output area is left out of the grid and every user cell around it is still read", async () => {
    const t = simSession(communitySeed());
    await t.session.open();
    const before = cellMap(value(await t.host.snapshot({ sheet: "考核" })).grid);
    expect((value(await t.session.score()) as { kind: string }).kind).toBe("scored");
    // The output area is AH3:AK7 (rows 2–6, columns 33–36): user cells just above, below, right of it.
    t.user.editCell("考核", "AH2", "上方备注");
    t.user.editCell("考核", "AK8", "下方备注");
    t.user.editCell("考核", "AL3", "右侧备注");
    t.user.editCell("考核", "AL7", 7);
    t.user.editCell("考核", "AH7", "写进输出区"); // inside Kaohe's area (its last row): still not the user's table
    const s = value(await t.host.snapshot({ sheet: "考核" }));
    expect(s.owned?.area).toEqual({ top: 2, left: 33, bottom: 6, right: 36 });
    expect(cellMap(s.grid)).toEqual({
      ...before,
      "1,33": { value: "上方备注" },
      "7,36": { value: "下方备注" },
      "2,37": { value: "右侧备注" },
      "6,37": { value: 7 },
    });
  });

  it("the recorded output cells are read back whole (5 rows × 4 columns, as written), for the ownership check", async () => {
    const t = simSession(communitySeed());
    await t.session.open();
    value(await t.session.score());
    const s = value(await t.host.snapshot({ sheet: "考核", grid: false }));
    const cells = s.owned?.cells ?? [];
    expect(cells.length).toBe(5);
    expect(cells.every((row) => row.length === 4)).toBe(true);
    expect(cells[0]?.[0]).not.toBe("");
  });

  it("a recorded area larger than the read limit is refused with its own cell count (20 = 5 × 4), one at the limit is read", async () => {
    const t = simSession(communitySeed());
    await t.session.open();
    value(await t.session.score());
    const at = (maxCells: number) => hostOn(t.sim, { maxCells }).snapshot({ sheet: "考核", grid: false });
    expect(codes(await at(19))).toEqual([["table.tooLarge", { cells: 20, limit: 19 }]]);
    expect(value(await at(20)).owned?.cells.length).toBe(5);
  });

  it("a sheet too large with Kaohe's columns is read either side of them (the user's columns only); one cell more is refused", async () => {
    const t = simSession(communitySeed());
    await t.session.open();
    value(await t.session.score());
    t.user.editCell("考核", "AL3", "右侧备注"); // used range A1:AL7 = 7 × 38 = 266 cells; without AH:AK 7 × 34 = 238
    const whole = cellMap(value(await t.host.snapshot({ sheet: "考核" })).grid);
    expect(whole["2,37"]).toEqual({ value: "右侧备注" });
    const at = (maxCells: number) => hostOn(t.sim, { maxCells }).snapshot({ sheet: "考核" });
    expect(cellMap(value(await at(238)).grid)).toEqual(whole);
    expect(codes(await at(237))).toEqual([["table.tooLarge", { cells: 266, limit: 237 }]]);
  });

  it("a sheet Kaohe never scored is read up to exactly the limit, and refused one cell over it", async () => {
    const t = simSession(plainSeed({ name: "表", rows: [["单位", "得分", "备注"], ["甲", 1, "x"], ["乙", 2, "y"]] })); // 3 × 3 = 9
    t.user.setNumberFormat("表", "Z100", "0.00"); // formatted, empty: not part of what is read
    const at = (maxCells: number) => hostOn(t.sim, { maxCells }).snapshot({ sheet: "表" });
    expect(Object.keys(cellMap(value(await at(9)).grid))).toHaveLength(9);
    expect(codes(await at(8))).toEqual([["table.tooLarge", { cells: 9, limit: 8 }]]);
  });
});

describe("Excel read: the results sheet and Kaohe's names", () => {
  async function scoredResults() {
    const t = simSession(communitySeed());
    await t.session.open();
    value(await t.session.score());
    const s = value(await t.host.snapshot({ sheet: "考核" }));
    const size = s.token ? s.state.sheets[s.token]?.record?.results : undefined;
    if (!size || !s.results) throw new Error("no results sheet recorded");
    return { t, s, size, name: s.results.name };
  }
  const fingerprint = async (t: ReturnType<typeof simSession>) => value(await t.host.snapshot({ sheet: "考核" })).results?.fingerprint;

  it("a value typed just below or just right of what Kaohe wrote on the results sheet makes that sheet the user's (changed)", async () => {
    for (const where of ["below", "right"] as const) {
      const { t, s, size, name } = await scoredResults();
      expect(s.results?.fingerprint).not.toBe("changed");
      const a1 = where === "below" ? `A${size.rows + 1}` : `${String.fromCharCode(65 + size.cols)}1`;
      t.user.editCell(name, a1, "我的备注");
      expect(await fingerprint(t)).toBe("changed");
    }
  });

  it("a value changed inside the results block changes its fingerprint; a number format alone beyond it changes nothing", async () => {
    const { t, s, size, name } = await scoredResults();
    t.user.setNumberFormat(name, `${String.fromCharCode(65 + size.cols)}${size.rows + 1}`, "0.00");
    expect(await fingerprint(t)).toBe(s.results?.fingerprint);
    t.user.editCell(name, "A2", "改了");
    const now = await fingerprint(t);
    expect(now).not.toBe("changed");
    expect(now).not.toBe(s.results?.fingerprint);
  });

  it("the results sheet names the sheet it belongs to; another sheet names none", async () => {
    const { t, name } = await scoredResults();
    expect(value(await t.host.snapshot({ sheet: name })).resultsOf).toBe("考核");
    expect(value(await t.host.snapshot({ sheet: "其他" })).resultsOf).toBeNull();
  });

  it("a results name whose output name is missing or broken still reads, naming the owner as unknown (?)", async () => {
    for (const out of [null, "=#REF!"]) {
      const t = simSession({
        sheets: [{ name: "考核", rows: [["单位"], ["甲"]] }, { name: "明细", rows: [["x"]] }],
        names: [{ name: "_Kaohe_R_k9", ref: "=明细!$A$1" }, ...(out ? [{ name: "_Kaohe_O_k9", ref: out }] : [])],
      });
      expect(value(await t.host.snapshot({ sheet: "明细" })).resultsOf).toBe("?");
    }
  });

  it("a copy's sheet token (the original's) does not make the copy Kaohe's: no token, no owned area, its cells all read", async () => {
    const { t } = await scoredResults();
    t.user.editCell("其他", "A3", "副本里的");
    t.user.addName("_Kaohe_Sheet", '="k1"', "其他");
    const copy = value(await t.host.snapshot({ sheet: "其他" }));
    expect(copy.token).toBeNull();
    expect(copy.owned).toBeNull();
    expect(cellMap(copy.grid)["2,0"]).toEqual({ value: "副本里的" });
  });

  it("a sheet asked for by a name that is not there is reported as unknown, with the sheets there are", async () => {
    const t = simSession(communitySeed());
    const r = await t.host.snapshot({ sheet: "不存在" });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["sheet.unknown"]);
  });

  it("a sheet token and output name with no record in Kaohe's state make nothing Kaohe's: every cell is read as the user's", async () => {
    const t = simSession({
      sheets: [{ name: "考核", rows: [["单位", "得分"], ["甲", 90], ["乙", 80]], names: [{ name: "_Kaohe_Sheet", ref: '="k5"' }] }, { name: "明细", rows: [["x"]] }],
      names: [{ name: "_Kaohe_O_k5", ref: "=考核!$B$1:$B$3" }, { name: "_Kaohe_R_k5", ref: "=明细!$A$1" }],
    });
    const s = value(await t.host.snapshot({ sheet: "考核" }));
    expect(s.token).toBe("k5");
    expect(s.owned).toBeNull();
    expect(s.results).toBeNull();
    expect(cellMap(s.grid)).toEqual({ "0,0": { value: "单位" }, "0,1": { value: "得分" }, "1,0": { value: "甲" }, "1,1": { value: 90 }, "2,0": { value: "乙" }, "2,1": { value: 80 } });
  });

  it("a host failure reading the sheet is reported with its real cause, not as an unknown sheet", async () => {
    const t = simSession(communitySeed());
    t.user.failNext("Worksheet.load", "GeneralException", "boom");
    expect(codes(await t.host.snapshot())).toEqual([["host.failed", { detail: "GeneralException: boom" }]]);
    t.user.failNext("Worksheet.load", "ItemNotFound", "gone");
    expect(codes(await t.host.snapshot({ sheet: "考核" }))).toEqual([["host.failed", { detail: "ItemNotFound: gone" }]]);
    t.user.failNext("Worksheet.load", "ItemNotFound", "lost");
    expect(codes(await t.host.snapshot())).toEqual([["host.failed", { detail: "ItemNotFound: lost" }]]);
  });
});

describe("Excel errors: which Office error becomes which message", () => {
  const office = (code: string, message: string) => Object.assign(new Error(message), { code });
  it("each Office error code maps to its own message, with the sheet where one is named", () => {
    expect(officeIssue(office("InvalidOperationInCellEditMode", "editing"), "考核")).toEqual(issue("sheet.editing", {}));
    for (const code of ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]) {
      expect(officeIssue(office(code, "too big"), "考核")).toEqual({ code: "table.tooLarge", severity: "error", params: { cells: "?", limit: "5 MB" }, sheet: "考核" });
    }
    expect(officeIssue(office("GeneralException", "boom"), "考核")).toEqual({ code: "host.failed", severity: "error", params: { detail: "GeneralException: boom" }, sheet: "考核" });
    expect(officeIssue(new Error("plain"))).toEqual({ code: "host.failed", severity: "error", params: { detail: "plain" }, sheet: "" });
    const refusal = issue("sheet.protected", { sheet: "考核" }, { sheet: "考核" });
    expect(officeIssue(new Refusal(refusal))).toBe(refusal);
  });

  it("anything thrown that is not an object (null, undefined, a string) is reported as itself, without a code", () => {
    expect(officeCode(null)).toBe("");
    expect(officeCode(undefined)).toBe("");
    expect(officeCode("ItemNotFound")).toBe("");
    expect(officeCode({ code: 42 })).toBe("42");
    expect(officeIssue(null).params).toEqual({ detail: "null" });
    expect(officeIssue(undefined).params).toEqual({ detail: "undefined" });
  });

  it("a batch failing because a cell is being edited tells the user to finish editing", async () => {
    const t = simSession(communitySeed());
    t.user.failNext("Worksheet.load", "InvalidOperationInCellEditMode", "edit mode");
    expect(codes(await t.host.snapshot())).toEqual([["sheet.editing", {}]]);
  });
});

describe("Excel whole-sheet reads (readSheets: 评分细则 sheets)", () => {
  it("reads values and formats from where the used range starts, clipped to the limit in sheet rows and columns", async () => {
    const t = simSession({ sheets: [{ name: "细则", origin: "B2", rows: [["项目", { v: 0.5, nf: "0%" }, "c"], ["甲", 1, "d"], ["乙", 2, "e"]] }, { name: "空", rows: [] }] });
    const [whole, empty] = value(await t.host.readSheets(["细则", "空"]));
    expect(cellMap(whole as Grid)).toEqual({
      "1,1": { value: "项目" }, "1,2": { value: 0.5, numFmt: "0%" }, "1,3": { value: "c" },
      "2,1": { value: "甲" }, "2,2": { value: 1 }, "2,3": { value: "d" }, "3,1": { value: "乙" }, "3,2": { value: 2 }, "3,3": { value: "e" },
    });
    expect(empty).toEqual({ sheet: "空", rows: [], merges: [] });
    const [top] = value(await t.host.readSheets(["细则"], { maxRows: 3, maxCols: 3 }));
    expect(cellMap(top as Grid)).toEqual({ "1,1": { value: "项目" }, "1,2": { value: 0.5, numFmt: "0%" }, "2,1": { value: "甲" }, "2,2": { value: 1 } });
    expect(top?.merges).toEqual([]);
  });

  it("a limit that ends at or before the used range reads nothing (no rows, no columns)", async () => {
    const t = simSession({ sheets: [{ name: "细则", origin: "C3", rows: [["项目", 1], ["甲", 2]] }] });
    expect(value(await t.host.readSheets(["细则"], { maxRows: 2, maxCols: 10 }))).toEqual([{ sheet: "细则", rows: [], merges: [] }]);
    expect(value(await t.host.readSheets(["细则"], { maxRows: 10, maxCols: 2 }))).toEqual([{ sheet: "细则", rows: [], merges: [] }]);
  });

  it("a sheet over the cell limit is refused with its size; formats alone far out do not count; merges are passed on", async () => {
    const t = simSession({ sheets: [{ name: "大", cells: { A1: "x", SG501: "y" } }, { name: "刚好", cells: { A1: "x", SF500: "y" } }, { name: "细则", rows: [["标题"], ["a", "b"]], merges: ["A1:B1"] }] });
    expect(codes(await t.host.readSheets(["大"]))).toEqual([["table.tooLarge", { cells: 501 * 501, limit: 250_000 }]]);
    expect(Object.keys(cellMap(value(await t.host.readSheets(["刚好"]))[0] as Grid))).toEqual(["0,0", "499,499"]); // 500 × 500: at the limit
    t.user.setNumberFormat("细则", "ZZ1000", "0.00");
    const [g] = value(await t.host.readSheets(["细则"]));
    expect(g?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(Object.keys(cellMap(g as Grid))).toHaveLength(3);
  });
});

describe("Excel host: the pane following the user", () => {
  it("select shows the cell on its sheet; selection and activation events name the sheet and the 0-based row", async () => {
    const t = simSession(communitySeed());
    await t.host.select("其他", "B2");
    const m = t.user.snapshot();
    expect(m.activeSheet).toBe("其他");
    expect(m.selection).toBe("B2");
    const seen: Array<[string, number]> = [];
    const activated: string[] = [];
    t.host.onSelectionChanged((sheet, row) => seen.push([sheet, row]));
    t.host.onActivated((sheet) => activated.push(sheet));
    await t.user.settle();
    await t.user.activate("考核");
    await t.user.select("考核", "C12");
    await t.user.settle();
    expect(activated).toContain("考核");
    expect(seen).toContainEqual(["考核", 11]);
  });
});
