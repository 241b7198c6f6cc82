/**
 * The WPS adapter's reading and writing of cells, checked where mutation testing found them unchecked:
 * number formats read cell by cell, Kaohe's own area skipped, merged areas, a limit on what is read,
 * values written and formats set in runs, and the results sheet's fingerprint. Each test builds its
 * workbook in the simulator (test/sim/wps) itself.
 */
import { a1, type Grid } from "../../src/core/grid";
import { contents, clearCells, plain, rowsOf, setFormats, setValues } from "../../src/adapters/wps/cells";
import { readGrid } from "../../src/adapters/wps/read";
import { bgr } from "../../src/adapters/wps/highlights";
import { anchorSheet, deleteName, parseRefersTo, quoteSheet } from "../../src/adapters/wps/anchors";
import { wpsIssue } from "../../src/adapters/wps/errors";
import { sheetAt } from "../../src/adapters/wps/wps-types";
import { WpsHost } from "../../src/adapters/wps/wps-host";
import type { SeedCell } from "../contract/plain-book";
import { communitySeed } from "../contract/pane-host-contract";
import { createWpsSim } from "../sim/wps";
import { wpsScore, wpsSession } from "../helpers/wps-session";
import { columnLetter, parseRange } from "../../src/core/grid";
import { COMMUNITY_HEADERS } from "../helpers/community";
import { STATE_NAMESPACE } from "../../src/core/ownership/record";
import type { OutputClear, OutputWrite } from "../../src/core/ownership/transaction";

function sheetWith(rows: SeedCell[][], merges?: string[]) {
  const t = createWpsSim({ sheets: [{ name: "表", rows, ...(merges && { merges }) }], active: "表" });
  return { ...t, ws: sheetAt(t.sim.app.ActiveWorkbook.Worksheets, "表") };
}

/** A grid's cells by A1 address (holes skipped, anything stored in a row shows). */
function cellsOf(grid: Grid): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  grid.rows.forEach((line, r) => line?.forEach((c, col) => void (out[a1(r, col)] = c)));
  return out;
}

async function scoredSession() {
  const s = wpsSession();
  await s.session.open();
  await wpsScore(s);
  return s;
}

