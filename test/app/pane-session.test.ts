import { MemoryHost } from "../../src/app/memory-host";
import { PaneSession } from "../../src/app/pane-session";
import { catalog } from "../../src/i18n";
import { grid } from "../helpers/grid";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";

function communityHost() {
  return new MemoryHost([
    grid([["社区考核"], [...COMMUNITY_HEADERS, "备注"], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区"), communityRow("城西社区", { "群众满意率(%)": "abc" })], { sheet: "考核" }),
    grid([["别的表"]], { sheet: "其他" }),
  ]);
}

/** Sheet contents as a person sees them: trailing empty cells are no content. */
const snapshotOf = (h: MemoryHost) =>
  JSON.stringify(
    h.book.sheetList.map((s) => [
      s.name,
      s.cells.map((r) => {
        const vals = Array.from(r, (c) => c?.value ?? null);
        while (vals.length && vals[vals.length - 1] === null) vals.pop();
        return vals;
      }),
      [...s.notes],
      [...s.highlights],
    ]),
  );

describe("the pane's session", () => {
  it("picks the rubric that matches the sheet and previews its column mapping", async () => {
    const s = new PaneSession(communityHost(), catalog("zh-CN"));
    const opened = await s.open();
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value).toMatchObject({ sheet: "考核", rubricId: "community-2009", headerRow: 2, unitColumn: "A" });
    expect(opened.value.rows.find((r) => r.indicator === "计划生育率")).toMatchObject({ column: "B", header: "计划生育率(%)", required: true });
    expect(opened.value.rows.find((r) => r.indicator === "其余考核得分")).toMatchObject({ column: null, required: false });
  });

  it("scores: outputs beside the table, summary, problems; the state is kept in the workbook", async () => {
    const host = communityHost();
    // The user's 备注 column has no data, so the outputs go right after it.
    const s = new PaneSession(host, catalog("zh-CN"));
    await s.open();
    const r = await s.score();
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.counts).toEqual({ scored: 2, vetoed: 0, incomplete: 1 });
    expect(r.value.top.map((u) => u.unit)).toEqual(["城东社区", "阳光社区"]);
    expect(r.value.changes).toBeUndefined();
    expect(host.state.owned).toMatchObject({ sheet: "考核", resultsSheet: "考核明细" });
    expect(host.state.last?.units).toContainEqual(["阳光社区", "scored", 2, 97.5]);
    const sheet = host.book.sheet("考核");
    const n = COMMUNITY_HEADERS.length + 1;
    expect(sheet?.cells[1]?.slice(n, n + 3).map((c) => c?.value)).toEqual(["总分", "排名", "考核结果"]);
    expect(s.unitAt("考核", 2)?.unit).toBe("阳光社区");
    expect(s.assessment?.problems.find((p) => p.severity === "error")).toMatchObject({ cell: "V5" });
  });

  it("switching rubric replaces the outputs and lists what changed; clear restores the sheet exactly", async () => {
    const host = communityHost();
    const before = snapshotOf(host);
    const s = new PaneSession(host, catalog("zh-CN"));
    await s.open();
    await s.score();
    const imported = await s.importRubric(
      JSON.stringify({
        id: "strict", name: "严格版", version: "1",
        indicators: [{ name: "计划生育率", type: "percent" }, { name: "恶性案件数", type: "count" }],
        items: [{ name: "计划生育率", max: 100, rules: [{ type: "target", indicator: "计划生育率", target: 95, points: 10 }] }],
      }),
      "strict.json",
    );
    expect(imported).toEqual({ ok: true, value: "strict" });
    expect(s.rubrics().map((r) => r.id)).toContain("strict");
    const r = await s.score();
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // 城西社区 was incomplete under community-2009 (bad 满意率) and is scored now, tied first with
    // 城东社区 (90% → 50 each); 阳光社区 (85.5% → 5) drops from 2nd to 3rd.
    expect(r.value.previousRubric).toBe("community-2009");
    expect(r.value.changes).toEqual([
      { unit: "阳光社区", before: { status: "scored", rank: 2 }, after: { status: "scored", rank: 3 } },
      { unit: "城西社区", before: { status: "incomplete", rank: null }, after: { status: "scored", rank: 1 } },
    ]);
    const sheet = host.book.sheet("考核");
    const n = COMMUNITY_HEADERS.length + 1;
    expect(sheet?.cells[1]?.slice(n, n + 4).map((c) => c?.value)).toEqual(["总分", "排名", "考核结果", undefined]);
    expect(host.book.sheetList.map((x) => x.name)).toEqual(["考核", "其他", "考核明细"]);
    const cleared = await s.clear();
    expect(cleared.ok).toBe(true);
    expect(snapshotOf(host)).toBe(before);
    expect(host.state.owned).toBeUndefined();
    expect(host.state.rubrics).toHaveLength(1); // imported rubrics stay in the workbook
  });

  it("stops instead of overwriting the user's data beside the table, and refuses a protected sheet", async () => {
    // Unlabelled user notes right beside the table, where the outputs would go.
    const host = new MemoryHost([grid([[...COMMUNITY_HEADERS], communityRow("甲"), [...communityRow("乙"), "核实中"]], { sheet: "S" })]);
    const s = new PaneSession(host, catalog("zh-CN"));
    await s.open();
    const before = snapshotOf(host);
    const r = await s.score();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "output.occupied", cell: "AH3", params: expect.objectContaining({ value: "核实中" }) });
    expect(snapshotOf(host)).toBe(before);
    host.locked.add("S");
    const locked = await s.score();
    expect(!locked.ok && locked.issues[0]?.code).toBe("sheet.protected");
  });

  it("summarises attainment rubrics by who met every target", async () => {
    const host = new MemoryHost([grid([["单位", "出生政策符合率", "孕前优生健康检查覆盖率", "流动人口管理服务率", "依法管理率", "优质服务率", "群众满意率", "机构队伍建设达标", "世代服务室建设达标", "政策全面兑现", "出生人口性别比"], ["甲村", 99.6, 91, 92, 96, 96, 96, "是", "是", "是", 105], ["乙村", 99.0, 91, 92, 96, 96, 96, "是", "是", "是", 105]], { sheet: "街道" })]);
    const s = new PaneSession(host, catalog("zh-CN"));
    expect((await s.open()).ok && s.rubric().rubric.id).toBe("street-2013");
    const r = await s.score();
    expect(r.ok && [r.value.attained, r.value.notAttained, r.value.top]).toEqual([["甲村"], ["乙村"], []]);
  });

  it("remembers a manual mapping per sheet and rubric", async () => {
    const host = new MemoryHost([grid([["单位", "第1条", ...["第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条"]], ["甲", 15, 15, 7, 5, 18, 9, 10, 6, 10, 5]], { sheet: "村" })]);
    const s = new PaneSession(host, catalog("zh-CN"));
    await s.open();
    let p = await s.chooseRubric("village-2006");
    expect(p.rows.find((r) => r.indicator === "第一条")?.column).toBeNull();
    p = await s.setMapping("第一条", "B");
    expect(p.rows.find((r) => r.indicator === "第一条")).toMatchObject({ column: "B", manual: true });
    expect(host.state.mappings).toEqual({ 村: { "village-2006": { 第一条: "B" } } });
    const r = await s.score();
    expect(r.ok && r.value.assessment.units[0]?.total).toBe(100);
  });
});
