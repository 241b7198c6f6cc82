/**
 * The record of what Kaohe wrote, read back from hostile or old JSON, and the comparison that decides
 * which cells are still Kaohe's. A mistake here hands a user's cell to Kaohe (to be overwritten or
 * cleared) or orphans Kaohe's outputs, so each case asserts the exact record or the exact cells.
 */
import { type CellRange, a1 } from "../../src/core/grid";
import { compareOwned } from "../../src/core/ownership/compare";
import { blockFingerprint, type CellContent, fingerprint } from "../../src/core/ownership/fingerprint";
import {
  EMPTY_STATE, newToken, outputName, type OutputRecord, parseState, resultsName, SHEET_NAME, STATE_NAMESPACE,
  stateFromXml, stateXml, type WorkbookState, withCurrentRecords, withRecord,
} from "../../src/core/ownership/record";
import { recordOf } from "../helpers/record";

/** FNV-1a, 32 bits, over UTF-16 code units, in base 36 after an "h" — the documented fingerprint. */
const fnv = (text: string): string => {
  let h = 0x811c9dc5;
  for (const ch of text.split("")) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `h${h.toString(36)}`;
};


/** A state JSON with one sheet k1 whose record is `record` (merged over a valid one). */
const withSheetRecord = (record: Record<string, unknown>): string => JSON.stringify({
  v: 2, rubrics: [],
  sheets: { k1: { mappings: {}, record: { status: "done", area: "F2:G3", cells: ["ha"], formats: ["General"], notes: [], rubric: { id: "r", version: "1" }, at: "t", ...record } } },
});
const readRecord = (record: Record<string, unknown>): OutputRecord | undefined => parseState(withSheetRecord(record)).sheets.k1?.record;

describe("fingerprints are the documented hash of a cell's canonical text", () => {
  it("hash kind and exact form: numbers, text, formulas, booleans", () => {
    expect(fingerprint(97.5)).toBe(fnv("n:97.5"));
    expect(fingerprint(-0)).toBe(fnv("n:0"));
    expect(fingerprint("已评分")).toBe(fnv("s:已评分"));
    expect(fingerprint("=A1")).toBe(fnv("f:=A1"));
    // Only a leading "=" makes a formula; one at the end is text.
    expect(fingerprint("a=")).toBe(fnv("s:a="));
    expect(fingerprint(true)).toBe(fnv("b:1"));
    expect(fingerprint(false)).toBe(fnv("b:0"));
  });

  it("of a block: a value shifted right or down is different content", () => {
    expect(blockFingerprint([["", "a"]])).not.toBe(blockFingerprint([["a"]]));
    expect(blockFingerprint([[""], ["a"]])).not.toBe(blockFingerprint([["a"]]));
    expect(blockFingerprint([["a", "b"], ["c"]])).toBe(fnv(`s:${fingerprint("a")},${fingerprint("b")};${fingerprint("c")}`));
  });
});

