/** The writer's text machinery: bytes built piece by piece, rows patched in order, styles kept. */
import fc from "fast-check";
import { ByteSink } from "../../src/adapters/xlsx/byte-sink";
import { type CellEdits, setEdit } from "../../src/adapters/xlsx/sheet-cells";
import { patched } from "../helpers/sheet-patch";

describe("ByteSink", () => {
  it("encodes any text pushed in any pieces exactly as TextEncoder does (surrogate pairs never split)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 3000 }), { maxLength: 40 }), (pieces) => {
        const sink = new ByteSink();
        for (const p of pieces) sink.push(p);
        expect(Buffer.from(sink.bytes()).equals(Buffer.from(new TextEncoder().encode(pieces.join(""))))).toBe(true);
      }),
      { numRuns: 60 },
    );
    const big = "考核😀".repeat(400_000); // several 1 MiB blocks, pairs at every boundary
    const sink = new ByteSink();
    sink.push(big);
    expect(new TextDecoder().decode(sink.bytes())).toBe(big);
  });
});


describe("patchRows", () => {
  const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData><pageMargins/></worksheet>`;

  it("inserts new rows between untouched ones in row order, and keeps untouched rows byte for byte", () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2" spans="1:1"><c r="A2"><v>2</v></c></row><row r="10"><c r="A10" s="3"><v>10</v></c></row>';
    const edits: CellEdits = new Map();
    setEdit(edits, 4, 1, "甲");
    setEdit(edits, 11, 1, 5);
    const out = patched(sheet(rows), edits);
    const order = [...out.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([1, 2, 5, 10, 12]);
    expect(out).toContain('<row r="2" spans="1:1"><c r="A2"><v>2</v></c></row>');
    expect(out).toContain('<row r="5"><c r="B5" t="inlineStr"><is><t>甲</t></is></c></row>');
  });

  it("keeps an existing cell's style when writing or clearing it, and writes text that looks like a formula as text", () => {
    const rows = '<row r="3" spans="1:3"><c r="A3"><v>1</v></c><c r="B3" s="7"><v>2</v></c><c r="C3" s="4" t="s"><v>0</v></c></row>';
    const edits: CellEdits = new Map();
    setEdit(edits, 2, 1, "=HYPERLINK(\"x\")");
    setEdit(edits, 2, 2, null);
    const out = patched(sheet(rows), edits);
    expect(out).toContain('<c r="A3"><v>1</v></c><c r="B3" s="7" t="inlineStr"><is><t>=HYPERLINK(&quot;x&quot;)</t></is></c><c r="C3" s="4"/>');
    expect(out).not.toContain("<f>");
    expect(out).not.toContain("spans=");
  });

  it("fills a self-closing sheetData", () => {
    const edits: CellEdits = new Map();
    setEdit(edits, 0, 0, 1);
    expect(patched("<worksheet><sheetData/></worksheet>", edits)).toBe('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
  });
});
