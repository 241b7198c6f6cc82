/**
 * The pane's use cases (src/app/pane-session.ts) over the real Excel adapter on the Office.js
 * simulator: picking a rubric, previews, scoring, what a rubric switch changed, refusals, mappings.
 */
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { simSession, userModel, valueAt } from "../helpers/excel-sim";
import type { SimSeed } from "../sim/office";
import { parseState, stateFromXml } from "../../src/core/ownership/record";

const sheetSeed = (name: string, rows: (string | number | null)[][]): SimSeed => ({ sheets: [{ name, rows }, { name: "其他", rows: [["别的表"]] }] });
const community = () => sheetSeed("考核", [["社区考核"], [...COMMUNITY_HEADERS, "备注"], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区"), communityRow("城西社区", { "群众满意率(%)": "abc" })]);
const stateOf = (xml: string | undefined) => (xml ? stateFromXml(xml) : parseState(undefined));

describe("the pane's session", () => {
  it("picks the rubric that matches the sheet and previews its column mapping", async () => {
    const { session } = simSession(community());
    const opened = await session.open();
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value).toMatchObject({ sheet: "考核", rubricId: "community-2009", headerRow: 2, unitColumn: "A" });
    expect(opened.value.rows.find((r) => r.indicator === "计划生育率")).toMatchObject({ column: "B", header: "计划生育率(%)", required: true });
    expect(opened.value.rows.find((r) => r.indicator === "其余考核得分")).toMatchObject({ column: null, required: false });
  });

  it("scores: outputs beside the table, summary, problems; the state is kept in the workbook", async () => {
    const { session, user } = simSession(community());
    await session.open();
    const r = await session.score();
    if (!r.ok || r.value.kind !== "scored") throw new Error(JSON.stringify(r));
    expect(r.value.result.counts).toEqual({ scored: 2, vetoed: 0, incomplete: 1 });
    expect(r.value.result.top.map((u) => u.unit)).toEqual(["城东社区", "阳光社区"]);
    expect(r.value.result.changes).toBeUndefined();
    const m = user.snapshot();
    const state = stateOf(m.customXmlParts[0]?.xml);
    expect(state.sheets.k1?.record).toMatchObject({ status: "done", area: "AI2:AL5", results: { name: "考核明细" } });
    expect(state.sheets.k1?.last?.units).toContainEqual(["阳光社区", "scored", 2, 97.5]);
    expect(["AI2", "AJ2", "AK2"].map((a) => valueAt(m, "考核", a))).toEqual(["总分", "排名", "考核结果"]);
    expect(session.unitAt("考核", 2)?.unit).toBe("阳光社区");
    expect(session.assessment?.problems.find((p) => p.severity === "error")).toMatchObject({ cell: "V5" });
  });

  it("switching rubric replaces the outputs and lists what changed; clear restores the sheet exactly", async () => {
    const { session, user } = simSession(community());
    const before = user.snapshot();
    await session.open();
    await session.score();
    const imported = await session.importRubric(
      JSON.stringify({
        id: "strict", name: "严格版", version: "1",
        indicators: [{ name: "计划生育率", type: "percent" }, { name: "恶性案件数", type: "count" }],
        items: [{ name: "计划生育率", max: 100, rules: [{ type: "target", indicator: "计划生育率", target: 95, points: 10 }] }],
      }),
      "strict.json",
    );
    expect(imported).toEqual({ ok: true, value: "strict" });
    expect(session.rubrics().map((r) => r.id)).toContain("strict");
    const r = await session.score();
    if (!r.ok || r.value.kind !== "scored") throw new Error(JSON.stringify(r));
    // 城西社区 was incomplete under community-2009 (bad 满意率) and is scored now, tied first with
    // 城东社区 (90% → 50 each); 阳光社区 (85.5% → 5) drops from 2nd to 3rd.
    expect(r.value.result.previousRubric).toBe("community-2009");
    expect(r.value.result.changes).toEqual([
      { unit: "阳光社区", before: { status: "scored", rank: 2 }, after: { status: "scored", rank: 3 } },
      { unit: "城西社区", before: { status: "incomplete", rank: null }, after: { status: "scored", rank: 1 } },
    ]);
    const m = user.snapshot();
    // The composite column of the earlier rubric is gone: this one writes three columns.
    expect(["AI2", "AJ2", "AK2", "AL2"].map((a) => valueAt(m, "考核", a))).toEqual(["总分", "排名", "考核结果", undefined]);
    expect(m.sheets.map((x) => x.name)).toEqual(["考核", "其他", "考核明细"]);
    const cleared = await session.clear();
    expect(cleared.ok).toBe(true);
    const after = user.snapshot();
    expect(userModel(after)).toEqual(userModel(before));
    const state = stateOf(after.customXmlParts[0]?.xml);
    expect(state.sheets).toEqual({});
    expect(state.rubrics).toHaveLength(1); // imported rubrics stay in the workbook
  });

  it("stops instead of overwriting the user's data beside the table, and refuses a protected sheet", async () => {
    // Unlabelled user notes right beside the table, where the outputs would go.
    const { session, user } = simSession(sheetSeed("S", [[...COMMUNITY_HEADERS], communityRow("甲"), [...communityRow("乙"), "核实中"]]));
    await session.open();
    const before = user.snapshot();
    const r = await session.score();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "output.occupied", cell: "AH3", params: expect.objectContaining({ value: "核实中" }) });
    expect(user.snapshot()).toEqual(before);
    user.protectSheet("S");
    const locked = await session.score();
    expect(!locked.ok && locked.issues[0]?.code).toBe("sheet.protected");
  });

  it("summarises attainment rubrics by who met every target", async () => {
    const { session: s } = simSession(sheetSeed("街道", [["单位", "出生政策符合率", "孕前优生健康检查覆盖率", "流动人口管理服务率", "依法管理率", "优质服务率", "群众满意率", "机构队伍建设达标", "世代服务室建设达标", "政策全面兑现", "出生人口性别比"], ["甲村", 99.6, 91, 92, 96, 96, 96, "是", "是", "是", 105], ["乙村", 99.0, 91, 92, 96, 96, 96, "是", "是", "是", 105]]));
    expect((await s.open()).ok && s.rubric().rubric.id).toBe("street-2013");
    const r = await s.score();
    expect(r.ok && r.value.kind === "scored" && [r.value.result.attained, r.value.result.notAttained, r.value.result.top]).toEqual([["甲村"], ["乙村"], []]);
  });

  it("remembers a manual mapping per sheet and rubric", async () => {
    const { session: s, user } = simSession(sheetSeed("村", [["单位", "第1条", ...["第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条"]], ["甲", 15, 15, 7, 5, 18, 9, 10, 6, 10, 5]]));
    await s.open();
    let p = await s.chooseRubric("village-2006");
    expect(p.ok && p.value.rows.find((r) => r.indicator === "第一条")?.column).toBeNull();
    p = await s.setMapping("第一条", "B");
    expect(p.ok && p.value.rows.find((r) => r.indicator === "第一条")).toMatchObject({ column: "B", manual: true });
    const m = user.snapshot();
    expect(stateOf(m.customXmlParts[0]?.xml).sheets).toEqual({ k1: { mappings: { "village-2006": { 第一条: "B" } } } });
    expect(m.names).toEqual([{ name: "_Kaohe_Sheet", scope: "村", ref: { formula: '="k1"' }, comment: "", visible: false }]);
    const r = await s.score();
    expect(r.ok && r.value.kind === "scored" && r.value.result.assessment.units[0]?.total).toBe(100);
  });});
