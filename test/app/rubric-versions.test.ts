/**
 * Versions of a rubric in the pane (on the Office.js simulator): each run records the rubric's id,
 * version, hash and time — in the results sheet, the summary and the workbook's record — and a
 * re-score with a changed rubric of the same id says which rules changed.
 */
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { simSession, TIME, valueAt } from "../helpers/excel-sim";
import type { SimSeed } from "../sim/office";
import { parseState, stateFromXml, stateXml } from "../../src/core/ownership/record";
import { rubricIdentity } from "../../src/core/rubric/hash";
import { compileRubric } from "../../src/core/rubric/compile";

const seed: SimSeed = { sheets: [{ name: "考核", rows: [["社区考核"], [...COMMUNITY_HEADERS], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区")] }] };
const stateOf = (xml: string | undefined) => (xml ? stateFromXml(xml) : parseState(undefined));

const v1 = {
  id: "mine", name: "本镇细则", version: "1",
  indicators: [{ name: "计划生育率", type: "percent" }, { name: "恶性案件数", type: "count" }],
  items: [
    { name: "计划生育率", max: 60, rules: [{ type: "target", indicator: "计划生育率", target: 90, points: 2 }] },
    { name: "恶性案件", max: 40, rules: [{ type: "perCount", indicator: "恶性案件数", points: 20 }] },
  ],
  vetoes: [{ type: "totalBelow", value: 60 }],
};
const v2 = {
  ...v1, version: "2",
  items: [
    { name: "计划生育率", max: 60, rules: [{ type: "target", indicator: "计划生育率", target: 95, points: 2 }] },
    { name: "恶性案件", max: 40, rules: [{ type: "perCount", indicator: "恶性案件数", points: 20 }] },
  ],
  vetoes: [{ type: "totalBelow", value: 70 }],
};
const hashOf = (doc: unknown) => {
  const c = compileRubric(doc);
  if (!c.ok) throw new Error("compiles");
  return rubricIdentity(c.value.rubric.doc).hash;
};

async function scored(session: ReturnType<typeof simSession>["session"]) {
  const r = await session.score();
  if (!r.ok || r.value.kind !== "scored") throw new Error(JSON.stringify(r));
  return r.value.result;
}

describe("rubric versions in the pane", () => {
  it("records id, version, hash and time in the results sheet, the summary and the workbook's record", async () => {
    const { session, user } = simSession(seed);
    await session.open();
    expect(await session.importRubric(JSON.stringify(v1), "mine.json")).toEqual({ ok: true, value: "mine" });
    const result = await scored(session);
    expect(result.assessment.rubric).toMatchObject({ id: "mine", version: "1", hash: hashOf(v1) });
    expect(result.scoredAt).toBe(TIME);
    expect(result.rubricChange).toBeUndefined();
    const m = user.snapshot();
    expect(["A2", "B2", "D2", "E2", "F2", "G2", "H2", "I2"].map((a) => valueAt(m, "考核明细", a)))
      .toEqual(["考核细则", "mine", "版本", "1", "校验码（SHA-256）", hashOf(v1), "评分时间", TIME]);
    const record = stateOf(m.customXmlParts[0]?.xml).sheets.k1?.record;
    expect(record?.rubric).toMatchObject({ id: "mine", version: "1", hash: hashOf(v1), items: [["计划生育率", expect.stringMatching(/^[0-9a-f]{16}$/)], ["恶性案件", expect.any(String)]] });
    expect(record?.at).toBe(TIME);
  });

  it("re-scored with a changed rubric of the same id, says the rules changed and which", async () => {
    const { session, user } = simSession(seed);
    await session.open();
    await session.importRubric(JSON.stringify(v1), "mine.json");
    await scored(session);
    await session.importRubric(JSON.stringify(v2), "mine.json");
    const result = await scored(session);
    expect(result.rubricChange).toMatchObject({
      id: "mine", before: { version: "1", hash: hashOf(v1) }, after: { version: "2", hash: hashOf(v2) },
      added: [], removed: [], changed: ["计划生育率"], parts: ["vetoes"], sameVersion: false, detailsUnknown: false,
    });
    expect(stateOf(user.snapshot().customXmlParts[0]?.xml).sheets.k1?.record?.rubric).toMatchObject({ version: "2", hash: hashOf(v2) });
    // Scoring again with the same rubric: nothing to say.
    expect((await scored(session)).rubricChange).toBeUndefined();
  });

  it("reads a record an older Kaohe wrote (no hashes) and claims no change it cannot know", async () => {
    const { session, sim } = simSession(seed);
    await session.open();
    await session.importRubric(JSON.stringify(v1), "mine.json");
    await scored(session);
    // The record as an older Kaohe kept it: the rubric's id and version only.
    const part = sim.model.customXmlParts[0];
    if (!part) throw new Error("a state part");
    const state = stateFromXml(part.xml);
    const record = state.sheets.k1?.record;
    if (!record) throw new Error("a record");
    const older = { ...state, sheets: { k1: { ...state.sheets.k1, mappings: {}, record: { ...record, rubric: { id: "mine", version: "1" } } } } };
    part.xml = stateXml(older);
    expect(stateFromXml(part.xml).sheets.k1?.record?.rubric).toEqual({ id: "mine", version: "1" });
    await session.importRubric(JSON.stringify(v2), "mine.json");
    const result = await scored(session);
    expect(result.rubricChange).toBeUndefined();
    expect(result.assessment.rubric.version).toBe("2");
    expect(stateFromXml(sim.model.customXmlParts[0]?.xml ?? "").sheets.k1?.record?.rubric).toMatchObject({ version: "2", hash: hashOf(v2) });
  });
});

describe("the checker's warnings before scoring", () => {
  it("shows an imported rubric's warnings and a mapped column no rule reads; a built-in's known warnings are not repeated", async () => {
    const { session } = simSession(seed);
    await session.open();
    // village-2006's 第四条 (sub-items 7 > 5) is the source's own: known, tested, not shown on every sheet.
    const village = await session.chooseRubric("village-2006");
    expect(village.ok && village.value.issues.filter((i) => i.code.startsWith("rubric."))).toEqual([]);
    const loose = { ...v1, items: [v1.items[0]], vetoes: [{ type: "totalBelow", value: 0 }] };
    expect(await session.importRubric(JSON.stringify(loose), "loose.json")).toEqual({ ok: true, value: "mine" });
    const p = session.preview();
    expect(p.issues.filter((i) => i.severity === "warning").map((i) => [i.code, i.path?.join(".") ?? i.cell])).toEqual([
      ["rubric.vetoNeverFires", "vetoes.0"],
      ["column.unused", expect.stringMatching(/^[A-Z]+2$/)],
    ]);
    expect(p.issues.find((i) => i.code === "column.unused")?.params).toMatchObject({ name: "恶性案件数" });
  });
});
