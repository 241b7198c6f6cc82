/**
 * The write and clear transactions as data (core/ownership/transaction), pinned where only host tests
 * reached them: the rectangle a run writes, the intent kept while writing, the record kept after it,
 * which notes are Kaohe's to drop or add, and how areas are joined into addresses.
 */
import { type CellRange, a1, rangeA1 } from "../../src/core/grid";
import { compareOwned } from "../../src/core/ownership/compare";
import { type CellContent, fingerprint } from "../../src/core/ownership/fingerprint";
import type { OutputRecord } from "../../src/core/ownership/record";
import {
  areaValues, buildOutputClear, buildOutputWrite, chunkAddresses, intentRecord, isKaohesNote, notePlan, type Previous, recordOf,
} from "../../src/core/ownership/transaction";
import type { WritePlan } from "../../src/core/plan/write-plan";

const STAMP = { id: "r", version: "1" };
const AT = "2026-11-23T00:00:00Z";
const AREA: CellRange = { top: 2, left: 5, bottom: 4, right: 6 }; // F3:G5

const plan = (area: CellRange, over: Partial<WritePlan> = {}): WritePlan => ({
  sheet: "考核", headerRow: area.top, firstCol: area.left, headers: ["总分", "排名"],
  rows: [{ row: area.top + 1, values: [99, 1] }, { row: area.top + 2, values: [80, 2] }],
  notes: [], highlights: [], results: { name: "考核明细", rows: [["Kaohe 考核明细"]] }, owned: area,
  ...over,
});

function previous(written: CellContent[][], now: CellContent[][], over: Partial<OutputRecord> = {}, results: Previous["results"] = { name: "考核明细", changed: false }): Previous {
  const record: OutputRecord = {
    status: "done", area: rangeA1(AREA), cells: written.flat().map(fingerprint), formats: written.flat().map((_, i) => `f${i}`),
    notes: [], rubric: STAMP, at: AT, ...over,
  };
  return { record, area: AREA, ownership: compareOwned(record, AREA, now), results };
}
const WRITTEN: CellContent[][] = [["总分", "排名"], [97.5, 1], [90, 2]];

describe("the rectangle a run writes", () => {
  it("puts headers on the header row and unit values on their rows, empty elsewhere in the owned area", () => {
    const owned = { top: 2, left: 5, bottom: 5, right: 8 };
    const p = plan(owned, { firstCol: 6, rows: [{ row: 3, values: [99, 1] }, { row: 5, values: [80, 2] }, { row: 9, values: [1, 1] }] });
    expect(areaValues(p)).toEqual([
      [null, "总分", "排名", null],
      [null, 99, 1, null],
      [null, null, null, null],
      [null, 80, 2, null],
    ]);
  });
});

describe("a write after an earlier run", () => {
  it("without an earlier run: nothing to clear, keep or drop; the plan's results sheet, new", () => {
    const tx = buildOutputWrite(plan(AREA), "k1", STAMP, undefined);
    expect([tx.clear, tx.kept, tx.overwrite, tx.dropNotes]).toEqual([[], [], [], []]);
    expect(tx.priorFormats).toEqual([[null, null], [null, null], [null, null]]);
    expect(tx.results).toEqual({ name: "考核明细", rows: [["Kaohe 考核明细"]], reuse: null });
    expect(tx.intent).toEqual({ area: AREA, cells: ["总分", "排名", 99, 1, 80, 2].map(fingerprint) });
    expect([tx.sheet, tx.token, tx.rubric]).toEqual(["考核", "k1", STAMP]);
  });

  it("a results sheet the user changed is asked about before it is replaced; a gone one is made anew", () => {
    const changed = buildOutputWrite(plan(AREA), "k1", STAMP, previous(WRITTEN, WRITTEN, {}, { name: "明细（改）", changed: true }));
    expect(changed.overwrite).toEqual([{ row: 0, col: 0, cell: "明细（改）!A1", now: "明细（改）" }]);
    expect(changed.results.reuse).toBe("明细（改）");
    const gone = buildOutputWrite(plan(AREA), "k1", STAMP, previous(WRITTEN, WRITTEN, {}, null));
    expect(gone.overwrite).toEqual([]);
    expect(gone.results).toMatchObject({ name: "考核明细", reuse: null });
  });

  it("keeps the formats cells had before Kaohe, for cells kept in the area and cells replaced", () => {
    const tx = buildOutputWrite(plan(AREA), "k1", STAMP, previous(WRITTEN, [["总分", "排名"], [97.5, "改"], [90, 2]]));
    expect(tx.priorFormats).toEqual([["f0", "f1"], ["f2", "f3"], ["f4", "f5"]]);
    expect(tx.overwrite.map((c) => c.cell)).toEqual(["G4"]);
  });

  it("the intent box spans the earlier area where it lies above and left of the new one", () => {
    const moved = { top: 3, left: 6, bottom: 5, right: 7 }; // G4:H6, one down and one right
    const tx = buildOutputWrite(plan(moved), "k1", STAMP, previous(WRITTEN, WRITTEN));
    expect(rangeA1(tx.intent.area)).toBe("F3:H6");
    const at = (cell: string) => {
      const c = ["F", "G", "H"].indexOf(cell[0] ?? "");
      return tx.intent.cells[(Number(cell.slice(1)) - 3) * 3 + c];
    };
    expect(at("F3")).toBe(fingerprint("总分"));
    expect(at("G3")).toBe(fingerprint("排名"));
    expect(at("H3")).toBe("");
    expect(at("G4")).toBe(`${fingerprint("总分")}|${fingerprint(1)}`);
    expect(at("H6")).toBe(fingerprint(2));
    expect(tx.intent.cells).toHaveLength(12);
    expect(tx.clear.map((c) => a1(c.row, c.col))).toEqual(["F3", "G3", "F4", "F5"]);
  });
});

