import fc from "fast-check";
import { type CellRange, a1, rangeA1 } from "../../src/core/grid";
import { compareOwned } from "../../src/core/ownership/compare";
import { blockFingerprint, type CellContent, fingerprint } from "../../src/core/ownership/fingerprint";
import { EMPTY_STATE, newToken, parseState, stateFromXml, stateXml, type WorkbookState } from "../../src/core/ownership/record";
import { buildOutputClear, buildOutputWrite, cellAreas, type Previous } from "../../src/core/ownership/transaction";
import type { WritePlan } from "../../src/core/plan/write-plan";
import { recordOf } from "../helpers/record";

const AREA: CellRange = { top: 2, left: 5, bottom: 4, right: 6 }; // F3:G5
const WRITTEN: CellContent[][] = [["总分", "排名"], [97.5, 1], [90, 2]];

describe("fingerprints", () => {
  it("tell apart what looks alike: text, number, boolean and formula", () => {
    const all = ["1", 1, true, "=1", "TRUE", "1.0", 1.5, "=A1", "=a1"].map(fingerprint);
    expect(new Set(all).size).toBe(all.length);
    expect([null, undefined, ""].map(fingerprint)).toEqual(["", "", ""]);
    expect(fingerprint(-0)).toBe(fingerprint(0));
  });

  it("are stable and never empty for content (property)", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ minLength: 1 }), fc.double({ noNaN: true }), fc.boolean()), (v) => {
      expect(fingerprint(v)).toBe(fingerprint(v));
      expect(fingerprint(v)).toMatch(/^h[0-9a-z]+$/);
    }));
  });

  it("of a block ignore trailing empties but not content", () => {
    expect(blockFingerprint([["a", 1, ""], [""]])).toBe(blockFingerprint([["a", 1]]));
    expect(blockFingerprint([["a", 1]])).not.toBe(blockFingerprint([["a", 2]]));
    expect(blockFingerprint([["a"], ["b"]])).not.toBe(blockFingerprint([["a", "b"]]));
  });
});

