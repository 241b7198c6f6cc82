/**
 * 差距分析 in the pane's session (src/app/pane-session.ts) over the real Excel adapter on the Office.js
 * simulator: the sheet as it was scored, re-assessed one changed value at a time; nothing written.
 */
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { simSession, userModel } from "../helpers/excel-sim";
import type { SimSeed } from "../sim/office";

// 阳光社区: 计划生育率 85.5% against 88% (每低1个百分点扣1分) → 97.5, second behind 城东社区's 100;
// 城北社区 is vetoed for a 恶性案件; 城西社区 cannot be scored (满意率 "abc").
const seed = (): SimSeed => ({
  sheets: [{
    name: "考核",
    rows: [["社区考核"], [...COMMUNITY_HEADERS], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区"), communityRow("城北社区", { 恶性案件数: 1 }), communityRow("城西社区", { "群众满意率(%)": "abc" })],
  }],
});

async function scored() {
  const sim = simSession(seed());
  await sim.session.open();
  const r = await sim.session.score();
  if (!r.ok || r.value.kind !== "scored") throw new Error(JSON.stringify(r));
  return sim;
}

describe("the pane's 差距分析", () => {
  it("for the selected unit: the least change of each indicator that moves it up, from the scored sheet", async () => {
    const { session, user } = await scored();
    const before = user.snapshot();
    const u = session.unitAt("考核", 2);
    expect(u?.unit).toBe("阳光社区");
    const w = u && session.whatIf(u);
    expect(w?.before).toMatchObject({ status: "scored", total: 97.5, rank: 2 });
    expect(w?.goals.map((g) => g.goal)).toEqual([{ kind: "rankUp", rank: 2 }]);
    // 88% costs nothing: 100, tied first with 城东社区.
    expect(w?.goals[0]?.changes.map((c) => [c.indicator, c.cell, c.from, c.to, c.after.total, c.after.rank])).toEqual([["计划生育率", "B3", 85.5, 88, 100, 1]]);
    // Analysing reads nothing new and writes nothing.
    expect(userModel(user.snapshot())).toEqual(userModel(before));
  });

  it("a vetoed unit: what lifts the veto; an incomplete unit: nothing to search", async () => {
    const { session } = await scored();
    const vetoed = session.unitAt("考核", 4);
    const w = vetoed && session.whatIf(vetoed);
    expect(w?.vetoes).toEqual([expect.objectContaining({ code: "veto.fact" })]);
    expect(w?.goals[0]).toMatchObject({ goal: { kind: "liftVeto" }, changes: [{ indicator: "恶性案件数", from: 1, to: 0, after: { status: "scored", total: 100, rank: 1 } }] });
    const incomplete = session.unitAt("考核", 5);
    expect(incomplete && session.whatIf(incomplete)).toMatchObject({ before: { status: "incomplete" }, goals: [], assessments: 0 });
  });

  it("works on a re-scored sheet (Kaohe's own outputs are not part of the table) and not once the results are gone", async () => {
    const { session } = await scored();
    const again = await session.score();
    if (!again.ok || again.value.kind !== "scored") throw new Error(JSON.stringify(again));
    const u = session.unitAt("考核", 2);
    expect(u && session.whatIf(u)?.goals[0]?.changes.map((c) => [c.indicator, c.to])).toEqual([["计划生育率", 88]]);
    await session.chooseRubric("village-2006");
    expect(u && session.whatIf(u)).toBeUndefined();
  });
});
