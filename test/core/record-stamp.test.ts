/** The rubric stamp in Kaohe's workbook record: new records keep hashes, older ones still read. */
import fc from "fast-check";
import { parseState, serializeState, type WorkbookState } from "../../src/core/ownership/record";

const record = (rubric: unknown) => JSON.stringify({
  v: 2, rubrics: [],
  sheets: { k1: { mappings: {}, record: { status: "done", area: "F2:H9", cells: [], formats: [], notes: [], rubric, at: "2026-01-01T00:00:00.000Z" } } },
});

describe("the record's rubric", () => {
  it("reads a record written before hashes were kept: id and version, nothing else", () => {
    expect(parseState(record({ id: "community-2009", version: "2009" })).sheets.k1?.record?.rubric).toEqual({ id: "community-2009", version: "2009" });
  });

  it("keeps the hash, item hashes and part hashes, and drops what is not a hash", () => {
    const hash = "a".repeat(64);
    const read = parseState(record({
      id: "x", version: "1", hash,
      items: [["甲", "0123456789abcdef"], ["乙", "not a hash"], "丙", [3, "abcdef"]],
      parts: { vetoes: "fedcba9876543210", outcomes: 7, other: "0011" },
    })).sheets.k1?.record?.rubric;
    expect(read).toEqual({ id: "x", version: "1", hash, items: [["甲", "0123456789abcdef"]], parts: { vetoes: "fedcba9876543210" } });
    expect(parseState(record({ id: "x", version: "1", hash: "<script>" })).sheets.k1?.record?.rubric).toEqual({ id: "x", version: "1" });
  });

  it("survives a save and a read unchanged", () => {
    const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
    fc.assert(fc.property(fc.string(), fc.string(), hex(64), fc.array(fc.tuple(fc.string(), hex(16)), { maxLength: 5 }), hex(16), (id, version, hash, items, vetoes) => {
      const state: WorkbookState = {
        v: 2, rubrics: [],
        sheets: { k1: { mappings: {}, record: { status: "done", area: "A1", cells: [], formats: [], notes: [], rubric: { id, version, hash, items, parts: { vetoes } }, at: "t" } } },
      };
      expect(parseState(serializeState(state))).toEqual(state);
    }), { numRuns: 50 });
  });
});