describe("comparing a recorded area with the sheet", () => {
  it("finds Kaohe's cells, the user's edits, and treats blank cells as free", () => {
    const now: CellContent[][] = [["总分", "排名"], ["=AVERAGE(B4:B9)", 1], [90, ""]];
    const o = compareOwned(recordOf(AREA, WRITTEN), AREA, now);
    expect(o.changed).toEqual([{ row: 3, col: 5, index: 2, cell: "F4", now: "=AVERAGE(B4:B9)" }]);
    expect(o.ours.map((c) => a1(c.row, c.col)).sort()).toEqual(["F3", "F5", "G3", "G4", "G5"]);
    // The blank cell keeps its index, so its number format can be restored.
    expect(o.ours.find((c) => a1(c.row, c.col) === "G5")?.index).toBe(5);
  });

  it("says what a changed cell holds now as the user would see it: TRUE/FALSE, long text cut at 40 characters", () => {
    const long = "这是用户自己写在考核结果旁边的一段很长很长的说明文字，超过了四十个字符的显示长度限制";
    const o = compareOwned(recordOf(AREA, WRITTEN), AREA, [[true, false], [long, 1], ["", 2]]);
    expect(o.changed.map((c) => [c.cell, c.now])).toEqual([["F3", "TRUE"], ["G3", "FALSE"], ["F4", `${[...long].slice(0, 39).join("")}…`]]);
    const forty = "一".repeat(40);
    expect(compareOwned(recordOf(AREA, WRITTEN), AREA, [[forty, "排名"], [97.5, 1], [90, 2]]).changed[0]?.now).toBe(forty);
  });

  it("a formula giving the same value is still a change", () => {
    const o = compareOwned(recordOf(AREA, WRITTEN), AREA, [["总分", "排名"], ["=97.5", 1], [90, 2]]);
    expect(o.changed.map((c) => c.cell)).toEqual(["F4"]);
  });

  it("follows rows the user inserted inside the area", () => {
    const grown = { ...AREA, bottom: 6 };
    const now: CellContent[][] = [["总分", "排名"], ["", ""], [97.5, 1], ["小计", 3], [90, 2]];
    const o = compareOwned(recordOf(AREA, WRITTEN), grown, now);
    expect(o.changed.map((c) => c.cell)).toEqual(["F6", "G6"]);
    expect(o.ours.filter((c) => c.index >= 0).map((c) => a1(c.row, c.col)).sort()).toEqual(["F3", "F5", "F7", "G3", "G5", "G7"]);
  });

  it("follows a column the user inserted inside the area", () => {
    const grown = { ...AREA, right: 7 };
    const now: CellContent[][] = [["总分", "备注", "排名"], [97.5, "好", 1], [90, "", 2]];
    const o = compareOwned(recordOf(AREA, WRITTEN), grown, now);
    expect(o.changed.map((c) => c.cell)).toEqual(["G3", "G4"]);
    expect(o.ours.find((c) => a1(c.row, c.col) === "H4")?.index).toBe(3);
  });

  it("assumes nothing when rows and columns were both inserted, and nothing when the area is gone", () => {
    const o = compareOwned(recordOf(AREA, WRITTEN), { ...AREA, bottom: 5, right: 7 }, [["总分", "x", "排名"], [97.5, "", 1], [90, "", 2], ["", "", ""]]);
    expect(o.ours.every((c) => c.index === -1)).toBe(true);
    expect(o.changed).toHaveLength(7);
    expect(compareOwned(recordOf(AREA, WRITTEN), null, [])).toEqual({ ours: [], changed: [] });
  });

  it("accepts either content of a record written as a|b (a run that stopped part-way)", () => {
    const r = recordOf(AREA, WRITTEN);
    r.cells[2] = `${fingerprint(97.5)}|${fingerprint(88)}`;
    expect(compareOwned(r, AREA, [["总分", "排名"], [88, 1], [90, 2]]).changed).toEqual([]);
    expect(compareOwned(r, AREA, [["总分", "排名"], [87, 1], [90, 2]]).changed.map((c) => c.cell)).toEqual(["F4"]);
  });

  const value = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom("已评分", "一票否决", "数据不全", "=x", ""));
  const grid = (rows: number, cols: number) => fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

  it("reports exactly the cells whose content differs (property)", () => {
    fc.assert(fc.property(grid(4, 3), grid(4, 3), (written, now) => {
      const area = { top: 0, left: 0, bottom: 3, right: 2 };
      const o = compareOwned(recordOf(area, written), area, now);
      const expected = [];
      for (let r = 0; r < 4; r++) for (let c = 0; c < 3; c++) if (now[r]?.[c] !== "" && fingerprint(now[r]?.[c]) !== fingerprint(written[r]?.[c])) expected.push(a1(r, c));
      expect(o.changed.map((x) => x.cell)).toEqual(expected);
      expect(o.ours.length + o.changed.length).toBe(12);
    }));
  });

  it("never takes a row the user inserted with their own content for Kaohe's (property)", () => {
    const distinctRows = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom("已评分", "一票否决")), { minLength: 2, maxLength: 6, selector: (t) => t[0] });
    fc.assert(fc.property(distinctRows, fc.nat(), fc.string({ minLength: 1, maxLength: 5 }), (rows, at, text) => {
      const written: CellContent[][] = rows.map((r) => [r[0], r[1]]);
      const area = { top: 0, left: 0, bottom: written.length - 1, right: 1 };
      const pos = at % (written.length + 1);
      const user: CellContent[] = [`用户${text}`, 0.5];
      const now = [...written.slice(0, pos), user, ...written.slice(pos)];
      const o = compareOwned(recordOf(area, written), { ...area, bottom: written.length }, now);
      expect(o.changed.map((c) => c.row)).toEqual([pos, pos]);
      expect(o.ours.filter((c) => c.index >= 0)).toHaveLength(written.length * 2);
    }));
  });
});

