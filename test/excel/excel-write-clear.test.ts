/**
 * The Excel adapter's write and clear steps (src/adapters/excel/write.ts, clear.ts) on the Office.js
 * simulator, where the session's own checks cannot stand in for them: the user protects a sheet or the
 * workbook between the session's read and the adapter's batch, deletes the results sheet, or the host
 * leaves a change undone (controls.holdOnClear / dropNext) so that only the read-back can find it.
 * Each test names what a user would lose or be told wrongly if the adapter's step were broken.
 */
import { columnLetter as col } from "../../src/core/grid";
import type { ScoreOutcome } from "../../src/app/pane-session";
import type { Result } from "../../src/core/issue";
import type { OutputClear, OutputWrite } from "../../src/core/ownership/transaction";
import { rowBatches } from "../../src/adapters/excel/write";
import { communityRow } from "../helpers/community";
import { cellsOf, codes, simSession, userModel, valueAt } from "../helpers/excel-sim";
import { N, OUT, communitySeed } from "./community-seed";
import type { SimSeed } from "../sim/office";



function scored(r: Result<ScoreOutcome>) {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  if (r.value.kind !== "scored") throw new Error(`asked to confirm ${JSON.stringify(r.value.overwrite)}`);
  return r.value;
}

/** A session whose host runs `before` just ahead of its write / clear batch, and may change the transaction. */
function hooked(seed: SimSeed) {
  const t = simSession(seed);
  const hooks: { write?: (tx: OutputWrite) => OutputWrite | void; clear?: (tx: OutputClear) => void } = {};
  const seen: { write?: OutputWrite; clear?: OutputClear } = {};
  const write = t.host.write.bind(t.host);
  const clear = t.host.clear.bind(t.host);
  t.host.write = (tx, state, at) => {
    const used = hooks.write?.(tx) ?? tx;
    seen.write = used;
    return write(used, state, at);
  };
  t.host.clear = (tx, state) => {
    hooks.clear?.(tx);
    seen.clear = tx;
    return clear(tx, state);
  };
  return { ...t, hooks, seen };
}

/**
 * Runs `protect` just ahead of the adapter's `step` batch (after the session has looked) and returns
 * what the workbook held at that moment, for "refused, and nothing changes".
 */
function protectJustBefore(t: ReturnType<typeof hooked>, step: "write" | "clear", protect: () => void): () => ReturnType<typeof t.user.snapshot> {
  let before = t.user.snapshot();
  t.hooks[step] = () => {
    protect();
    before = t.user.snapshot();
  };
  return () => before;
}

const names = (t: { user: { snapshot(): { names: Array<{ name: string; ref: unknown }> } } }) =>
  Object.fromEntries(t.user.snapshot().names.map((n) => [n.name, n.ref]));

