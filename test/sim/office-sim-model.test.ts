/**
 * The rest of the simulator's model: notes, custom XML parts, settings, freeze panes, structure
 * shifts, used range and merges, undo grouping, sheet rules, finished runs, formats, and the user
 * controls. Each test fails if the behaviour it names is removed.
 */
import * as fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { asOfficeJs, createOfficeSim, type SimOptions, type SimSeed } from "./office/index";
import { utf8Bytes } from "./office/proxy/bytes";

const seed: SimSeed = {
  sheets: [
    { name: "Data", rows: [["单位", "得分", "备注"], ["甲", 90, "x"], ["乙", 80, "y"]], merges: ["A5:B5"] },
    { name: "Other" },
  ],
};

function make(s: SimSeed = seed, o: SimOptions = {}) {
  const sim = createOfficeSim(s, { year: 2026, ...o });
  return { sim, ...asOfficeJs(sim) };
}

describe("notes (ExcelApi 1.18)", () => {
  test("add, read, move with an inserted row, delete; a second note on a cell is refused", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem("Data").notes;
      notes.add("B2", "得分说明");
      await ctx.sync();
      notes.add("B2", "again");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    sim.controls.insertRows("Data", "1");
    await Excel.run(async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem("Data").notes;
      const moved = notes.getItemOrNullObject("B3");
      const old = notes.getItemOrNullObject("B2");
      moved.load("content");
      notes.load("items/content");
      await ctx.sync();
      expect([moved.isNullObject, old.isNullObject, moved.content]).toEqual([false, true, "得分说明"]);
      expect(notes.items.map((n) => n.content)).toEqual(["得分说明"]);
      moved.delete();
      await ctx.sync();
    });
    expect(sim.controls.snapshot().sheets[0]?.notes).toEqual({});
  });
});

describe("custom XML parts (ExcelApi 1.5)", () => {
  test("add, find by namespace, read, replace, delete", async () => {
    const { sim, Excel } = make();
    const ns = "urn:kaohe:state:2";
    await Excel.run(async (ctx) => {
      const part = ctx.workbook.customXmlParts.add(`<kaohe xmlns="${ns}">{"v":2}</kaohe>`);
      part.load("id, namespaceUri");
      ctx.workbook.customXmlParts.add("<other xmlns='urn:x'/>");
      await ctx.sync();
      expect(part.namespaceUri).toBe(ns);
      const only = ctx.workbook.customXmlParts.getByNamespace(ns).getOnlyItemOrNullObject();
      const none = ctx.workbook.customXmlParts.getByNamespace("urn:none").getOnlyItemOrNullObject();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      const xml = only.getXml();
      await ctx.sync();
      expect(xml.value).toBe(`<kaohe xmlns="${ns}">{"v":2}</kaohe>`);
      only.setXml(`<kaohe xmlns="${ns}">{"v":3}</kaohe>`);
      ctx.workbook.customXmlParts.getItem(part.id).load("id");
      await ctx.sync();
      ctx.workbook.customXmlParts.add("not xml");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      only.delete();
      await ctx.sync();
    });
    expect(sim.controls.snapshot().customXmlParts.map((p) => p.namespaceUri)).toEqual(["urn:x"]);
  });
});

describe("settings", () => {
  test("add replaces, values round-trip as JSON, getItemOrNullObject, delete; dropSettings loses them", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      ctx.workbook.settings.add("k", { a: 1 });
      ctx.workbook.settings.add("k", { a: 2, d: undefined });
      const k = ctx.workbook.settings.getItemOrNullObject("k");
      const none = ctx.workbook.settings.getItemOrNullObject("none");
      k.load("value");
      await ctx.sync();
      expect([k.value, none.isNullObject]).toEqual([{ a: 2 }, true]);
      ctx.workbook.settings.getItem("none").delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(sim.controls.snapshot().settings).toEqual({ k: { a: 2 } });
    sim.controls.dropSettings();
    expect(sim.controls.snapshot().settings).toEqual({});
  });
});

