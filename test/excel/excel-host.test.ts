/**
 * The Excel adapter under the pane's session, on the Office.js simulator (test/sim/office): loads and
 * writes batched and run at sync, PropertyNotLoaded on unloaded reads, no rollback on a failed sync,
 * Range.values typing conversion, shifting conditional-format priorities, names that follow renames
 * and insertions, protection. Each test named after a way the pane used to lose or leave things.
 */
import type { ScoreOutcome } from "../../src/app/pane-session";
import type { Result } from "../../src/core/issue";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { cellsOf, simSession, userModel, valueAt } from "../helpers/excel-sim";
import { N, OUT, communitySeed } from "./community-seed";



function scored(r: Result<ScoreOutcome>) {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  if (r.value.kind !== "scored") throw new Error(`asked to confirm ${JSON.stringify(r.value.overwrite)}`);
  return r.value;
}

describe("Excel adapter on the Office.js simulator", () => {
  it("scores: outputs beside the table, highlights by marker, results sheet, a record anchored by names", async () => {
    const { session, user } = simSession(communitySeed());
    expect((await session.open()).ok).toBe(true);
    const r = scored(await session.score());
    expect(r.result.counts).toEqual({ scored: 2, vetoed: 0, incomplete: 1 });
    const m = user.snapshot();
    expect([3, 4].map((r) => [0, 1, 2, 3].map((i) => valueAt(m, "考核", `${OUT(i)}${r}`)))).toEqual([
      ["总分", "排名", "考核结果", "年终计生考核总分"],
      [97.5, 2, "已评分", null].map((v) => v ?? undefined),
    ]);
    const sheet = m.sheets.find((s) => s.name === "考核");
    expect(sheet?.conditionalFormats.map((c) => [c.areas.join(","), c.formula, c.fill])).toEqual(expect.arrayContaining([
      ["B4", '=ISTEXT("kaohe-shortfall")', "#FFC7CE"],
      ["V6", '=ISTEXT("kaohe-problem")', "#FFEB9C"],
    ]));
    expect(valueAt(m, "考核明细", "A1")).toBe("Kaohe 考核明细");
    expect(m.names.map((n) => n.name).sort()).toEqual(["_Kaohe_O_k1", "_Kaohe_R_k1", "_Kaohe_Sheet"]);
    expect(m.names.find((n) => n.name === "_Kaohe_O_k1")?.ref).toEqual({ sheet: "考核", area: `${OUT(0)}3:${OUT(3)}7` });
    expect(m.names.every((n) => !n.visible)).toBe(true);
    expect(m.customXmlParts).toHaveLength(1);
    expect(m.customXmlParts[0]?.xml).toContain('"status":"done"');
    expect(m.settings).toEqual({});
  });

  it("never takes a user's own 总分/排名/考核结果 columns for Kaohe's, and clear leaves them", async () => {
    const seed = communitySeed();
    const rows = seed.sheets?.[0]?.rows ?? [];
    rows[2] = [...COMMUNITY_HEADERS, "总分", "排名", "考核结果"];
    rows[3] = [...(rows[3] ?? []), { f: "=SUM(B4:F4)", v: 400 }, 1, "优秀（人工评定）"];
    const { session, user } = simSession(seed);
    const before = user.snapshot();
    await session.open();
    scored(await session.score());
    const m = user.snapshot();
    expect([valueAt(m, "考核", `${OUT(0)}4`), cellsOf(m, "考核")[`${OUT(0)}4`]?.formula, valueAt(m, "考核", `${OUT(2)}4`)]).toEqual([400, "=SUM(B4:F4)", "优秀（人工评定）"]);
    expect(valueAt(m, "考核", `${OUT(3)}3`)).toBe("总分"); // Kaohe's go after the user's
    const preview = await session.previewClear();
    expect(preview.ok && preview.value.kept).toEqual([]);
    expect((await session.clear()).ok).toBe(true);
    expect(userModel(user.snapshot())).toEqual(userModel(before));
  });

  it("keeps a Kaohe cell the user typed over: re-score asks first, clear keeps it and says so", async () => {
    const { session, user } = simSession(communitySeed());
    await session.open();
    scored(await session.score());
    user.editCell("考核", `${OUT(2)}4`, "优秀（人工）");
    user.editCell("考核", `${OUT(0)}7`, "=AVERAGE(AH4:AH6)");
    const ask = await session.score();
    expect(ask.ok && ask.value.kind === "confirm" && ask.value.overwrite.map((c) => c.cell)).toEqual([`${OUT(2)}4`, `${OUT(0)}7`]);
    expect(valueAt(user.snapshot(), "考核", `${OUT(2)}4`)).toBe("优秀（人工）"); // asking wrote nothing

    const preview = await session.previewClear();
    expect(preview.ok && preview.value.kept.map((c) => [c.cell, c.now])).toEqual([[`${OUT(2)}4`, "优秀（人工）"], [`${OUT(0)}7`, "=AVERAGE(AH4:AH6)"]]);
    const cleared = await session.clear();
    expect(cleared.ok && cleared.value.kept.map((c) => c.cell).sort()).toEqual([`${OUT(0)}7`, `${OUT(2)}4`].sort());
    const m = user.snapshot();
    expect(valueAt(m, "考核", `${OUT(2)}4`)).toBe("优秀（人工）");
    expect(cellsOf(m, "考核")[`${OUT(0)}7`]?.formula).toBe("=AVERAGE(AH4:AH6)");
    expect(valueAt(m, "考核", `${OUT(1)}4`)).toBeUndefined();
  });

  it("replaces the user's edits only once confirmed", async () => {
    const { session, user } = simSession(communitySeed());
    await session.open();
    scored(await session.score());
    user.editCell("考核", `${OUT(2)}4`, "优秀（人工）");
    expect((await session.score()).ok).toBe(true);
    const r = scored(await session.score(true));
    expect(r.report.overwritten.map((c) => c.cell)).toEqual([`${OUT(2)}4`]);
    expect(valueAt(user.snapshot(), "考核", `${OUT(2)}4`)).toBe("已评分");
  });

  it("scoring a second sheet keeps the first sheet's record: both clear", async () => {
    const seed = communitySeed();
    seed.sheets?.push({ name: "二季度", rows: [[...COMMUNITY_HEADERS], communityRow("北门社区"), communityRow("南门社区", { "恶性案件数": 1 })] });
    const { session, user } = simSession(seed);
    const before = user.snapshot();
    await session.open();
    scored(await session.score());
    await user.activate("二季度");
    await session.open();
    scored(await session.score());
    const m = user.snapshot();
    expect(m.sheets.map((s) => s.name)).toEqual(["考核", "其他", "二季度", "考核明细", "考核明细 (2)"]);
    expect((await session.clear()).ok).toBe(true);
    await user.activate("考核");
    await session.open();
    expect((await session.clear()).ok).toBe(true);
    expect(userModel(user.snapshot())).toEqual(userModel(before));
  });

  it("renaming the scored sheet keeps clear working and the hand mapping", async () => {
    const { session, user } = simSession(communitySeed());
    const before = user.snapshot();
    await session.open();
    await session.setMapping("群众满意率", "V");
    scored(await session.score());
    user.renameSheet("考核", "考核（改名）");
    user.renameSheet("考核明细", "我的明细");
    const opened = await session.open();
    expect(opened.ok && opened.value.rows.find((r) => r.indicator === "群众满意率")).toMatchObject({ column: "V", manual: true });
    const cleared = await session.clear();
    expect(cleared.ok && cleared.value.resultsSheet).toBe("我的明细");
    const after = user.snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual(["考核（改名）", "其他"]);
    expect(after.sheets[0]?.cells).toEqual(before.sheets[0]?.cells);
    expect(after.sheets[0]?.conditionalFormats).toEqual([]);
  });

  it("follows columns the user inserted before and inside Kaohe's area", async () => {
    const { session, user } = simSession(communitySeed());
    const before = user.snapshot();
    await session.open();
    scored(await session.score());
    user.insertColumns("考核", "B"); // the whole table moves right
    user.editCell("考核", "B3", "备注");
    user.insertColumns("考核", OUT(2)); // a column inside Kaohe's outputs (shifted by one: AJ)
    user.editCell("考核", `${OUT(2)}4`, "我的批注");
    const cleared = await session.clear();
    expect(cleared.ok && cleared.value.kept.map((c) => c.cell)).toEqual([`${OUT(2)}4`]);
    const m = user.snapshot();
    expect(valueAt(m, "考核", `${OUT(2)}4`)).toBe("我的批注");
    expect(valueAt(m, "考核", "B3")).toBe("备注");
    // The table now ends at AH: everything right of it but the user's own cell is gone.
    const rest = Object.keys(cellsOf(m, "考核")).filter((a) => /^(A[I-Z]|B[A-Z])\d+$/.test(a) && a !== `${OUT(2)}4`);
    expect(rest).toEqual([]);
    expect(Object.keys(cellsOf(before, "考核")).length + 2).toBe(Object.keys(cellsOf(m, "考核")).length);
  });

  it("a sheet near the read limit can be scored, re-scored and cleared", async () => {
    const units = Array.from({ length: 20 }, (_, i) => communityRow(`单位${i}`));
    const seed = communitySeed({}, units);
    const rows = (seed.sheets?.[0]?.rows ?? []).length;
    // Room for the user's table, not for the table and Kaohe's four columns together.
    const { session, user } = simSession(seed, {}, "zh-CN", { limits: { maxCells: rows * (N + 2) } });
    const before = user.snapshot();
    await session.open();
    expect(scored(await session.score()).result.counts.scored).toBe(22);
    expect(scored(await session.score()).result.counts.scored).toBe(22);
    expect((await session.clear()).ok).toBe(true);
    expect(userModel(user.snapshot())).toEqual(userModel(before));
  });

  it("with the workbook's structure protected, nothing is written and the message says why", async () => {
    const { session, user } = simSession(communitySeed({ structureProtected: true }));
    const before = user.snapshot();
    await session.open();
    const r = await session.score();
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["workbook.structureProtected"]);
    expect(user.snapshot()).toEqual(before);
  });

  it("a Kaohe results sheet is not scored itself, even renamed", async () => {
    const { session, user } = simSession(communitySeed());
    await session.open();
    scored(await session.score());
    user.renameSheet("考核明细", "明细表");
    await user.activate("明细表");
    const before = user.snapshot();
    await session.open();
    const r = await session.score();
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.owner])).toEqual([["sheet.kaoheResults", "考核"]]);
    expect(user.snapshot()).toEqual(before);
  });

  it("a protected sheet is refused before anything is written", async () => {
    const seed = communitySeed();
    if (seed.sheets?.[0]) seed.sheets[0].protected = true;
    const { session, user } = simSession(seed);
    const before = user.snapshot();
    await session.open();
    const r = await session.score();
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["sheet.protected"]);
    expect(user.snapshot()).toEqual(before);
  });

  it("a write rejected whole after its intent was recorded is taken back and reported with its cause", async () => {
    // Measure a run's and a clear's batches, then allow every request but the run's big write.
    const probe = simSession(communitySeed());
    await probe.session.open();
    const first = probe.user.batches().length;
    scored(await probe.session.score());
    const sizes = probe.user.batches().slice(first).map((b) => b.requestBytes);
    expect((await probe.session.clear()).ok).toBe(true);
    const write = Math.max(...sizes);
    const limit = Math.max(...probe.user.batches().map((b) => b.requestBytes).filter((b) => b < write)) + 1;
    expect(write).toBeGreaterThan(limit);

    const { session, user } = simSession(communitySeed(), { requestLimitBytes: limit });
    const before = user.snapshot();
    await session.open();
    const r = await session.score();
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.cleaned])).toEqual([["table.tooLarge", undefined], ["host.partial", "yes"]]);
    expect(userModel(user.snapshot())).toEqual(userModel(before));
  });

  it("a batch that fails half-way (no rollback in Excel) is cleaned up, keeping what the user did meanwhile", async () => {
    let at = -1;
    const t = simSession(communitySeed(), {}, "zh-CN", {
      // Just before the write batch (prepare, intent, write) the user puts a note on a result cell, so
      // adding Kaohe's note there fails after the values and the results sheet were written.
      beforeSync: (n) => {
        if (n === at) t.sim.model.sheets[0]?.notes.set(`3:${N + 2}`, { content: "用户刚加的批注", author: "User" });
      },
    });
    const before = t.user.snapshot();
    await t.session.open();
    at = t.syncs() + 3 + 2 + 3; // the snapshot's three syncs, two to look for 评分细则 sheets, then prepare, intent, write
    const r = await t.session.score();
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.cleaned])).toEqual([["host.failed", undefined], ["host.partial", "yes"]]);
    const after = t.user.snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual(["考核", "其他"]);
    expect(after.sheets[0]?.notes).toEqual({ [`${OUT(2)}4`]: "用户刚加的批注" });
    expect(after.sheets[0]?.cells).toEqual(before.sheets[0]?.cells);
    expect(after.sheets[0]?.conditionalFormats).toEqual([]);
    expect(after.names).toEqual([]);
  });

  it("writes text as text: formulas, dates and numbers in unit names stay what they are", async () => {
    const hostile = ["=HYPERLINK(\"http://evil\",\"点我\")", "+1", "-2", "@x", "4/5", "1e3", "TRUE"];
    const { session, user } = simSession(communitySeed({}, hostile.map((u) => communityRow(u))));
    await session.open();
    scored(await session.score());
    const results = cellsOf(user.snapshot(), "考核明细");
    const names = Object.entries(results).filter(([a]) => /^A\d+$/.test(a)).map(([, c]) => c);
    for (const text of hostile) {
      const c = names.find((x) => x.value === text);
      expect(c).toMatchObject({ value: text, formula: null });
    }
  });

  it("finds its highlights by marker: a rule the user adds later survives clear, Kaohe's go", async () => {
    const { session, user } = simSession(communitySeed());
    await session.open();
    scored(await session.score());
    user.addConditionalFormat("考核", "B4:B6", "=B4<90", "#00FF00");
    expect((await session.clear()).ok).toBe(true);
    expect(user.snapshot().sheets[0]?.conditionalFormats.map((c) => c.formula)).toEqual(["=B4<90"]);
  });

  it("re-scoring reuses 考核明细 and never empties Excel's undo stack", async () => {
    const { session, user } = simSession(communitySeed());
    await session.open();
    scored(await session.score());
    const clears = user.snapshot().undo.clears;
    await session.chooseRubric("village-2006");
    await session.chooseRubric("community-2009");
    scored(await session.score());
    scored(await session.score());
    expect(user.snapshot().undo.clears).toBe(clears);
    expect(user.snapshot().sheets.map((s) => s.name)).toEqual(["考核", "其他", "考核明细"]);
  });

  it("a run is one undo step where ExcelApi 1.20 allows it, and still runs (several steps) on 1.14", async () => {
    const depthOf = async (excelApi?: string) => {
      const { session, user } = simSession(communitySeed(), excelApi ? { excelApi } : {});
      await session.open();
      const before = user.snapshot().undo.depth;
      scored(await session.score());
      return user.snapshot().undo.depth - before;
    };
    expect(await depthOf()).toBe(1);
    expect(await depthOf("1.14")).toBeGreaterThan(1);
  });

  it("writes per-unit notes where ExcelApi 1.18 is there, and none (without failing) on 1.14", async () => {
    const modern = simSession(communitySeed());
    await modern.session.open();
    scored(await modern.session.score());
    const notes = modern.user.snapshot().sheets[0]?.notes ?? {};
    expect(notes[`${OUT(2)}4`]).toContain("计划生育率 85.5% 低于目标 88%");
    expect((await modern.session.clear()).ok).toBe(true);
    expect(modern.user.snapshot().sheets[0]?.notes).toEqual({});

    const old = simSession(communitySeed(), { excelApi: "1.14" });
    await old.session.open();
    scored(await old.session.score());
    expect(old.user.snapshot().sheets[0]?.notes).toEqual({});
  });

  it("a note of the user's on a result cell is left alone", async () => {
    const seed = communitySeed();
    if (seed.sheets?.[0]) seed.sheets[0].notes = { [`${OUT(2)}4`]: "我的批注" };
    const { session, user } = simSession(seed);
    await session.open();
    scored(await session.score());
    expect(user.snapshot().sheets[0]?.notes[`${OUT(2)}4`]).toBe("我的批注");
    expect((await session.clear()).ok).toBe(true);
    expect(user.snapshot().sheets[0]?.notes).toEqual({ [`${OUT(2)}4`]: "我的批注" });
  });

  it("a cell being edited delays the run instead of failing it", async () => {
    const { session, user } = simSession(communitySeed());
    await session.open();
    user.enterCellEditMode();
    const pending = session.score();
    setTimeout(() => user.exitCellEditMode(), 20);
    expect(scored(await pending).result.counts.scored).toBe(2);
  });

  it("uses a fixed number of syncs whatever the row count", async () => {
    const count = async (n: number) => {
      const { session, user } = simSession(communitySeed({}, Array.from({ length: n }, (_, i) => communityRow(`单位${i}`))));
      await session.open();
      const before = user.syncCount();
      scored(await session.score());
      return user.syncCount() - before;
    };
    const small = await count(5);
    expect(await count(300)).toBe(small);
    expect(small).toBeLessThanOrEqual(9);
  });
});
