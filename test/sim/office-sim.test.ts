/**
 * The simulator's own behaviour, each test naming the Office.js rule it models. Code here is typed
 * against @types/office-js (through asOfficeJs), as the adapter is.
 */
import { asOfficeJs, createOfficeSim, SimOfficeError, type SimOptions, type SimSeed } from "./office/index";

const seed: SimSeed = {
  sheets: [
    { name: "Data", rows: [["单位", "得分"], ["甲", 90], ["乙", 80]] },
    { name: "Other" },
  ],
};

function make(s: SimSeed = seed, o: SimOptions = {}) {
  const sim = createOfficeSim(s, { year: 2026, ...o });
  return { sim, ...asOfficeJs(sim) };
}

async function rejection(p: Promise<unknown>): Promise<SimOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SimOfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to reject");
}

describe("proxy semantics", () => {
  test("reading a property before load + sync throws PropertyNotLoaded", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B3");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([["单位", "得分"], ["甲", 90], ["乙", 80]]);
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("load paths: 'a, b/c' and 'items/x' on collections", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name, items/position");
      const r = sheets.getItem("Data").getRange("B2");
      r.load("address, worksheet/name");
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([["Data", 0], ["Other", 1]]);
      expect(r.address).toBe("Data!B2");
      expect(r.worksheet.name).toBe("Data");
      expect(() => sheets.items[0]?.id).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("writes are applied only at sync", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [["x"]];
      expect(sim.controls.snapshot().sheets[1]?.cells).toEqual({});
      await ctx.sync();
      expect(sim.controls.snapshot().sheets[1]?.cells.A1?.value).toBe("x");
    });
  });

  test("a failing action rejects the sync; earlier actions stay applied, later ones never run", async () => {
    const { sim, Excel } = make();
    const err = await rejection(Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("C1").values = [["before"]];
      ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [["boom"]];
      ws.getRange("D1").values = [["after"]];
      await ctx.sync();
    }));
    expect(err.code).toBe("ItemNotFound");
    expect(err.debugInfo.errorLocation).toBeDefined();
    const cells = sim.controls.snapshot().sheets[0]?.cells ?? {};
    expect(cells.C1?.value).toBe("before");
    expect(cells.D1).toBeUndefined();
  });

  test("a failed sync delivers none of its loads", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      r.load("values");
      ctx.workbook.worksheets.getItem("Nope").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("*OrNullObject: isNullObject after sync, acting on a null object fails", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const present = ctx.workbook.worksheets.getItemOrNullObject("data");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      missing.getRange("A1").values = [["x"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("ClientResult: value readable after sync only", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      const n = ctx.workbook.worksheets.getCount();
      expect(() => n.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await ctx.sync();
      expect(n.value).toBe(2);
    });
  });

  test("a proxy of another request context cannot be an argument (InvalidRequestContext)", async () => {
    const { Excel } = make();
    await Excel.run(async (a) => {
      const rangeOfA = a.workbook.worksheets.getItem("Data").getRange("B2");
      await Excel.run(async (b) => {
        b.workbook.names.add("Mixed", rangeOfA);
        await expect(b.sync()).rejects.toMatchObject({ code: "InvalidRequestContext" });
      });
    });
  });

  test("a batch function must return a promise (RunMustReturnPromise)", async () => {
    const { Excel } = make();
    const notAsync = ((ctx: Excel.RequestContext) => void ctx.workbook.load("name")) as unknown as (ctx: Excel.RequestContext) => Promise<void>;
    await expect(Excel.run(notAsync)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  test("Excel.run flushes queued writes when the batch resolves, and counts syncs", async () => {
    const { sim, Excel } = make();
    const before = sim.controls.syncCount();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [[1]];
    });
    expect(sim.controls.snapshot().sheets[1]?.cells.A1?.value).toBe(1);
    expect(sim.controls.syncCount() - before).toBe(1);
    expect(sim.controls.batches().at(-1)?.actions).toEqual(["Range.values"]);
  });
});

describe("Range.values converts text as typing does, unless the cell is text-formatted", () => {
  async function writeAndRead(input: string, format?: string) {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Other").getRange("A1");
      if (format) r.numberFormat = [[format]];
      r.values = [[input]];
      await ctx.sync();
    });
    return sim.controls.snapshot().sheets[1]?.cells.A1;
  }

  test("'=…' becomes a formula through values, stays text under '@'", async () => {
    expect((await writeAndRead('=HYPERLINK("http://x","y")'))?.formula).toBe('=HYPERLINK("http://x","y")');
    const text = await writeAndRead('=HYPERLINK("http://x","y")', "@");
    expect(text).toEqual({ value: '=HYPERLINK("http://x","y")', formula: null, numberFormat: "@" });
  });

  test("'+', '-' and '@' leading text becomes a formula unless '@' format", async () => {
    expect((await writeAndRead("-甲"))?.formula).toBe("=-甲");
    expect((await writeAndRead("+甲"))?.formula).toBe("=+甲");
    expect((await writeAndRead("@甲"))?.formula).toBe("=甲");
    expect((await writeAndRead("-甲", "@"))?.formula).toBeNull();
  });

  test("'4/5' becomes a date serial with a date format unless '@'", async () => {
    const d = await writeAndRead("4/5");
    expect(d?.value).toBe(46117); // 2026-04-05
    expect(d?.numberFormat).not.toBe("General");
    expect(await writeAndRead("4/5", "@")).toEqual({ value: "4/5", formula: null, numberFormat: "@" });
    expect((await writeAndRead("2024-01-02"))?.value).toBe(45293);
    expect((await writeAndRead("3月5日"))?.value).toBe(46086);
  });

  test("number-like text becomes a number, TRUE a boolean, an apostrophe keeps text", async () => {
    expect((await writeAndRead("12"))?.value).toBe(12);
    expect((await writeAndRead("1e3"))?.value).toBe(1000);
    expect(await writeAndRead("50%")).toEqual({ value: 0.5, formula: null, numberFormat: "0%" });
    expect((await writeAndRead("TRUE"))?.value).toBe(true);
    expect((await writeAndRead("'12"))?.value).toBe("12");
    expect((await writeAndRead("12", "@"))?.value).toBe("12");
    expect((await writeAndRead("甲"))?.value).toBe("甲");
  });

  test("formulas setter makes formulas even for a text-formatted cell; size must match or be one value", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Other");
      ws.getRange("A1").numberFormat = [["@"]];
      ws.getRange("A1").formulas = [["=1+1"]];
      ws.getRange("B1:C2").values = "x" as unknown as string[][];
      await ctx.sync();
      ws.getRange("A1:B1").values = [["only one"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    const cells = sim.controls.snapshot().sheets[1]?.cells ?? {};
    expect(cells.A1?.formula).toBe("=1+1");
    expect([cells.B1?.value, cells.C2?.value]).toEqual(["x", "x"]);
  });

  test("null in a values array leaves that cell unchanged", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A2:B2").values = [[null, 1]];
      await ctx.sync();
    });
    expect(sim.controls.snapshot().sheets[0]?.cells.A2?.value).toBe("甲");
  });
});