describe("Excel clear step", () => {
  it("a sheet protected after the session looked is refused with sheet.protected, and nothing changes", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    scored(await t.session.score());
    const before = protectJustBefore(t, "clear", () => t.user.protectSheet("考核"));
    const r = await t.session.clear();
    expect(codes(r)).toEqual([["sheet.protected", { sheet: "考核" }]]);
    expect(!r.ok && r.issues[0]?.sheet).toBe("考核");
    expect(t.user.snapshot()).toEqual(before());
  });

  it("a structure-protected workbook is refused when the results sheet is to go, with that sheet named, and nothing changes", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    scored(await t.session.score());
    const before = protectJustBefore(t, "clear", () => t.user.protectStructure());
    const r = await t.session.clear();
    expect(codes(r)).toEqual([["workbook.structureProtected", { sheet: "考核明细" }]]);
    expect(!r.ok && r.issues[0]?.sheet).toBe("考核");
    expect(t.user.snapshot()).toEqual(before());
  });

  it("with the results sheet already deleted by the user, a structure-protected workbook still clears, and the report names no results sheet", async () => {
    const t = hooked(communitySeed());
    const before = t.user.snapshot();
    await t.session.open();
    scored(await t.session.score());
    t.hooks.clear = (tx) => {
      expect(tx.deleteResults).toBe("考核明细"); // the session still plans to delete it
      t.user.deleteSheet("考核明细");
      t.user.protectStructure();
    };
    const r = await t.session.clear();
    expect(r.ok && r.value.resultsSheet).toBeNull();
    const after = userModel(t.user.snapshot());
    expect({ ...after, structureProtected: false }).toEqual(userModel(before));
  });

  it("with a hand mapping kept for the sheet, clear leaves the sheet's token name, so the mapping survives a rename", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    await t.session.setMapping("群众满意率", "V");
    scored(await t.session.score());
    expect((await t.session.clear()).ok).toBe(true);
    expect(t.seen.clear?.forgetSheet).toBe(false);
    expect(t.user.snapshot().names.map((n) => [n.name, n.scope])).toEqual([["_Kaohe_Sheet", "考核"]]);
    t.user.renameSheet("考核", "考核（改名）");
    const opened = await t.session.open();
    expect(opened.ok && opened.value.rows.find((r) => r.indicator === "群众满意率")).toMatchObject({ column: "V", manual: true });
  });

  it("restores a cell's earlier number format only where one was recorded; the others keep what they have", async () => {
    const t = hooked(communitySeed());
    // The user had formatted two of Kaohe's future total cells; the other total cells were General.
    t.user.setNumberFormat("考核", `${OUT(0)}4`, "0.0");
    t.user.setNumberFormat("考核", `${OUT(0)}5`, "0.00");
    const before = t.user.snapshot();
    await t.session.open();
    scored(await t.session.score());
    expect(cellsOf(t.user.snapshot(), "考核")[`${OUT(0)}4`]?.numberFormat).toBe("0.0"); // kept while Kaohe's value is there
    t.hooks.clear = (tx) => {
      // Forget what was recorded for all but the first total cell: those cells keep the format they have now.
      (tx as { clear: OutputClear["clear"] }).clear = tx.clear.map((c) => (c.row === 3 && c.col === N ? c : { ...c, format: null }));
      t.user.setNumberFormat("考核", `${OUT(0)}5`, "0%"); // changed by the user since, and no record of it
    };
    expect((await t.session.clear()).ok).toBe(true);
    const cells = cellsOf(t.user.snapshot(), "考核");
    expect(cells[`${OUT(0)}4`]?.numberFormat).toBe("0.0");
    expect(cells[`${OUT(0)}5`]?.numberFormat).toBe("0%");
    expect(cellsOf(before, "考核")[`${OUT(0)}5`]?.numberFormat).toBe("0.00");
  });

  it("a cell the host leaves uncleared is reported as clear.unverified naming its area, not as cleared", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    scored(await t.session.score());
    // Kaohe's ranks (one column, rows 4-5) and the title row: one cell of the rank column stays.
    t.user.holdOnClear("考核", `${OUT(1)}5`);
    const r = await t.session.clear();
    const areas = t.seen.clear ? t.seen.clear.clear.filter((c) => c.col === N + 1).length : 0;
    expect(areas).toBeGreaterThan(1);
    expect(codes(r)).toEqual([["clear.unverified", { left: `${OUT(1)}3:${OUT(1)}7` }]]);
    expect(!r.ok && r.issues[0]?.sheet).toBe("考核");
    expect(valueAt(t.user.snapshot(), "考核", `${OUT(1)}5`)).toBe(1);
  });

  it("a highlight rule the host did not delete is reported as left", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    scored(await t.session.score());
    t.user.dropNext("ConditionalFormat.delete");
    const r = await t.session.clear();
    expect(codes(r)).toEqual([["clear.unverified", { left: "highlights" }]]);
  });

  it("a results sheet the host did not delete is reported as left, by name", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    scored(await t.session.score());
    t.user.dropNext("Worksheet.delete");
    const r = await t.session.clear();
    expect(codes(r)).toEqual([["clear.unverified", { left: "考核明细" }]]);
    expect(t.user.snapshot().sheets.map((s) => s.name)).toContain("考核明细");
  });
});