describe("which recorded cells are still Kaohe's", () => {
  const AREA: CellRange = { top: 2, left: 5, bottom: 4, right: 6 }; // F3:G5
  const written = (): CellContent[][] => [["总分", "排名"], [97.5, 1], [90, 2]];

  it("a cell the user emptied (null, undefined, empty text, or missing from a short row) holds nothing to lose", () => {
    const o = compareOwned(recordOf(AREA, written()), AREA, [[null, undefined], [""]]);
    expect(o.changed).toEqual([]);
    expect(o.ours).toEqual([
      { row: 2, col: 5, index: 0 }, { row: 2, col: 6, index: 1 },
      { row: 3, col: 5, index: 2 }, { row: 3, col: 6, index: 3 },
      { row: 4, col: 5, index: 4 }, { row: 4, col: 6, index: 5 },
    ]);
  });

  it("an edit in an area of the same size changes that one cell, not its row", () => {
    const o = compareOwned(recordOf(AREA, written()), AREA, [["总分", "排名"], [97.5, "第一"], [90, 2]]);
    expect(o.changed).toEqual([{ row: 3, col: 6, index: 3, cell: "G4", now: "第一" }]);
    expect(o.ours.map((c) => c.index)).toEqual([0, 1, 2, 4, 5]);
  });

  it("rows are matched in order: a recorded row seen again above where matching has reached is the user's", () => {
    const area: CellRange = { top: 0, left: 0, bottom: 1, right: 1 };
    const rec = recordOf(area, [["甲", 1], ["乙", 2]]);
    // The user moved 甲's row below 乙's and inserted one of their own.
    const o = compareOwned(rec, { ...area, bottom: 2 }, [["乙", 2], ["备注", 0], ["甲", 1]]);
    expect(o.ours).toEqual([{ row: 0, col: 0, index: 2 }, { row: 0, col: 1, index: 3 }]);
    expect(o.changed.map((c) => [c.cell, c.index])).toEqual([["A2", -1], ["B2", -1], ["A3", -1], ["B3", -1]]);
  });

  it("rows are matched on every cell in its place: a value moved to the next cell does not match", () => {
    const area: CellRange = { top: 0, left: 0, bottom: 1, right: 1 };
    const rec = recordOf(area, [["甲", ""], ["乙", "丙"]]);
    const o = compareOwned(rec, { ...area, bottom: 2 }, [["", "甲"], ["甲", ""], ["乙", "丙"]]);
    expect(o.changed).toEqual([{ row: 0, col: 1, index: -1, cell: "B1", now: "甲" }]);
    // The blank in the user's row is free but matches no recorded cell.
    expect(o.ours).toEqual([
      { row: 0, col: 0, index: -1 },
      { row: 1, col: 0, index: 0 }, { row: 1, col: 1, index: 1 },
      { row: 2, col: 0, index: 2 }, { row: 2, col: 1, index: 3 },
    ]);
  });

  it("columns are matched on every cell in its place, and an inserted column never borrows a recorded cell", () => {
    const area: CellRange = { top: 0, left: 0, bottom: 1, right: 1 };
    const rec = recordOf(area, [["甲", "乙"], ["", "丙"]]);
    // Column A moved its value down (no match); column B inserted by the user holds 乙 (recorded at B1).
    const o = compareOwned(rec, { ...area, right: 2 }, [["", "X", "乙"], ["甲", "乙", "丙"]]);
    expect(o.changed.map((c) => [c.cell, c.index])).toEqual([["B1", -1], ["A2", -1], ["B2", -1]]);
    expect(o.ours).toEqual([{ row: 0, col: 0, index: -1 }, { row: 0, col: 2, index: 1 }, { row: 1, col: 2, index: 3 }]);
  });

  it("a column inserted in the middle: its cells are the user's even where they equal the previous recorded row's last cell", () => {
    const area: CellRange = { top: 0, left: 0, bottom: 1, right: 1 };
    const rec = recordOf(area, [["a", "b"], ["c", "d"]]);
    const o = compareOwned(rec, { ...area, right: 2 }, [["a", "X", "b"], ["c", "b", "d"]]);
    expect(o.changed.map((c) => c.cell)).toEqual(["B1", "B2"]);
    expect(o.ours.map((c) => [a1(c.row, c.col), c.index])).toEqual([["A1", 0], ["C1", 1], ["A2", 2], ["C2", 3]]);
  });

  it("rows and columns both inserted: nothing is Kaohe's, even a cell still in its old place", () => {
    const o = compareOwned(recordOf(AREA, written()), { ...AREA, bottom: 5, right: 7 }, [["总分", "排名", "x"], [97.5, 1, ""], [90, 2, ""], ["", "", ""]]);
    expect(o.changed.map((c) => c.cell)).toEqual(["F3", "G3", "H3", "F4", "G4", "F5", "G5"]);
    expect(o.changed.every((c) => c.index === -1)).toBe(true);
    expect(o.ours.every((c) => c.index === -1)).toBe(true);
  });

  it("an area recorded unreadably, or lost by the host, has nothing of Kaohe's", () => {
    expect(compareOwned({ ...recordOf(AREA, written()), area: "not a range" }, AREA, written())).toEqual({ ours: [], changed: [] });
    expect(compareOwned(recordOf(AREA, written()), null, written())).toEqual({ ours: [], changed: [] });
  });
});