describe("conditional formats: ids are priorities that shift", () => {
  test("a new rule takes priority 0 and shifts every other rule's id", async () => {
    const { sim, Excel } = make();
    const id = await Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Data").getRange("B2:B3").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=B2<85";
      cf.custom.format.fill.color = "#FFEB9C";
      cf.load("id, priority");
      await ctx.sync();
      expect(cf.priority).toBe(0);
      return cf.id;
    });
    sim.controls.addConditionalFormat("Data", "A1:A3", "=LEN(A1)>1", "#FF0000");
    await Excel.run(async (ctx) => {
      const all = ctx.workbook.worksheets.getItem("Data").getRange().conditionalFormats;
      all.load("items/id, items/priority, items/custom/rule/formula");
      const stored = all.getItem(id);
      stored.load("custom/rule/formula");
      await ctx.sync();
      expect(all.items.map((c) => [c.id, c.priority, c.custom.rule.formula])).toEqual([["0", 0, "=LEN(A1)>1"], ["1", 1, "=B2<85"]]);
      expect(stored.custom.rule.formula).toBe("=LEN(A1)>1"); // the stored id now names the user's rule
      stored.delete();
      await ctx.sync();
    });
    expect(sim.controls.snapshot().sheets[0]?.conditionalFormats.map((c) => c.formula)).toEqual(["=B2<85"]);
  });

  test("ConditionalFormatCollection.add puts the new rule on top: an earlier rule's id moves from 0 to 1", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("Data").getRange().conditionalFormats;
      const first = ctx.workbook.worksheets.getItem("Data").getRange("A1").conditionalFormats.add("Custom");
      first.custom.rule.formula = "=1";
      first.load("id");
      await ctx.sync();
      const second = ctx.workbook.worksheets.getItem("Data").getRange("A2").conditionalFormats.add("Custom");
      second.custom.rule.formula = "=2";
      second.load("id");
      first.load("id, priority");
      const atZero = cfs.getItemAt(0);
      atZero.load("custom/rule/formula");
      await ctx.sync();
      expect([second.id, first.id, first.priority, atZero.custom.rule.formula]).toEqual(["0", "1", 1, "=2"]);
    });
    expect(sim.controls.snapshot().sheets[0]?.conditionalFormats.map((c) => c.formula)).toEqual(["=2", "=1"]);
  });

  test("a narrower range sees only the rules intersecting it; proxies from add stay bound", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const mine = ws.getRange("B2:B3").conditionalFormats.add("Custom");
      mine.custom.rule.formula = "=TRUE";
      ws.getRange("D1").conditionalFormats.add("Custom").custom.rule.formula = "=FALSE";
      const narrow = ws.getRange("B1:B9").conditionalFormats;
      narrow.load("items/type");
      const count = ws.getRange().conditionalFormats.getCount();
      await ctx.sync();
      expect(narrow.items).toHaveLength(1);
      expect(count.value).toBe(2);
      mine.delete();
      await ctx.sync();
    });
    expect(sim.controls.snapshot().sheets[0]?.conditionalFormats.map((c) => c.formula)).toEqual(["=FALSE"]);
  });

  test("RangeAreas.conditionalFormats.add makes one rule over all areas", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem("Data").getRanges("B2, B3:C3");
      areas.conditionalFormats.add("Custom").custom.rule.formula = "=1";
      areas.load("address, areaCount");
      await ctx.sync();
      expect(areas.address).toBe("Data!B2,Data!B3:C3");
    });
    expect(sim.controls.snapshot().sheets[0]?.conditionalFormats[0]?.areas).toEqual(["B2", "B3:C3"]);
  });
});