describe("Kaohe's notes", () => {
  it("a note is Kaohe's while its text is either text of its record", () => {
    const n = { cell: "B2", f: `${fingerprint("旧")}|${fingerprint("新")}` };
    expect(["旧", "新", "用户的", null].map((t) => isKaohesNote(n, t))).toEqual([true, true, false, false]);
    expect(isKaohesNote({ cell: "B2", f: fingerprint("") }, null)).toBe(true);
  });

  it("of an earlier run are found where their cells are now, both texts of a part-way record accepted", () => {
    const record = { notes: [{ i: 3, f: fingerprint("旧") }, { i: 3, f: fingerprint("新") }, { i: 4, f: fingerprint("五") }] };
    const prev = previous(WRITTEN, [["总分", "排名"], [97.5, 1], ["改", 2]], record);
    expect(buildOutputWrite(plan(AREA), "k1", STAMP, prev).dropNotes).toEqual([
      { cell: "G4", f: `${fingerprint("旧")}|${fingerprint("新")}` },
      { cell: "F5", f: fingerprint("五") },
    ]);
    expect(buildOutputClear("考核", "k1", prev).notes).toEqual([
      { cell: "G4", f: `${fingerprint("旧")}|${fingerprint("新")}` },
      { cell: "F5", f: fingerprint("五") },
    ]);
  });

  it("a run drops Kaohe's old note and adds its own; a user's note stays and gets nothing over it", () => {
    const prev = previous(WRITTEN, WRITTEN, { notes: [{ i: 3, f: fingerprint("旧说明") }, { i: 5, f: fingerprint("另一条") }] });
    const tx = buildOutputWrite(plan(AREA, { notes: [{ row: 3, col: 6, text: "新说明" }, { row: 4, col: 5, text: "第三" }] }), "k1", STAMP, prev);
    const p = notePlan(tx);
    expect(p.cells).toEqual(["G4", "G5", "F5"]);
    expect(p.action("G4", "旧说明")).toEqual({ drop: true, add: "新说明" });
    expect(p.action("G4", "用户的批注")).toEqual({ drop: false, add: undefined });
    expect(p.action("G4", null)).toEqual({ drop: false, add: "新说明" });
    expect(p.action("G5", "另一条")).toEqual({ drop: true, add: undefined });
    expect(p.action("F5", null)).toEqual({ drop: false, add: "第三" });
    expect(p.action("F5", "另一条")).toEqual({ drop: false, add: undefined });
  });
});