describe("reading the state from the workbook", () => {
  it("names and namespace that workbooks already hold", () => {
    expect(STATE_NAMESPACE).toBe("urn:kaohe:state:2");
    expect(SHEET_NAME).toBe("_Kaohe_Sheet");
    expect(outputName("k3")).toBe("_Kaohe_O_k3");
    expect(resultsName("k3")).toBe("_Kaohe_R_k3");
    expect(stateXml(EMPTY_STATE)).toBe('<?xml version="1.0" encoding="UTF-8"?><kaohe xmlns="urn:kaohe:state:2">{"v":2,"rubrics":[],"sheets":{}}</kaohe>');
  });

  it("anything unreadable or of another version is the empty state", () => {
    const empty = { v: 2, rubrics: [], sheets: {} };
    for (const json of [undefined, "", "{", "5", "null", "[]", '"x"', '{"v":1,"sheets":{"k1":{"mappings":{}}}}', '[{"v":2}]']) {
      expect(parseState(json)).toEqual(empty);
    }
  });

  it("keeps the pane's choices that are well formed and drops the rest", () => {
    const state = parseState(JSON.stringify({
      v: 2, rubricId: 7, rubrics: { a: 1 },
      sheets: {
        k1: { mappings: { r1: { 总分: "C", 排名: 3, 完成率: null }, r2: "C", r3: ["C"] }, last: { rubricId: "r1", units: [["甲", "达标", 1, 90]] } },
        k2: 5, k3: null, k4: ["x"],
        k5: { mappings: [{ 总分: "C" }], last: { rubricId: 1, units: [] } },
        k6: { mappings: "ab", last: { rubricId: "r", units: "x" } },
        k7: { last: ["r", []] },
      },
    }));
    expect(state).toStrictEqual({
      v: 2, rubrics: [],
      sheets: {
        k1: { mappings: { r1: { 总分: "C" } }, last: { rubricId: "r1", units: [["甲", "达标", 1, 90]] } },
        k5: { mappings: {} }, k6: { mappings: {} }, k7: { mappings: {} },
      },
    });
    expect(parseState('{"v":2,"rubricId":"r9","rubrics":[{"id":"x"}],"sheets":null}')).toStrictEqual({ v: 2, rubricId: "r9", rubrics: [{ id: "x" }], sheets: {} });
    expect(parseState('{"v":2,"sheets":[{"mappings":{}}]}')).toEqual({ v: 2, rubrics: [], sheets: {} });
  });

  it("a record is kept whenever it names an area and a rubric, with every field made well formed", () => {
    expect(readRecord({ status: "DONE", cells: ["ha", 1, null, "hb"], formats: "General", notes: "x", at: 5, rubric: {} })).toStrictEqual({
      status: "writing", area: "F2:G3", cells: ["ha", "hb"], formats: [], notes: [], rubric: { id: "", version: "" }, at: "",
    });
    expect(readRecord({ cells: "hahb", formats: ["0.00", 2, "@"] })).toMatchObject({ status: "done", cells: [], formats: ["0.00", "@"], at: "t" });
    expect(readRecord({ status: undefined })?.status).toBe("writing");
  });

  it("a record without an area or a rubric is no record", () => {
    expect(readRecord({ area: 5 })).toBeUndefined();
    expect(readRecord({ area: undefined })).toBeUndefined();
    expect(readRecord({ rubric: "r" })).toBeUndefined();
    expect(readRecord({ rubric: undefined })).toBeUndefined();
    expect(readRecord({ rubric: ["r", "1"] })).toBeUndefined();
    expect(parseState('{"v":2,"sheets":{"k1":{"mappings":{},"record":["F2:G3"]}}}').sheets.k1).toEqual({ mappings: {} });
  });

  it("keeps only notes with a whole cell index and a text fingerprint, and nothing else of them", () => {
    const notes = [{ i: 3, f: "hx", extra: 1 }, { i: 1.5, f: "hy" }, { i: "2", f: "hz" }, { i: 4 }, { f: "hw" }, { i: 5, f: 6 }, null, [7, "hv"], { i: 0, f: "" }];
    expect(readRecord({ notes })?.notes).toEqual([{ i: 3, f: "hx" }, { i: 0, f: "" }]);
  });

  it("keeps a results sheet only with a name, a fingerprint and whole sizes", () => {
    const ok = { name: "考核明细", rows: 3, cols: 2, fingerprint: "*" };
    expect(readRecord({ results: { ...ok, extra: true } })?.results).toEqual(ok);
    for (const bad of [{ ...ok, name: 1 }, { ...ok, fingerprint: null }, { ...ok, rows: 1.5 }, { ...ok, cols: "2" }, [ok], "考核明细"]) {
      expect(readRecord({ results: bad })).not.toHaveProperty("results");
    }
  });

  it("drops a rubric hash that is not only hex digits", () => {
    const hash = "0123456789abcdef";
    expect(readRecord({ rubric: { id: "r", version: "1", hash } })?.rubric).toEqual({ id: "r", version: "1", hash });
    for (const bad of ["zz" + hash, hash + "zz", "", "a".repeat(65)]) {
      expect(readRecord({ rubric: { id: "r", version: "1", hash: bad } })?.rubric).toEqual({ id: "r", version: "1" });
    }
  });

  it("XML: text that would break the part is escaped, and any XML escape a hand edit used is read", () => {
    const state: WorkbookState = { v: 2, rubricId: 'a&b<c>"d\'', rubrics: [], sheets: {} };
    const xml = stateXml(state);
    expect(xml).toContain('"rubricId":"a&amp;b&lt;c&gt;\\"d\'"');
    expect(stateFromXml(xml)).toEqual(state);
    const read = stateFromXml('<kaohe xmlns="urn:kaohe:state:2">{&quot;v&quot;:2,"rubricId":"&#24037;&#x4F5C;&#65;&#x41;&amp;lt;&apos;","sheets":{}}</kaohe>');
    expect(read).toEqual({ v: 2, rubricId: "工作AA&lt;'", rubrics: [], sheets: {} });
    expect(stateFromXml("<other>{}</other>")).toEqual(EMPTY_STATE);
  });

  it("new tokens skip those in use in the state and those the host holds", () => {
    const state = parseState('{"v":2,"sheets":{"k1":{"mappings":{}},"k3":{"mappings":{}}}}');
    expect(newToken(state)).toBe("k2");
    expect(newToken(state, ["k2", "k4"])).toBe("k5");
  });
});