describe("named items", () => {
  test("a sheet-scoped name follows a rename and inserted columns; deleting its area gives #REF!", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.names.add("_Kaohe_Out", "=Data!$B$2:$B$3");
      ws.names.add("_Kaohe_Sheet", '="k1"');
      await ctx.sync();
    });
    sim.controls.renameSheet("Data", "考核 表");
    sim.controls.insertColumns("考核 表", "A");
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("考核 表");
      const out = ws.names.getItem("_Kaohe_Out");
      const token = ws.names.getItem("_Kaohe_Sheet");
      out.load("formula, value, type");
      token.load("value, type, scope");
      const r = out.getRange();
      r.load("address, values");
      await ctx.sync();
      expect(out.formula).toBe("='考核 表'!$C$2:$C$3");
      expect(out.type).toBe("Range");
      expect(r.values).toEqual([[90], [80]]);
      expect([token.value, token.type, token.scope]).toEqual(["k1", "String", "Worksheet"]);
    });
    sim.controls.deleteColumns("考核 表", "C");
    await Excel.run(async (ctx) => {
      const out = ctx.workbook.worksheets.getItem("考核 表").names.getItem("_Kaohe_Out");
      out.load("formula, type");
      const r = out.getRangeOrNullObject();
      await ctx.sync();
      expect([out.formula, out.type, r.isNullObject]).toEqual(["=#REF!", "Error", true]);
    });
  });

  test("duplicate names fail with ItemAlreadyExists; workbook.names holds only workbook scope", async () => {
    const { Excel } = make();
    await Excel.run(async (ctx) => {
      ctx.workbook.names.add("Total", "=Data!$B$2");
      ctx.workbook.worksheets.getItem("Data").names.add("Total", "=Data!$B$3");
      await ctx.sync();
      ctx.workbook.names.load("items/name");
      await ctx.sync();
      expect(ctx.workbook.names.items.map((n) => n.name)).toEqual(["Total"]);
      ctx.workbook.names.add("total", "=1");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
  });
});

describe("protection", () => {
  test("structure protection blocks adding and deleting sheets (AccessDenied); sheet protection blocks writes", async () => {
    const { sim, Excel } = make();
    sim.controls.protectStructure();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("考核明细");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ctx.workbook.worksheets.getItem("Other").delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ctx.workbook.worksheets.getItem("Other").name = "X";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [["allowed"]];
      ctx.workbook.protection.load("protected");
      await ctx.sync();
      expect(ctx.workbook.protection.protected).toBe(true);
    });
    sim.controls.protectSheet("Data");
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("C1").values = [["x"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(sim.controls.snapshot().sheets.map((s) => s.name)).toEqual(["Data", "Other"]);
  });

  test("deleting a sheet and protect/unprotect empty the undo stack; plain writes do not", async () => {
    const { sim, Excel } = make();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [[1]];
      await ctx.sync();
    });
    expect(sim.model.undo).toEqual({ depth: 1, clears: 0 });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").delete();
      await ctx.sync();
    });
    expect(sim.model.undo).toEqual({ depth: 0, clears: 1 });
  });
});