describe("WPS adapter: reading a user's sheet", () => {
  it("reads percent and permille formats cell by cell down a column whose cells differ, in a table away from A1", () => {
    const { ws } = sheetWith([
      [],
      [],
      [null, "单位", "率"],
      [null, "甲", { value: 0.5, format: "0.0%" }],
      [null, "乙", { value: 0.005, format: "0.0‰" }],
      [null, "丙", { value: 3, format: "0.0%" }],
    ]);
    expect(cellsOf(readGrid(ws, null))).toEqual({
      B3: { value: "单位" }, C3: { value: "率" },
      B4: { value: "甲" }, C4: { value: 0.5, numFmt: "0.0%" },
      B5: { value: "乙" }, C5: { value: 0.005, numFmt: "0.0‰" },
      B6: { value: "丙" }, C6: { value: 3, numFmt: "0.0%" },
    });
  });

  it("skips exactly Kaohe's recorded area, keeping the cells on each side of it", () => {
    const { ws } = sheetWith([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(cellsOf(readGrid(ws, { top: 1, left: 1, bottom: 1, right: 1 }))).toEqual({
      A1: { value: 1 }, B1: { value: 2 }, C1: { value: 3 },
      A2: { value: 4 }, C2: { value: 6 },
      A3: { value: 7 }, B3: { value: 8 }, C3: { value: 9 },
    });
  });

  it("reads a sheet holding a single cell away from A1, with its format, and booleans as booleans", () => {
    const { ws } = sheetWith([[], [], [], [null, null, { value: 0.25, format: "0%" }]]);
    expect(cellsOf(readGrid(ws, null))).toEqual({ C4: { value: 0.25, numFmt: "0%" } });
    const b = sheetWith([[true, false, "是"]]);
    expect(cellsOf(readGrid(b.ws, null))).toEqual({ A1: { value: true }, B1: { value: false }, C1: { value: "是" } });
  });

  it("reads only what lies within the limit's rows and columns of A1", () => {
    const { ws } = sheetWith([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(cellsOf(readGrid(ws, null, { maxRows: 2, maxCols: 2 }))).toEqual({ A1: { value: 1 }, B1: { value: 2 }, A2: { value: 4 }, B2: { value: 5 } });
    expect(cellsOf(readGrid(ws, null, { maxRows: 1, maxCols: 3 }))).toEqual({ A1: { value: 1 }, B1: { value: 2 }, C1: { value: 3 } });
    expect(cellsOf(readGrid(ws, null, { maxRows: 3, maxCols: 1 }))).toEqual({ A1: { value: 1 }, A2: { value: 4 }, A3: { value: 7 } });
  });

  it("reads nothing when the used range lies wholly below or right of the limit", () => {
    const below = sheetWith([[], [], [], [1, 2]]);
    expect(readGrid(below.ws, null, { maxRows: 2, maxCols: 5 })).toEqual({ sheet: "表", rows: [], merges: [] });
    const right = sheetWith([[null, null, null, null, 1], [null, null, null, null, 2]]);
    expect(readGrid(right.ws, null, { maxRows: 5, maxCols: 2 })).toEqual({ sheet: "表", rows: [], merges: [] });
  });

  it("finds a merged area in the last column, and one that covers the whole used range", () => {
    const { ws } = sheetWith([["a", "b", "c"], ["d", "e", null]], ["C1:C2"]);
    expect(readGrid(ws, null).merges).toEqual([{ top: 0, left: 2, bottom: 1, right: 2 }]);
    const whole = sheetWith([["标题"]], ["A1:B2"]);
    expect(readGrid(whole.ws, null).merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });

  it("gives a cell's value as the engine sees it: blanks as null, booleans, numbers and text as they are", () => {
    expect([plain(undefined), plain(null), plain(""), plain(true), plain(false), plain(0), plain("x")]).toEqual([null, null, null, true, false, 0, "x"]);
    expect(rowsOf(5, 1, 1)).toEqual([[5]]);
    expect(rowsOf(5, 2, 3)).toEqual([[5, 5, 5], [5, 5, 5]]);
    expect(rowsOf("x", 1, 2)).toEqual([["x", "x"]]);
    expect(rowsOf("x", 2, 1)).toEqual([["x"], ["x"]]);
  });

  it("reads a formula as its formula, text that looks like one as text, and constants as values", () => {
    const { ws } = sheetWith([[{ formula: "=B2*2" }, { value: "=1+1", format: "@" }, 97.5, null, "a="]]);
    expect(contents(ws.Range("A1:E1"), { top: 0, left: 0, bottom: 0, right: 4 })).toEqual([["=B2*2", "=1+1", 97.5, "", "a="]]);
    expect(contents(ws.Range("A1"), { top: 0, left: 0, bottom: 0, right: 0 })).toEqual([["=B2*2"]]);
  });
});

describe("WPS adapter: writing and clearing a user's cells", () => {
  it("sets formats in one call per run down a column and leaves a cell without a planned format as the user had it", () => {
    const t = sheetWith([[], [null, 1, 2], [null, 3, 4], [null, { value: 5, format: "0.0" }, 6], [null, 7, { value: 8, format: "0.00" }]]);
    const from = t.sim.control.changes;
    setFormats(t.ws, { top: 1, left: 1, bottom: 4, right: 2 }, [["@", "0%"], ["@", "0%"], [null, "0%"], ["0‰", null]]);
    expect(t.sim.control.changes - from).toBe(3);
    const cells = t.read().sheets[0]?.cells ?? {};
    expect([cells.B2?.format, cells.B3?.format, cells.B4?.format, cells.B5?.format]).toEqual(["@", "@", "0.0", "0‰"]);
    expect([cells.C2?.format, cells.C3?.format, cells.C4?.format, cells.C5?.format]).toEqual(["0%", "0%", "0%", "0.00"]);
  });

  it("writes each value of a row or a column into its own cell", () => {
    const t = sheetWith([[]]);
    setValues(t.ws, { top: 0, left: 0, bottom: 0, right: 2 }, [[1, "b", 3]]);
    setValues(t.ws, { top: 1, left: 0, bottom: 2, right: 0 }, [[4], [5]]);
    setValues(t.ws, { top: 4, left: 4, bottom: 4, right: 4 }, [["x"]]);
    expect(t.read().sheets[0]?.cells).toEqual({ A1: { value: 1 }, B1: { value: "b" }, C1: { value: 3 }, A2: { value: 4 }, A3: { value: 5 }, E5: { value: "x" } });
  });

  it("clears cells and gives back only the formats they had before", () => {
    const t = sheetWith([[{ value: "x", format: "@" }, { value: "y", format: "@" }, { value: 3, format: "0%" }]]);
    clearCells(t.ws, [{ row: 0, col: 0, format: "0.0%" }, { row: 0, col: 1, format: null }]);
    expect(t.read().sheets[0]?.cells).toEqual({ A1: { format: "0.0%" }, B1: { format: "@" }, C1: { value: 3, format: "0%" } });
  });
});

describe("WPS adapter: the results sheet and Kaohe's names", () => {
  it("the results sheet's fingerprint is the one recorded while it is as written, and 'changed' once the user writes just below or right of it", async () => {
    const t = await scoredSession();
    const snap = await t.host.snapshot();
    if (!snap.ok) throw new Error("no snapshot");
    const rec = snap.value.state.sheets[snap.value.token ?? ""]?.record?.results;
    if (!rec) throw new Error("no results record");
    expect(snap.value.results).toEqual({ name: rec.name, fingerprint: rec.fingerprint });
    t.user.edit(rec.name, a1(rec.rows, 0), "我的");
    const below = await t.host.snapshot();
    expect(below.ok && below.value.results).toEqual({ name: rec.name, fingerprint: "changed" });
    t.user.edit(rec.name, a1(rec.rows, 0), null);
    t.user.edit(rec.name, a1(0, rec.cols), "我的");
    const right = await t.host.snapshot();
    expect(right.ok && right.value.results).toEqual({ name: rec.name, fingerprint: "changed" });
  });

  it("quotes and unquotes sheet names with apostrophes, and reads only sheet-qualified references", () => {
    expect(quoteSheet("Bob's 表")).toBe("'Bob''s 表'");
    expect(parseRefersTo("='Bob''s 表'!$B$2:$C$3")).toEqual({ sheet: "Bob's 表", range: { top: 1, left: 1, bottom: 2, right: 2 } });
    expect(parseRefersTo("=考核!$A$1")).toEqual({ sheet: "考核", range: { top: 0, left: 0, bottom: 0, right: 0 } });
    expect(parseRefersTo("='a=b'!A1")).toEqual({ sheet: "a=b", range: { top: 0, left: 0, bottom: 0, right: 0 } });
    expect(parseRefersTo("'it'")).toBeNull();
    expect(parseRefersTo("!A1")).toEqual({ sheet: "", range: { top: 0, left: 0, bottom: 0, right: 0 } });
    expect(parseRefersTo("=#REF!")).toBeNull();
    expect(parseRefersTo("=$A$1")).toBeNull();
    expect(parseRefersTo("'a=b'!A1")?.sheet).toBe("a=b");
    expect([parseRefersTo("'ab!A1")?.sheet, parseRefersTo("ab'!A1")?.sheet]).toEqual(["'ab", "ab'"]);
  });

  it("turns a colour into the BGR number WPS uses, with or without '#'", () => {
    expect([bgr("#FFC7CE"), bgr("FFC7CE"), bgr("#0000FF")]).toEqual([0xcec7ff, 0xcec7ff, 0xff0000]);
  });

  it("a WPS error becomes host.failed with its message and the sheet", () => {
    expect(wpsIssue(new Error("下标越界"), "考核")).toMatchObject({ code: "host.failed", params: { detail: "下标越界" }, sheet: "考核" });
    expect(wpsIssue("x")).toMatchObject({ code: "host.failed", params: { detail: "x" }, sheet: "" });
  });
});

const OUT_COL = COMMUNITY_HEADERS.length;

const session = wpsSession;
const score = wpsScore;

describe("WPS adapter: what a run writes into the user's sheet", () => {
  it("numbers keep the format the user gave the output cells, text gets '@', and clearing gives the user's format back", async () => {
    const seed = communitySeed();
    const rows = seed.sheets[0]?.rows ?? [];
    for (let r = 3; r <= 5; r++) for (let c = OUT_COL; c < OUT_COL + 4; c++) (rows[r] ??= [])[c] = { format: "0.00" };
    const s = session(seed);
    const scored = await score(s);
    const area = parseRange(scored.report.record.area ?? "");
    if (!area) throw new Error("no area");
    const cells = s.read().sheets[0]?.cells ?? {};
    let numbers = 0;
    for (let r = 3; r <= 5; r++) for (let c = OUT_COL; c <= area.right; c++) {
      const cell = cells[a1(r, c)];
      if (typeof cell?.value === "number") numbers++;
      expect([a1(r, c), cell?.format]).toEqual([a1(r, c), typeof cell?.value === "string" ? "@" : "0.00"]);
    }
    expect(numbers).toBeGreaterThan(0);
    const results = s.read().sheets.find((x) => x.name === "考核明细")?.cells ?? {};
    for (const [at, c] of Object.entries(results)) expect([at, c.format]).toEqual([at, typeof c.value === "string" ? "@" : undefined]);
    expect((await s.session.clear()).ok).toBe(true);
    const after = s.read().sheets[0]?.cells ?? {};
    for (let r = 3; r <= 5; r++) for (let c = OUT_COL; c < OUT_COL + 4; c++) expect([a1(r, c), after[a1(r, c)]]).toEqual([a1(r, c), { format: "0.00" }]);
  });

  it("reports as written the cells now holding a value in the output area plus Kaohe's rules", async () => {
    const s = session();
    const scored = await score(s);
    const area = parseRange(scored.report.record.area ?? "");
    if (!area) throw new Error("no area");
    const sheet = s.read().sheets[0];
    const filled = Object.keys(sheet?.cells ?? {}).filter((at) => {
      const p = parseRange(at);
      const c = sheet?.cells[at];
      return p && p.top >= area.top && p.top <= area.bottom && p.left >= area.left && p.left <= area.right && (c?.value !== undefined || c?.formula !== undefined);
    }).length;
    const rules = (sheet?.rules ?? []).filter((r) => /kaohe-/.test(r.formula)).length;
    expect(rules).toBeGreaterThan(0);
    expect(scored.report.written).toBe(filled + rules);
  });

  it("a re-run with a unit fewer leaves the results sheet holding just what a first run on that table writes", async () => {
    const s = session();
    await score(s);
    for (let c = 0; c < OUT_COL; c++) s.user.edit("考核", a1(5, c), null);
    await score(s);
    const seed = communitySeed();
    seed.sheets[0] = { ...seed.sheets[0]!, rows: (seed.sheets[0]?.rows ?? []).slice(0, 5) };
    const fresh = session(seed);
    await score(fresh);
    const results = (x: ReturnType<typeof session>) => x.read().sheets.find((sh) => sh.name === "考核明细")?.cells;
    expect(results(s)).toEqual(results(fresh));
  });

  it("a user's comment on a result cell Kaohe would explain stays through a re-run and a clear", async () => {
    const s = session();
    // 阳光社区 (row 4) falls short on 计划生育率: Kaohe would put its explanation on its 考核结果 cell.
    s.sim.book.sheets[0]?.comments.set(`3,${OUT_COL + 2}`, "我的批注");
    await score(s);
    await score(s);
    expect(s.read().sheets[0]?.notes[a1(3, OUT_COL + 2)]).toBe("我的批注");
    await s.session.clear();
    expect(s.read().sheets[0]?.notes).toEqual({ [a1(3, OUT_COL + 2)]: "我的批注" });
  });

  it("marks each cell with its own kind of highlight, and leaves a rule of the user's through a run and a clear", async () => {
    const s = session();
    s.user.addRule("考核", "B4:B6", "=B4>90");
    await score(s);
    const rules = s.read().sheets[0]?.rules ?? [];
    const problem = rules.find((r) => /kaohe-problem/.test(r.formula));
    const shortfall = rules.find((r) => /kaohe-shortfall/.test(r.formula));
    // 城西社区's 群众满意率 is "abc" (row 6): a problem, not a shortfall.
    expect(problem?.address).toMatch(/6/);
    expect(shortfall?.address ?? "").not.toContain(problem?.address ?? "-");
    expect(rules).toContainEqual({ address: "B4:B6", formula: "=B4>90" });
    expect((await s.session.clear()).ok).toBe(true);
    expect(s.read().sheets[0]?.rules).toEqual([{ address: "B4:B6", formula: "=B4>90" }]);
  });

  it("keeps Kaohe's names hidden and another add-in's XML part in place", async () => {
    const s = session();
    s.sim.app.ActiveWorkbook.CustomXMLParts.Add('<other xmlns="urn:someone-else">x</other>');
    await score(s);
    await score(s);
    expect(s.sim.book.names.length).toBeGreaterThan(0);
    expect(s.sim.book.names.filter((n) => n.visible)).toEqual([]);
    expect(s.sim.book.parts.filter((p) => p.namespace === "urn:someone-else").length).toBe(1);
    expect(s.sim.book.parts.filter((p) => p.namespace === STATE_NAMESPACE).length).toBe(1);
  });
});

function writeTx(results: string | null): OutputWrite {
  const at = { top: 2, left: OUT_COL, bottom: 2, right: OUT_COL };
  return { sheet: "考核", token: "k1", area: at, values: [["x"]], priorFormats: [[null]], clear: [], overwrite: [], kept: [], dropNotes: [], intent: { area: at, cells: [""] }, highlights: [], notes: [], results: { name: "考核明细", rows: [["x"]], reuse: results }, rubric: { id: "r", version: "1" } };
}

describe("WPS adapter: refusals before anything is touched", () => {
  it("a write to a protected sheet, or needing a new sheet in a protected structure, is refused with the sheet named", async () => {
    const s = session();
    const snap = await s.host.snapshot();
    if (!snap.ok) throw new Error("no snapshot");
    const before = s.read();
    s.user.protectStructure(true);
    const r = await s.host.write(writeTx(null), snap.value.state, "now");
    expect(!r.ok && r.issues.map((i) => [i.code, i.params, i.sheet])).toEqual([["workbook.structureProtected", { sheet: "考核明细" }, "考核"]]);
    s.user.protectStructure(false);
    s.user.protectSheet("考核", true);
    const p = await s.host.write(writeTx(null), snap.value.state, "now");
    expect(!p.ok && p.issues.map((i) => [i.code, i.params, i.sheet])).toEqual([["sheet.protected", { sheet: "考核" }, "考核"]]);
    s.user.protectSheet("考核", false);
    expect(s.read()).toEqual(before);
  });

  it("a clear of a protected sheet, or of a results sheet in a protected structure, is refused before anything goes", async () => {
    const s = session();
    await score(s);
    const snap = await s.host.snapshot();
    if (!snap.ok) throw new Error("no snapshot");
    const tx: OutputClear = { sheet: "考核", token: "k1", clear: [{ row: 3, col: OUT_COL, format: null }], kept: [], notes: [], deleteResults: "考核明细", keptResults: null, forgetSheet: false };
    const before = s.read();
    s.user.protectSheet("考核", true);
    const p = await s.host.clear(tx, snap.value.state);
    expect(!p.ok && p.issues.map((i) => [i.code, i.params, i.sheet])).toEqual([["sheet.protected", { sheet: "考核" }, "考核"]]);
    s.user.protectSheet("考核", false);
    s.user.protectStructure(true);
    const r = await s.host.clear(tx, snap.value.state);
    expect(!r.ok && r.issues.map((i) => [i.code, i.params, i.sheet])).toEqual([["workbook.structureProtected", { sheet: "考核明细" }, "考核"]]);
    s.user.protectStructure(false);
    expect(s.read()).toEqual(before);
  });

  it("a clear leaves the user on the scored sheet when the results sheet was showing, and where they were otherwise", async () => {
    const onResults = session();
    await score(onResults);
    const tx: OutputClear = { sheet: "考核", token: "k1", clear: [], kept: [], notes: [], deleteResults: "考核明细", keptResults: null, forgetSheet: false };
    const snap = await onResults.host.snapshot();
    if (!snap.ok) throw new Error("no snapshot");
    onResults.user.activate("考核明细");
    expect((await onResults.host.clear(tx, snap.value.state)).ok).toBe(true);
    expect(onResults.sim.book.active.name).toBe("考核");
    const elsewhere = session();
    await score(elsewhere);
    elsewhere.user.activate("其他");
    expect((await elsewhere.host.clear(tx, snap.value.state)).ok).toBe(true);
    expect(elsewhere.sim.book.active.name).toBe("其他");
  });
});

describe("WPS adapter: a clear reads its work back", () => {
  it.each([
    ["cells that stay filled", "ClearContents", new RegExp(`^${columnLetter(OUT_COL)}\\d`)],
    ["a highlight rule that stays", "FormatCondition.Delete", /^highlights$/],
    ["a results sheet that stays", "Worksheet.Delete", /^考核明细$/],
  ])("reports %s as clear.unverified, naming what is left", async (_label, hold, left) => {
    const s = session();
    s.user.addRule("考核", "B4:B6", "=B4>90");
    await score(s);
    s.sim.control.holdOn = hold;
    const r = await s.session.clear();
    const problem = !r.ok ? r.issues.find((i) => i.code === "clear.unverified") : undefined;
    expect([problem?.sheet, String(problem?.params.left ?? "")]).toEqual(["考核", expect.stringMatching(left)]);
  });
});

describe("WPS host: its own settings", () => {
  it("speaks zh-CN unless told otherwise, keeps notes, has no undo grouping, and names no sheet for a failure of no sheet", async () => {
    const s = createWpsSim(communitySeed());
    const host = new WpsHost(s.sim.app);
    expect([host.displayLanguage(), new WpsHost(s.sim.app, () => "en-US").displayLanguage()]).toEqual(["zh-CN", "en-US"]);
    expect([host.supports("notes"), host.supports("undoGroup")]).toEqual([true, false]);
    const r = await host.readSheets(["没有这张表"]);
    expect(!r.ok && r.issues.map((i) => [i.code, i.sheet])).toEqual([["host.failed", ""]]);
  });

  it("reads the workbook with screen updating off, and turns it back on after", async () => {
    const s = createWpsSim(communitySeed());
    const app = s.sim.app;
    const seen: boolean[] = [];
    const spy = Object.create(app) as typeof app;
    Object.defineProperty(spy, "ActiveWorkbook", { get: () => (seen.push(spy.ScreenUpdating), app.ActiveWorkbook) });
    expect((await new WpsHost(spy).snapshot()).ok).toBe(true);
    expect([seen.length > 0, seen.every((on) => !on), spy.ScreenUpdating]).toEqual([true, true, true]);
  });

  it("saves the pane's state with the sheet's token on the sheet", async () => {
    const s = createWpsSim(communitySeed());
    const host = new WpsHost(s.sim.app);
    const snap = await host.snapshot();
    if (!snap.ok) throw new Error("no snapshot");
    expect((await host.saveState(snap.value.state, { name: "考核", token: "k7" })).ok).toBe(true);
    const again = await host.snapshot();
    expect(again.ok && again.value.token).toBe("k7");
    expect(s.sim.book.parts.filter((p) => p.namespace === STATE_NAMESPACE).length).toBe(1);
  });

  it("writes a rubric sheet's text as text and its numbers as numbers, and names the real cause when it fails", async () => {
    const s = createWpsSim(communitySeed());
    const host = new WpsHost(s.sim.app);
    const added = await host.addSheet({ name: "细则", rows: [["=1+1", 5, "4/5"], ["TRUE", null, 2]], headings: [0], validations: [] });
    expect(added.ok && added.value.name).toBe("细则");
    expect(s.read().sheets.find((x) => x.name === "细则")?.cells).toEqual({
      A1: { value: "=1+1", format: "@" }, B1: { value: 5 }, C1: { value: "4/5", format: "@" },
      A2: { value: "TRUE", format: "@" }, C2: { value: 2 },
    });
    s.sim.control.failOn = "Validation.Add";
    const failed = await host.addSheet({ name: "细则", rows: [["a"]], headings: [], validations: [{ ref: "A1", list: ["x", "y"] }] });
    const detail = !failed.ok ? failed.issues[0]?.params.detail : undefined;
    expect(!failed.ok && failed.issues.map((i) => [i.code, i.params.cleaned])).toEqual([["rubricSheet.addFailed", "yes"]]);
    expect(typeof detail === "string" && detail.length > 0 && detail !== "Stryker was here!").toBe(true);
  });
});

describe("WPS adapter: which sheet and which record a snapshot reads", () => {
  it("reads the sheet asked for, its results sheet's owner through a rename, and only Kaohe's record when the grid is not wanted", async () => {
    const s = session();
    await score(s);
    s.user.activate("考核");
    const other = await s.host.snapshot({ sheet: "其他" });
    expect(other.ok && [other.value.grid.sheet, cellsOf(other.value.grid).A1]).toEqual(["其他", { value: "别动我" }]);
    s.user.renameSheet("考核", "考核2026");
    const results = await s.host.snapshot({ sheet: "考核明细" });
    expect(results.ok && results.value.resultsOf).toBe("考核2026");
    const own = await s.host.snapshot({ sheet: "考核2026" });
    expect(own.ok && own.value.resultsOf).toBeNull();
    const bare = await s.host.snapshot({ grid: false });
    expect(bare.ok && bare.value.grid).toEqual({ sheet: "考核2026", rows: [], merges: [] });
    expect(bare.ok && bare.value.owned?.cells.length).toBeGreaterThan(0);
  });

  it("a sheet carrying another sheet's token (a copy) has no record of its own, and a record whose area name is gone owns no cells", async () => {
    const s = session();
    await score(s);
    const wb = s.sim.app.ActiveWorkbook;
    anchorSheet(sheetAt(wb.Worksheets, "其他"), "k1");
    const copy = await s.host.snapshot({ sheet: "其他" });
    expect(copy.ok && [copy.value.token, copy.value.owned, copy.value.results]).toEqual([null, null, null]);
    deleteName(wb, "_Kaohe_O_k1");
    const lost = await s.host.snapshot({ sheet: "考核" });
    expect(lost.ok && lost.value.owned).toEqual({ area: null, cells: [] });
    const orphan = await s.host.snapshot({ sheet: "考核明细" });
    expect(orphan.ok && orphan.value.resultsOf).toBe("?");
  });
});

describe("WPS adapter: adding a rubric sheet", () => {
  it("adds an empty rubric as an empty sheet", async () => {
    const s = createWpsSim(communitySeed());
    const added = await new WpsHost(s.sim.app).addSheet({ name: "空", rows: [], headings: [], validations: [] });
    expect(added.ok && added.value.name).toBe("空");
    expect(s.read().sheets.find((x) => x.name === "空")?.cells).toEqual({});
  });

  it("says the sheet could not be removed again, and why, when cleaning up a failed add fails too", async () => {
    const sheet = { name: "细则", rows: [["a"]], headings: [], validations: [{ ref: "A1", list: ["x", "y"] }] };
    const dry = createWpsSim(communitySeed());
    dry.sim.control.failOn = "Validation.Add";
    await new WpsHost(dry.sim.app).addSheet(sheet);
    const at = dry.sim.control.log.findIndex((w) => w.startsWith("删除工作表")) + 1;
    expect(at).toBeGreaterThan(0);
    const s = createWpsSim(communitySeed());
    s.sim.control.failOn = "Validation.Add";
    s.sim.control.failAt = at;
    const r = await new WpsHost(s.sim.app).addSheet(sheet);
    const p = !r.ok ? r.issues[0] : undefined;
    expect([p?.code, p?.params.cleaned, p?.sheet]).toEqual(["rubricSheet.addFailed", "no", "细则"]);
    expect(String(p?.params.left)).toMatch(/删除工作表/);
    expect(String(p?.params.detail)).toMatch(/Validation.Add/);
  });
});