describe("structure: insert/delete cells, rows and columns", () => {
  test("Range.insert/delete with a shift move only that band; whole columns move everything", async () => {
    const { sim, Excel } = make({ sheets: [{ name: "S", rows: [[1, 2, 3], [4, 5, 6]], conditionalFormats: [{ address: "C1:C2", formula: "=TRUE" }] }] });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").insert(Excel.InsertShiftDirection.right);
      await ctx.sync();
      ws.getRange("B:B").delete(Excel.DeleteShiftDirection.left);
      await ctx.sync();
      ws.getRange("1:1").getEntireRow().insert("Down");
      await ctx.sync();
    });
    const s = sim.controls.snapshot().sheets[0];
    expect(Object.fromEntries(Object.entries(s?.cells ?? {}).map(([a, c]) => [a, c.value]))).toEqual({ B2: 2, C2: 3, A3: 4, B3: 6 });
    // the rule spans rows outside the shifted band, so the cell shift leaves it; column and row moves carry it
    expect(s?.conditionalFormats[0]?.areas).toEqual(["B2:B3"]);
  });

  test("inserting into a full sheet edge fails with NonBlankCellOffSheet", async () => {
    const { Excel } = make({ sheets: [{ name: "S", cells: { XFD1: "edge" } }] });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A:A").insert("Right");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "NonBlankCellOffSheet" });
    });
  });

  test("merges, used range (values only or with formats) and getMergedAreasOrNullObject", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("E9").numberFormat = [["@"]];
      const valuesOnly = ws.getUsedRangeOrNullObject(true);
      const withFormats = ws.getUsedRangeOrNullObject(false);
      const empty = ctx.workbook.worksheets.getItem("Other").getUsedRangeOrNullObject(true);
      const merged = ws.getRange("A1:C9").getMergedAreasOrNullObject();
      const noMerge = ws.getRange("A1:C3").getMergedAreasOrNullObject();
      valuesOnly.load("address");
      withFormats.load("address");
      merged.load("address");
      await ctx.sync();
      expect([valuesOnly.address, withFormats.address, empty.isNullObject]).toEqual(["Data!A1:C3", "Data!A1:E9", true]);
      expect([merged.address, noMerge.isNullObject]).toEqual(["Data!A5:B5", true]);
    });
  });
});

describe("undo", () => {
  test("each sync that changes something is an undo step; mergeUndoGroup makes a run one step", async () => {
    const { sim, Excel } = make();
    const twoSyncs = async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Other").getRange("A2").values = [[2]];
      await ctx.sync();
    };
    await Excel.run(twoSyncs);
    expect(sim.model.undo.depth).toBe(2);
    await Excel.run({ mergeUndoGroup: true }, twoSyncs);
    expect(sim.model.undo.depth).toBe(3);
    sim.controls.editCell("Other", "B1", "x");
    expect(sim.model.undo).toEqual({ depth: 4, clears: 0 });
    sim.controls.protectSheet("Other");
    expect(sim.model.undo).toEqual({ depth: 0, clears: 1 });
  });
});

describe("sheets", () => {
  test("names are validated and unique ignoring case; the last visible sheet cannot be deleted", async () => {
    const { Excel } = make({ sheets: [{ name: "Only" }] });
    await Excel.run(async (ctx) => {
      for (const bad of ["a/b", "x".repeat(32), "'q", "  ", "a[1]", "History"]) {
        ctx.workbook.worksheets.add(bad);
        await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      }
      ctx.workbook.worksheets.add("only");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      ctx.workbook.worksheets.getItem("Only").delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      const added = ctx.workbook.worksheets.add();
      added.load("name, position");
      await ctx.sync();
      expect([added.name, added.position]).toEqual(["Sheet2", 1]);
    });
  });

  test("a proxy keeps its sheet through a rename; addresses quote names that need it", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.load("name");
      await ctx.sync();
      ws.name = "考核 2026";
      const r = ws.getRange("B2");
      r.load("address");
      await ctx.sync();
      expect(r.address).toBe("'考核 2026'!B2");
      ctx.workbook.worksheets.getItem("Other").getRange("C:C").load("address");
      const cjk = ctx.workbook.worksheets.add("考核明细").getRange("5:5");
      cjk.load("address");
      await ctx.sync();
      expect(cjk.address).toBe("考核明细!5:5");
    });
  });

  test("each sheet keeps its selection; activating it again restores it", async () => {
    const { sim, Excel } = make();
    await sim.controls.select("Other", "C5");
    await sim.controls.activate("Data");
    await sim.controls.activate("Other");
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      const cell = ctx.workbook.getActiveCell();
      r.load("address");
      cell.load("address");
      await ctx.sync();
      expect([r.address, cell.address]).toEqual(["Other!C5", "Other!C5"]);
    });
  });

  test("freeze panes and activate", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Other");
      ws.freezePanes.freezeRows(4);
      ws.activate();
      const loc = ws.freezePanes.getLocationOrNullObject();
      loc.load("address");
      await ctx.sync();
      expect(loc.address).toBe("Other!1:4");
    });
    expect(sim.controls.snapshot()).toMatchObject({ activeSheet: "Other", sheets: [{}, { freeze: { rows: 4, cols: 0 } }] });
  });
});