describe("cell edit mode", () => {
  test("a batch fails with InvalidOperationInCellEditMode while the user edits a cell", async () => {
    const { sim, Excel } = make();
    sim.controls.enterCellEditMode();
    const err = await rejection(Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [[1]];
      await ctx.sync();
    }));
    expect(err.code).toBe("InvalidOperationInCellEditMode");
    expect(sim.controls.snapshot().sheets[1]?.cells).toEqual({});
  });

  test("delayForCellEdit waits until the user leaves edit mode", async () => {
    const { sim, Excel } = make();
    sim.controls.enterCellEditMode();
    let done = false;
    const run = Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [[1]];
      await ctx.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    sim.controls.exitCellEditMode();
    await run;
    expect(sim.controls.snapshot().sheets[1]?.cells.A1?.value).toBe(1);
  });
});

describe("payload limits", () => {
  test("a request over 5 MB (UTF-8) fails before anything runs", async () => {
    const { sim, Excel } = make();
    const big = Array.from({ length: 1000 }, () => ["考".repeat(1700)]); // ~5.1 MB in UTF-8, ~1.7 M UTF-16 units
    const err = await rejection(Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Other");
      ws.getRange("B1").values = [["first"]];
      ws.getRange("A1:A1000").values = big;
      await ctx.sync();
    }));
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(sim.controls.snapshot().sheets[1]?.cells).toEqual({});
  });

  test("a response over 5 MB fails; reads over 5,000,000 cells fail", async () => {
    const rows = Array.from({ length: 600 }, () => ["x".repeat(9000)]);
    const { Excel } = make({ sheets: [{ name: "Big", rows }] });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Big");
      ws.getRange("A1:A600").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      ws.getRange("A1:E1000001").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
      ws.getRange("A1:A300").load("values");
      await ctx.sync();
    });
  });
});

describe("requirement sets", () => {
  test("isSetSupported answers from the configured ExcelApi version", () => {
    const { Office } = make(seed, { excelApi: "1.14" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.14")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(Office.context.requirements.isSetSupported("ExcelApiOnline", "1.1")).toBe(false);
  });

  test("APIs newer than the host fail at sync with ApiNotFound", async () => {
    const { Excel } = make(seed, { excelApi: "1.14" });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").notes.add("A1", "说明");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      ctx.workbook.worksheets.getItem("Data").getRange("A1").getMergedAreasOrNullObject();
      await ctx.sync();
    });
    await expect(Excel.run({ mergeUndoGroup: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("C1").values = [[1]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound" });
    const old = make(seed, { excelApi: "1.4" }).Excel;
    await old.run(async (ctx) => {
      ctx.workbook.customXmlParts.add("<a xmlns='urn:x'/>");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      ctx.workbook.worksheets.getItem("Data").getRange("A1").conditionalFormats.add("Custom");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
    const ancient = make(seed, { excelApi: "1.3" }).Excel;
    await ancient.run(async (ctx) => {
      ctx.workbook.names.add("X", "=Data!A1");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

describe("events", () => {
  test("selecting a range and activating a sheet fire the registered handlers", async () => {
    const { sim, Excel } = make();
    const seen: string[] = [];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.onSelectionChanged.add(async (e) => void seen.push(`sel ${e.worksheetId} ${e.address}`));
      ctx.workbook.worksheets.onActivated.add(async (e) => void seen.push(`act ${e.worksheetId}`));
      await ctx.sync();
    });
    const other = sim.model.sheets[1]?.id ?? "";
    await sim.controls.select("Other", "C5");
    expect(seen).toEqual([`act ${other}`, `sel ${other} C5`]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("B3").select();
      await ctx.sync();
    });
    await sim.controls.settle();
    expect(seen.slice(2)).toEqual([`act ${sim.model.sheets[0]?.id ?? ""}`, `sel ${sim.model.sheets[0]?.id ?? ""} B3`]);
  });

  test("a handler removed through its EventHandlerResult no longer fires", async () => {
    const { sim, Excel } = make();
    let n = 0;
    const result = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.onSelectionChanged.add(async () => void n++);
      await ctx.sync();
      return r;
    });
    await sim.controls.select("Data", "A2");
    await Excel.run(result.context, async (ctx) => {
      result.remove();
      await ctx.sync();
    });
    await sim.controls.select("Data", "A3");
    expect(n).toBe(1);
  });
});