describe("Excel write step", () => {
  it("re-scoring after a unit became incomplete empties its old total and rank instead of leaving them", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    scored(await t.session.score());
    expect(typeof valueAt(t.user.snapshot(), "考核", `${OUT(0)}5`)).toBe("number");
    t.user.editCell("考核", "V5", "abc"); // 城东社区's 群众满意率 no longer a number
    const r = scored(await t.session.score());
    expect(r.result.counts).toEqual({ scored: 1, vetoed: 0, incomplete: 2 });
    const w = t.seen.write;
    expect(w?.values[2]?.[0]).toBeNull(); // the plan empties it
    const cells = cellsOf(t.user.snapshot(), "考核");
    expect([cells[`${OUT(0)}5`]?.value ?? "", cells[`${OUT(1)}5`]?.value ?? ""]).toEqual(["", ""]);
  });

  it("numbers keep the cell's own format (never text \"@\"); only non-empty text gets \"@\"", async () => {
    const t = hooked(communitySeed());
    t.user.setNumberFormat("考核", `${OUT(0)}4`, "0.0");
    await t.session.open();
    scored(await t.session.score());
    const cells = cellsOf(t.user.snapshot(), "考核");
    expect([cells[`${OUT(0)}4`]?.value, cells[`${OUT(0)}4`]?.numberFormat]).toEqual([97.5, "0.0"]);
    expect(cells[`${OUT(1)}4`]?.numberFormat ?? "General").toBe("General");
    expect(cells[`${OUT(2)}4`]?.numberFormat).toBe("@");
    const results = cellsOf(t.user.snapshot(), "考核明细");
    const entries = Object.values(results);
    expect(entries.some((c) => typeof c.value === "number")).toBe(true);
    for (const c of entries) {
      if (typeof c.value === "string" && c.value !== "") expect(c.numberFormat).toBe("@");
      else expect(c.numberFormat).toBe("General");
    }
  });

  it("a sheet protected after the session looked is refused with sheet.protected before anything is written", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    const before = protectJustBefore(t, "write", () => t.user.protectSheet("考核"));
    const r = await t.session.score();
    expect(codes(r)[0]).toEqual(["sheet.protected", { sheet: "考核" }]);
    expect(!r.ok && r.issues[0]?.sheet).toBe("考核");
    expect(userModel(t.user.snapshot())).toEqual(userModel(before()));
  });

  it("a workbook structure-protected after the session looked is refused, naming the sheet it would add", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    const before = protectJustBefore(t, "write", () => t.user.protectStructure());
    const r = await t.session.score();
    expect(codes(r)[0]).toEqual(["workbook.structureProtected", { sheet: "考核明细" }]);
    expect(!r.ok && r.issues[0]?.sheet).toBe("考核");
    expect(userModel(t.user.snapshot())).toEqual(userModel(before()));
  });

  it("re-scoring with fewer units empties the reused results sheet first: no stale rows", async () => {
    const t = hooked(communitySeed({}, [communityRow("北门社区"), communityRow("南门社区")]));
    await t.session.open();
    scored(await t.session.score());
    const first = cellsOf(t.user.snapshot(), "考核明细");
    expect(Object.values(first).some((c) => c.value === "南门社区")).toBe(true);
    t.user.deleteRows("考核", "8:9");
    scored(await t.session.score());
    const m = t.user.snapshot();
    expect(m.sheets.map((s) => s.name)).toEqual(["考核", "其他", "考核明细"]);
    const rows = t.seen.write?.results.rows ?? [];
    const cells = cellsOf(m, "考核明细");
    const expected: Record<string, unknown> = {};
    rows.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== "") expected[`${col(c)}${r + 1}`] = v;
    }));
    const actual = Object.fromEntries(Object.entries(cells).filter(([, c]) => c.value !== "" && c.value !== null).map(([a, c]) => [a, c.value]));
    expect(actual).toEqual(expected);
    expect(Object.values(cells).some((c) => c.value === "南门社区")).toBe(false);
  });

  it("the results name points at the results sheet's A1; the output name at exactly the output box", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    scored(await t.session.score());
    const box = t.seen.write?.area;
    expect(box).toBeDefined();
    const n = names(t);
    expect(n._Kaohe_R_k1).toEqual({ sheet: "考核明细", area: "A1" });
    expect(n._Kaohe_O_k1).toEqual({ sheet: "考核", area: `${OUT(0)}3:${OUT(3)}7` });
  });

  it("while the write batch runs, the intent's output name already covers exactly the output box", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    let during: Record<string, unknown> = {};
    const write = t.host.write.bind(t.host);
    t.host.write = async (tx, state, at) => {
      const r = await write(tx, state, at);
      during = names(t);
      return r;
    };
    t.user.failNext("WorksheetFreezePanes.freezeRows"); // fails the write batch, after the intent was saved
    const r = await t.session.score();
    expect(r.ok).toBe(false);
    expect(during._Kaohe_O_k1).toEqual({ sheet: "考核", area: `${OUT(0)}3:${OUT(3)}7` });
  });

  it("the report's written count is Kaohe's non-empty cells plus its highlight rules", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    const r = scored(await t.session.score());
    const m = t.user.snapshot();
    const box = t.seen.write?.area;
    if (!box) throw new Error("no write");
    let filled = 0;
    for (let row = box.top; row <= box.bottom; row++)
      for (let c = box.left; c <= box.right; c++) {
        const v = cellsOf(m, "考核")[`${col(c)}${row + 1}`]?.value;
        if (v !== undefined && v !== "") filled++;
      }
    const rules = m.sheets[0]?.conditionalFormats.length ?? 0;
    expect(rules).toBeGreaterThan(0);
    expect(filled).toBeGreaterThan(0);
    expect(r.report.written).toBe(filled + rules);
  });

  it("results larger than one request are written completely, in several syncs, every cell in place", async () => {
    const t = hooked(communitySeed());
    await t.session.open();
    // About 6.3 MB of results (2.1 million characters, three UTF-8 bytes each): more than one 5 MB request
    // or response, so the write and its read-back must be split.
    const big = Array.from({ length: 3_000 }, (_, r) => [`单位${r}`, r, r % 7 === 0 ? null : `${r}`.padEnd(700, "考"), r + 0.5]);
    t.hooks.write = (tx) => ({ ...tx, results: { ...tx.results, rows: big } });
    const before = t.user.syncCount();
    scored(await t.session.score());
    expect(t.user.syncCount() - before).toBeGreaterThan(8);
    const cells = cellsOf(t.user.snapshot(), "考核明细");
    big.forEach((row, r) => row.forEach((v, c) => {
      const got = cells[`${col(c)}${r + 1}`];
      expect([r, c, got?.value ?? "", got?.numberFormat ?? "General"]).toEqual([r, c, v ?? "", typeof v === "string" ? "@" : "General"]);
    }));
    expect(Object.keys(cells).filter((a) => !/^[A-D]\d+$/.test(a) || Number(a.slice(1)) > big.length)).toEqual([]);
  });
});