describe("saving the pane's choices never replaces a record", () => {
  const rec = (area: string): OutputRecord => ({ status: "done", area, cells: [], formats: [], notes: [], rubric: { id: "r", version: "1" }, at: "t" });

  it("each sheet keeps the record the workbook holds now, and the choices of the state to save", () => {
    const current: WorkbookState = {
      v: 2, rubrics: [],
      sheets: { k1: { mappings: { r: { 总分: "C" } }, record: rec("F1:G2") }, k2: { mappings: {}, record: rec("A1:A2") } },
    };
    const next: WorkbookState = {
      v: 2, rubricId: "r", rubrics: ["doc"],
      sheets: { k1: { mappings: { r: { 总分: "D" } }, record: rec("Z1:Z9") }, k3: { mappings: { r: {} }, record: rec("B1:B2"), last: { rubricId: "r", units: [] } } },
    };
    expect(withCurrentRecords(next, current)).toStrictEqual({
      v: 2, rubricId: "r", rubrics: ["doc"],
      sheets: {
        k1: { mappings: { r: { 总分: "D" } }, record: rec("F1:G2") },
        k3: { mappings: { r: {} }, last: { rubricId: "r", units: [] } },
        k2: { mappings: {}, record: rec("A1:A2") },
      },
    });
    expect(Object.keys(withCurrentRecords(next, current).sheets.k3 ?? {})).toEqual(["mappings", "last"]);
  });

  it("a record is set on one sheet, keeping its choices and the other sheets", () => {
    const state: WorkbookState = { v: 2, rubrics: [], sheets: { k1: { mappings: { r: { 总分: "C" } } }, k2: { mappings: {} } } };
    expect(withRecord(state, "k1", rec("F1:G2"))).toEqual({ v: 2, rubrics: [], sheets: { k1: { mappings: { r: { 总分: "C" } }, record: rec("F1:G2") }, k2: { mappings: {} } } });
    expect(withRecord(state, "k9", rec("A1")).sheets.k9).toEqual({ mappings: {}, record: rec("A1") });
    expect(state.sheets.k1).toEqual({ mappings: { r: { 总分: "C" } } });
  });
});
