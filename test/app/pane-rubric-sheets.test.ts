/**
 * 评分细则 sheets in the pane's session (over the Excel adapter on the Office.js simulator): the
 * county example scored from its own rubric sheet as the CLI scores it, edits in the sheet taking
 * effect at the next score, a sheet with errors listed and refused with its problems on their cells,
 * and 新建评分细则.
 */
import type { Result } from "../../src/core/issue";
import type { ScoreOutcome } from "../../src/app/pane-session";
import { builtinRubrics } from "../../src/app/rubrics";
import { countyByCli, countySeed } from "../helpers/county-seed";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { simSession, userModel, valueAt } from "../helpers/excel-sim";

const SHEET = "sheet:评分细则";

function scored(r: Result<ScoreOutcome>) {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  if (r.value.kind !== "scored") throw new Error("asked to confirm");
  return r.value;
}

const standings = (r: ReturnType<typeof scored>) =>
  r.result.assessment.units.map((u) => ({ unit: u.unit, status: u.status, total: u.total, rank: u.rank }));

describe("评分细则 sheets in the pane", () => {
  it("scores examples/county-2026.xlsx with its 评分细则 sheet: the same standings as the kaohe CLI", async () => {
    const t = simSession(await countySeed("评分细则"));
    const opened = await t.session.open();
    // The rubric sheet is active, but it is not what is scored: the pane opens the data sheet.
    expect(opened.ok && [opened.value.sheet, opened.value.headerRow]).toEqual(["考核表", 2]);
    expect(t.session.rubrics().filter((r) => r.sheet)).toEqual([
      { id: SHEET, name: "2026年××县乡镇（街道）人口与家庭发展目标管理责任制考核细则", fromWorkbook: true, sheet: "评分细则", problems: 0 },
    ]);
    const chosen = await t.session.chooseRubric(SHEET);
    expect(chosen.ok && [chosen.value.rubricId, chosen.value.rows.filter((r) => r.needed && r.column === null && !r.derived).length]).toEqual([SHEET, 0]);
    const r = scored(await t.session.score());
    expect(standings(r)).toEqual(countyByCli());
    expect(valueAt(t.user.snapshot(), "考核明细", "A1")).toBe("Kaohe 考核明细");
    // The choice is remembered as the sheet, not as the rubric id inside it.
    expect(t.session.state.rubricId).toBe(SHEET);
  });

  it("reads the sheet again before every score: an edited target counts at once", async () => {
    const t = simSession(await countySeed());
    await t.session.open();
    await t.session.chooseRubric(SHEET);
    const first = scored(await t.session.score());
    const before = first.result.assessment.units.find((u) => u.unit === "城关镇")?.total;
    t.user.editCell("评分细则", "F23", 95); // 出生人口信息准确率 target 98 → 95: 城关镇's 96.5% now meets it
    const second = scored(await t.session.score());
    expect(second.result.assessment.units.find((u) => u.unit === "城关镇")?.total).toBe((before ?? 0) + 1.5);
  });

  it("lists a sheet with errors with its count, shows its problems on their cells, refuses to score with it, and writes nothing", async () => {
    const t = simSession(await countySeed());
    await t.session.open();
    await t.session.chooseRubric(SHEET);
    t.user.editCell("评分细则", "F23", "九十");
    t.user.editCell("评分细则", "E24", "按比例");
    const before = t.user.snapshot();
    const r = await t.session.score();
    expect(!r.ok && r.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["rubricSheet.notNumber", "评分细则", "F23"],
      ["rubricSheet.badChoice", "评分细则", "E24"],
    ]);
    expect(userModel(t.user.snapshot())).toEqual(userModel(before));
    expect(t.session.rubrics().find((c) => c.id === SHEET)).toMatchObject({ name: "评分细则", problems: 2 });
    const p = t.session.preview();
    expect([p.rubricId, p.rows, p.issues.map((i) => i.cell)]).toEqual([SHEET, [], ["F23", "E24"]]);

    // Clicking a problem selects its cell on the rubric sheet; the pane stays on the data sheet.
    const problem = p.issues[0];
    if (!problem) throw new Error("no problem");
    await t.session.selectProblem(problem);
    expect([t.user.snapshot().activeSheet, t.user.snapshot().selection]).toEqual(["评分细则", "F23"]);
    const reopened = await t.session.open();
    expect(reopened.ok && reopened.value.sheet).toBe("考核表");
  });

  it("shows the checker's warnings of a sheet that scores, on their cells", async () => {
    const t = simSession(await countySeed());
    await t.session.open();
    t.user.editCell("评分细则", "B6", 99); // 满分 99 while the items add up to 100
    await t.session.open();
    await t.session.chooseRubric(SHEET);
    const warning = t.session.preview().issues.find((i) => i.code === "rubric.totalMismatch");
    expect(warning && [warning.severity, warning.sheet, warning.cell]).toEqual(["warning", "评分细则", "B6"]);
    expect(t.session.rubrics().find((c) => c.id === SHEET)?.problems).toBe(0);
  });

  it("新建评分细则: an empty template or a copy of a built-in, each on a new sheet, never over an existing one", async () => {
    const t = simSession({ sheets: [{ name: "考核", rows: [["社区考核"], [...COMMUNITY_HEADERS], communityRow("阳光社区")] }, { name: "评分细则", rows: [["我自己的表"]] }] });
    await t.session.open();
    const blank = await t.session.newRubricSheet(null);
    expect(blank).toEqual({ ok: true, value: "评分细则 (2)" });
    const copy = await t.session.newRubricSheet("community-2009");
    expect(copy).toEqual({ ok: true, value: "评分细则 (3)" });
    const m = t.user.snapshot();
    expect(m.sheets.map((s) => s.name)).toEqual(["考核", "评分细则", "评分细则 (2)", "评分细则 (3)"]);
    expect(valueAt(m, "评分细则", "A1")).toBe("我自己的表");
    // The user's own sheet named 评分细则 is not a rubric sheet; the template lists its errors; the copy is the built-in.
    const sheets = t.session.rubrics().filter((r) => r.sheet);
    expect(sheets.map((r) => r.sheet)).toEqual(["评分细则 (2)", "评分细则 (3)"]);
    expect(sheets[0]?.problems).toBeGreaterThan(0);
    expect(sheets[1]).toMatchObject({ problems: 0, name: builtinRubrics()[0]?.rubric.name });
    await t.session.chooseRubric("sheet:评分细则 (3)");
    expect(t.session.rubric().rubric.doc).toEqual(builtinRubrics().find((c) => c.rubric.id === "community-2009")?.rubric.doc);
    expect(t.session.preview().sheet).toBe("考核");
    scored(await t.session.score());
  });

  it("新建评分细则 copies another 评分细则 sheet's rubric exactly, and refuses a rubric the pane does not offer", async () => {
    const t = simSession(await countySeed());
    await t.session.open();
    const copy = await t.session.newRubricSheet(SHEET);
    expect(copy).toEqual({ ok: true, value: "评分细则 (2)" });
    const [original, copied] = t.session.rubrics().filter((r) => r.sheet);
    expect(copied).toMatchObject({ sheet: "评分细则 (2)", problems: 0, name: original?.name });
    await t.session.chooseRubric("sheet:评分细则 (2)");
    const fromCopy = t.session.rubric().rubric.doc;
    await t.session.chooseRubric(SHEET);
    expect(fromCopy).toEqual(t.session.rubric().rubric.doc);
    const before = t.user.snapshot();
    const r = await t.session.newRubricSheet("no-such-rubric");
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["rubric.unknownBuiltin"]);
    expect(t.user.snapshot().sheets.length).toBe(before.sheets.length);
  });

  it("新建评分细则 in a workbook whose structure is protected says why and adds nothing", async () => {
    const t = simSession({ sheets: [{ name: "考核", rows: [["单位"]] }], structureProtected: true });
    await t.session.open();
    const before = t.user.snapshot();
    const r = await t.session.newRubricSheet(null);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["workbook.structureProtected"]);
    expect(userModel(t.user.snapshot())).toEqual(userModel(before));
  });
});