describe("proxies and runs", () => {
  test("a proxy from a finished Excel.run refuses further use (InvalidObjectPath)", async () => {
    const { Excel } = make();
    const ws = await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Data");
      s.load("name");
      await ctx.sync();
      return s;
    });
    expect(ws.name).toBe("Data");
    expect(() => ws.load("id")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  test("an *OrNullObject reached through a missing object is null, not an error", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      const name = ctx.workbook.names.getItemOrNullObject("_Kaohe_O_k1");
      const range = name.getRangeOrNullObject();
      range.load("address");
      await ctx.sync();
      expect([name.isNullObject, range.isNullObject]).toEqual([true, true]);
      name.getRange().load("address");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("Range.format: styles live on cells (clear('Formats') resets them), autofit changes widths", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:C1");
      r.format.font.bold = true;
      r.format.fill.color = "#FFFF00";
      r.format.autofitColumns();
      r.format.load("wrapText");
      r.format.font.load("bold");
      await ctx.sync();
      expect([r.format.font.bold, r.format.wrapText]).toEqual([true, false]);
      ctx.workbook.worksheets.getItem("Data").getRange("A1").clear("Formats");
      await ctx.sync();
      r.format.font.load("bold");
      await ctx.sync();
      expect(r.format.font.bold).toBeNull(); // cells differ now
    });
    const s = sim.controls.snapshot().sheets[0];
    expect(s?.cells.A1?.style).toBeUndefined();
    expect(s?.cells.B1?.style).toEqual({ "font.bold": true, "fill.color": "#FFFF00" });
    expect(Object.keys(s?.columnWidths ?? {})).toEqual(["A:A", "B:B", "C:C"]);
  });
});

describe("user controls", () => {
  test("Excel's cell limits: 32,767 characters of text, 8,192 of formula", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Other").getRange("A1");
      r.values = [["x".repeat(32_767)]];
      await ctx.sync();
      r.values = [["x".repeat(32_768)]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      r.formulas = [[`="${"x".repeat(8_200)}"`]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("typing follows the same entry rules and protection as the API", () => {
    const { sim } = make();
    sim.controls.editCell("Other", "A1", "=SUM(1,2)");
    sim.controls.setNumberFormat("Other", "A2", "@");
    sim.controls.editCell("Other", "A2", "=SUM(1,2)");
    const cells = sim.controls.snapshot().sheets[1]?.cells;
    expect([cells?.A1?.formula, cells?.A2?.formula]).toEqual(["=SUM(1,2)", null]);
    sim.controls.protectSheet("Other");
    expect(() => sim.controls.editCell("Other", "A3", 1)).toThrow(expect.objectContaining({ code: "AccessDenied" }));
  });

  test("any text written to a text-formatted cell comes back exactly (property)", async () => {
    await fc.assert(fc.asyncProperty(fc.string(), async (text) => {
      const { sim, Excel } = make();
      await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Other").getRange("A1");
        r.numberFormat = [["@"]];
        r.values = [[text]];
        await ctx.sync();
      });
      const c = sim.controls.snapshot().sheets[1]?.cells.A1;
      expect(c?.formula ?? null).toBeNull();
      expect(c?.value ?? "").toBe(text);
    }), { numRuns: 200 });
  });

  test("numbers written through values stay the same numbers (property)", async () => {
    await fc.assert(fc.asyncProperty(fc.double({ noNaN: true, noDefaultInfinity: true }), async (n) => {
      const { Excel } = make();
      await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Other").getRange("A1");
        r.values = [[n]];
        r.load("values");
        await ctx.sync();
        expect(r.values[0]?.[0]).toBe(n);
      });
    }), { numRuns: 100 });
  });
});

describe("payload measure", () => {
  test("utf8Bytes is the UTF-8 length of the JSON (property, against TextEncoder)", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (v, s) => {
      expect(utf8Bytes(v)).toBe(new TextEncoder().encode(JSON.stringify(v)).length);
      expect(utf8Bytes(s)).toBe(new TextEncoder().encode(JSON.stringify(s)).length);
    }), { numRuns: 300 });
  });
});

describe("browser entry", () => {
  test("installs Office/Excel/OfficeExtension and kaoheSim on window, seeded from kaoheSimSeed", async () => {
    const win: Record<string, unknown> = { kaoheSimSeed: { sheets: [{ name: "考核", rows: [["甲", 1]] }] }, kaoheSimOptions: { excelApi: "1.14" } };
    const g = globalThis as unknown as { window?: unknown };
    g.window = win;
    try {
      jest.isolateModules(() => require("./office/browser-entry"));
    } finally {
      delete g.window;
    }
    const Office = win.Office as typeof globalThis.Office;
    const ExcelApi = win.Excel as typeof globalThis.Excel;
    const sim = win.kaoheSim as { editCell(s: string, a: string, v: string): void; model(): { sheets: Array<{ name: string; cells: Record<string, { value: unknown }> }> } };
    expect((await Office.onReady()).host).toBe("Excel");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
    sim.editCell("考核", "B1", "2");
    const v = await ExcelApi.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("考核").getRange("A1:B1");
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(v).toEqual([["甲", 2]]);
    expect(JSON.parse(JSON.stringify(sim.model())).sheets[0].name).toBe("考核");
  });
});

describe("browser safety", () => {
  test("the simulator uses no Node-only API (it is bundled into a browser page)", () => {
    const dir = join(__dirname, "office");
    const files = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));
    const offenders = files(dir)
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => /\brequire\(|\bprocess\.|\bBuffer\b|from "(fs|path|os|crypto|util|node:[a-z]+)"|__dirname/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