describe("the intent record kept while writing", () => {
  it("holds the formats before Kaohe over both areas and the notes Kaohe may leave", () => {
    const moved = { top: 2, left: 6, bottom: 4, right: 7 }; // G3:H5: F3:F5 is cleared
    const prev = previous(WRITTEN, WRITTEN, { notes: [{ i: 3, f: fingerprint("旧说明") }] });
    const tx = buildOutputWrite(plan(moved, { notes: [{ row: 3, col: 6, text: "新说明" }, { row: 4, col: 7, text: "第三" }] }), "k1", STAMP, prev);
    const prior = [["G3", "H3"], ["G4", "H4"], ["G5", "H5"]].map((r) => r.map((c) => `p${c}`));
    const notes = [{ cell: "G4", text: "旧说明" }, { cell: "H5", text: "用户的" }, { cell: "bad", text: null }];
    const r = intentRecord(tx, prior, notes, AT);
    expect(r.status).toBe("writing");
    expect(r.area).toBe("F3:H5");
    expect(r.cells).toBe(tx.intent.cells);
    // F: the cleared cells' formats before Kaohe (f0, f2, f4); G and H: what the host read.
    expect(r.formats).toEqual(["f0", "pG3", "pH3", "f2", "pG4", "pH4", "f4", "pG5", "pH5"]);
    expect(r.notes).toEqual([{ i: 4, f: fingerprint("旧说明") }, { i: 4, f: fingerprint("新说明") }]);
    expect(r.results).toEqual({ name: "考核明细", rows: 0, cols: 0, fingerprint: "*" });
    expect([r.rubric, r.at]).toEqual([STAMP, AT]);
  });

  it("a cell whose format is unknown is recorded as empty, not as another cell's", () => {
    const tx = buildOutputWrite(plan(AREA), "k1", STAMP, undefined);
    expect(intentRecord(tx, [["@"]], [], AT).formats).toEqual(["@", "", "", "", "", ""]);
  });
});

describe("the record of a finished write", () => {
  const tx = () => buildOutputWrite(plan(AREA, { notes: [{ row: 3, col: 6, text: "说明" }, { row: 4, col: 5, text: "另" }, { row: 9, col: 9, text: "界外" }] }), "k1", STAMP, undefined);
  const written = { fingerprints: ["a", "b", "c", "d", "e", "f"], formats: ["@", "G", "G", "G", "G", "G"], results: { rows: 3, cols: 4, fingerprint: "h1" } };

  it("is what the host read back, with the notes it added in the area", () => {
    expect(recordOf(tx(), written, AT)).toEqual({
      status: "done", area: "F3:G5", cells: written.fingerprints, formats: written.formats,
      notes: [{ i: 3, f: fingerprint("说明") }, { i: 4, f: fingerprint("另") }],
      results: { name: "考核明细", rows: 3, cols: 4, fingerprint: "h1" }, rubric: STAMP, at: AT,
    });
  });

  it("leaves out notes the host did not add (the user had one there), and takes a status", () => {
    const r = recordOf(tx(), { ...written, notes: new Set(["F5"]) }, AT, "writing");
    expect(r.notes).toEqual([{ i: 4, f: fingerprint("另") }]);
    expect(r.status).toBe("writing");
  });
});

describe("a clear", () => {
  it("deletes Kaohe's unchanged results sheet, keeps a changed one, and has nothing to do with a gone one", () => {
    const now: CellContent[][] = [["总分", "排名"], [97.5, 1], ["手填", 2]];
    const same = buildOutputClear("考核", "k1", previous(WRITTEN, now));
    expect([same.deleteResults, same.keptResults, same.forgetSheet]).toEqual(["考核明细", null, false]);
    expect(same.clear.map((c) => [a1(c.row, c.col), c.format])).toEqual([["F3", "f0"], ["G3", "f1"], ["F4", "f2"], ["G4", "f3"], ["G5", "f5"]]);
    expect(same.kept.map((c) => c.cell)).toEqual(["F5"]);
    const gone = buildOutputClear("考核", "k1", previous(WRITTEN, now, {}, null));
    expect([gone.deleteResults, gone.keptResults]).toEqual([null, null]);
  });
});

describe("addresses joined for a host's limit", () => {
  it("packs areas up to exactly the limit, never over it", () => {
    expect(chunkAddresses(["A1", "B2:B3", "C4"], 8)).toEqual(["A1,B2:B3", "C4"]);
    expect(chunkAddresses(["A1", "B2:B3", "C4"], 7)).toEqual(["A1", "B2:B3", "C4"]);
    expect(chunkAddresses(["A1", "B2"], 5)).toEqual(["A1,B2"]);
    expect(chunkAddresses(["A1", "B2"], 4)).toEqual(["A1", "B2"]);
    expect(chunkAddresses([], 10)).toEqual([]);
    // An area longer than the limit still goes, alone.
    expect(chunkAddresses(["A1:B2", "C3"], 3)).toEqual(["A1:B2", "C3"]);
  });
});
