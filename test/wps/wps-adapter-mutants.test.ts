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
import { parseRefersTo, quoteSheet } from "../../src/adapters/wps/anchors";
import { wpsIssue } from "../../src/adapters/wps/errors";
import { sheetAt } from "../../src/adapters/wps/wps-types";
import { WpsHost } from "../../src/adapters/wps/wps-host";
import { PaneSession } from "../../src/app/pane-session";
import { catalog } from "../../src/i18n";
import type { SeedCell } from "../contract/plain-book";
import { communitySeed } from "../contract/pane-host-contract";
import { createWpsSim } from "../sim/wps";

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
  const t = createWpsSim(communitySeed());
  const host = new WpsHost(t.sim.app);
  const session = new PaneSession(host, catalog("zh-CN"), () => "2026-11-23T12:00:00.000Z");
  await session.open();
  const r = await session.score();
  if (!r.ok || r.value.kind !== "scored") throw new Error(`not scored: ${JSON.stringify(r)}`);
  return { ...t, host, session };
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
  });

  it("turns a colour into the BGR number WPS uses, with or without '#'", () => {
    expect([bgr("#FFC7CE"), bgr("FFC7CE"), bgr("#0000FF")]).toEqual([0xcec7ff, 0xcec7ff, 0xff0000]);
  });

  it("a WPS error becomes host.failed with its message and the sheet", () => {
    expect(wpsIssue(new Error("下标越界"), "考核")).toMatchObject({ code: "host.failed", params: { detail: "下标越界" }, sheet: "考核" });
    expect(wpsIssue("x")).toMatchObject({ code: "host.failed", params: { detail: "x" }, sheet: "" });
  });
});