describe("write and clear transactions", () => {
  const plan = (area: CellRange): WritePlan => ({
    sheet: "考核", headerRow: area.top, firstCol: area.left, headers: ["总分", "排名"],
    rows: [{ row: area.top + 1, values: [99, 1] }, { row: area.top + 2, values: [80, 2] }],
    notes: [{ row: area.top + 1, col: area.left + 1, text: "说明" }], highlights: [], results: { name: "考核明细", rows: [["Kaohe 考核明细"]] }, owned: area,
  });
  const previous = (now: CellContent[][], area: CellRange = AREA, record = recordOf(AREA, WRITTEN, { formats: ["@", "General", "0.0", "General", "General", "General"], notes: [{ i: 3, f: fingerprint("说明") }] })): Previous =>
    ({ record, area, ownership: compareOwned(record, area, now), results: { name: "考核明细", changed: false } });

  it("replaces Kaohe's cells, keeps the user's outside the new area, asks before replacing those inside", () => {
    const prev = previous([["总分", "排名"], [97.5, "改过"], ["", 2]]);
    const narrower = { ...AREA, right: 5 }; // the new rubric writes one column only
    const tx = buildOutputWrite({ ...plan(narrower), headers: ["总分"], rows: [{ row: 3, values: [99] }] }, "k1", { id: "r", version: "1" }, prev);
    expect(tx.clear.map((c) => a1(c.row, c.col))).toEqual(["G3", "G5"]);
    expect(tx.kept.map((c) => c.cell)).toEqual(["G4"]);
    expect(tx.overwrite).toEqual([]);
    expect(tx.priorFormats.map((r) => r[0])).toEqual(["@", "0.0", "General"]);
    expect(tx.results.reuse).toBe("考核明细");
    // The user typed over G4, but the note on it is still the one Kaohe wrote: Kaohe's to remove.
    expect(tx.dropNotes).toEqual([{ cell: "G4", f: fingerprint("说明") }]);

    const same = buildOutputWrite(plan(AREA), "k1", { id: "r", version: "1" }, prev);
    expect(same.overwrite.map((c) => c.cell)).toEqual(["G4"]);
    // Replacing a cell the user changed restores to the format it had before Kaohe, not Kaohe's own.
    expect(same.priorFormats[1]?.[1]).toBe("General");
    expect(same.clear).toEqual([]);
  });

  it("records an intent that accepts old and new contents over both areas", () => {
    const prev = previous(WRITTEN);
    const moved = { top: 2, left: 6, bottom: 4, right: 7 }; // one column to the right
    const tx = buildOutputWrite(plan(moved), "k1", { id: "r", version: "1" }, prev);
    expect(rangeA1(tx.intent.area)).toBe("F3:H5");
    const at = (cell: string) => tx.intent.cells[["F3", "G3", "H3", "F4", "G4", "H4", "F5", "G5", "H5"].indexOf(cell)];
    expect(at("G4")).toBe(`${fingerprint(99)}|${fingerprint(1)}`);
    expect(at("F4")).toBe(fingerprint(97.5));
    expect(at("H4")).toBe(fingerprint(1));
  });

  it("clears only Kaohe's cells and its notes, and keeps a results sheet the user changed", () => {
    const prev = { ...previous([["总分", "排名"], [97.5, 1], ["手填", 2]]), results: { name: "考核明细 (2)", changed: true } };
    const tx = buildOutputClear("考核", "k1", prev);
    expect(tx.clear.map((c) => a1(c.row, c.col)).sort()).toEqual(["F3", "F4", "G3", "G4", "G5"]);
    expect(tx.clear.find((c) => c.row === 2 && c.col === 5)?.format).toBe("@");
    expect(tx.kept.map((c) => c.cell)).toEqual(["F5"]);
    expect(tx.notes).toEqual([{ cell: "G4", f: fingerprint("说明") }]);
    expect([tx.deleteResults, tx.keptResults]).toEqual([null, "考核明细 (2)"]);
  });

  it("groups cells into column runs", () => {
    expect(cellAreas([{ row: 2, col: 1 }, { row: 3, col: 1 }, { row: 3, col: 1 }, { row: 5, col: 1 }, { row: 0, col: 0 }])).toEqual(["A1", "B3:B4", "B6"]);
  });
});

describe("the state kept in the workbook", () => {
  it("survives XML with any text, and anything unreadable becomes empty (property)", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (name, column) => {
      const state: WorkbookState = { v: 2, rubricId: name, rubrics: [{ id: name }], sheets: { k1: { mappings: { r: { [name]: column } }, record: recordOf(AREA, WRITTEN) } } };
      expect(stateFromXml(stateXml(state))).toEqual(state);
    }));
    expect(parseState("{not json")).toEqual(EMPTY_STATE);
    expect(parseState(JSON.stringify({ v: 1, mappings: {} }))).toEqual(EMPTY_STATE);
    expect(stateFromXml("<other/>")).toEqual(EMPTY_STATE);
  });

  it("gives new sheets short tokens not used before", () => {
    const s: WorkbookState = { ...EMPTY_STATE, sheets: { k1: { mappings: {} }, k3: { mappings: {} } } };
    expect(newToken(s)).toBe("k2");
    expect(newToken(s, ["k2"])).toBe("k4");
  });
});