describe("rowBatches", () => {
  const row = (chars: number) => ["x".repeat(chars - 4)]; // JSON.stringify(["…"]) adds four characters
  it("keeps rows together up to 3,000,000 characters exactly, and splits after", () => {
    expect(rowBatches([row(1_500_000), row(1_500_000)])).toEqual([[0, 2]]);
    expect(rowBatches([row(1_500_000), row(1_500_001)])).toEqual([[0, 1], [1, 2]]);
    expect(rowBatches([row(1_000_000), row(1_000_000), row(1_000_000), row(1_000_000), row(10)])).toEqual([[0, 3], [3, 5]]);
  });
  it("counts UTF-8 bytes, as the host's request limit does: a Chinese character is three", () => {
    const cjk = (chars: number) => ["考".repeat(chars)];
    expect(rowBatches([cjk(600_000), cjk(600_000)])).toEqual([[0, 1], [1, 2]]);
    expect(rowBatches([cjk(400_000), cjk(400_000)])).toEqual([[0, 2]]);
  });
  it("a single row over the limit is a batch of its own, never an empty one", () => {
    expect(rowBatches([row(3_500_000)])).toEqual([[0, 1]]);
    expect(rowBatches([row(3_500_000), row(3_500_000), row(10)])).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(rowBatches([row(10), row(3_500_000)])).toEqual([[0, 1], [1, 2]]);
    expect(rowBatches([row(10), row(20)])).toEqual([[0, 2]]);
    expect(rowBatches([])).toEqual([[0, 0]]);
  });
});
