/**
 * A workbook saved by Kaohe v1 keeps its state in the document settings (`kaohe.state`, a JSON string).
 * Opening it takes the chosen rubric and the imported rubrics from there; the first save moves the state
 * into Kaohe's XML part and drops the setting. A damaged setting is an empty state, never a failure.
 */
import { EMPTY_STATE, stateFromXml, stateXml } from "../../src/core/ownership/record";
import { LEGACY_KEY } from "../../src/adapters/excel/state";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { simSession } from "../helpers/excel-sim";
import type { SimSeed } from "../sim/office";

const mine = {
  id: "mine", name: "本镇细则", version: "1",
  indicators: [{ name: "计划生育率", type: "percent" }],
  items: [{ name: "计划生育率", max: 100, rules: [{ type: "target", indicator: "计划生育率", target: 90, points: 2 }] }],
};

function seed(settings?: Record<string, unknown>, xml?: string): SimSeed {
  return {
    sheets: [{ name: "考核", rows: [["社区考核"], [...COMMUNITY_HEADERS], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城东社区")] }],
    ...(settings && { settings }),
    ...(xml !== undefined && { customXmlParts: [{ xml }] }),
  };
}

async function opened(s: SimSeed) {
  const sim = simSession(s);
  const r = await sim.session.open();
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return sim;
}

const imported = (session: Awaited<ReturnType<typeof opened>>["session"]) =>
  session.rubrics().filter((c) => c.fromWorkbook && c.sheet === undefined).map((c) => c.id);

describe("a workbook saved by Kaohe v1 (state in document settings)", () => {
  it("opens with v1's chosen rubric and imported rubrics", async () => {
    const { session } = await opened(seed({ [LEGACY_KEY]: JSON.stringify({ version: 1, rubricId: "mine", rubrics: [mine], mappings: {} }) }));
    expect(session.rubric().rubric.id).toBe("mine");
    expect(imported(session)).toEqual(["mine"]);
  });

  it("the first save moves the state into Kaohe's XML part and removes the v1 setting", async () => {
    const { session, user } = await opened(seed({ [LEGACY_KEY]: JSON.stringify({ version: 1, rubricId: "mine", rubrics: [mine] }), other: "别人的" }));
    const r = await session.score();
    expect(r.ok && r.value.kind).toBe("scored");
    const m = user.snapshot();
    expect(m.settings).toEqual({ other: "别人的" });
    expect(m.customXmlParts).toHaveLength(1);
    const state = stateFromXml(m.customXmlParts[0]?.xml ?? "");
    expect(state.rubricId).toBe("mine");
    expect(state.rubrics).toEqual([mine]);
    // Re-opened, the workbook reads the part: same rubric, nothing of v1 left to read.
    const again = await session.open();
    expect(again.ok).toBe(true);
    expect(session.rubric().rubric.id).toBe("mine");
  });

  it("a v1 setting whose chosen rubric is not text keeps its rubrics and picks by the sheet's headers", async () => {
    // "mine" answers the sheet's one required header, and imported rubrics are weighed first.
    const { session } = await opened(seed({ [LEGACY_KEY]: JSON.stringify({ rubricId: 7, rubrics: [mine] }) }));
    expect(imported(session)).toEqual(["mine"]);
    expect(session.rubric().rubric.id).toBe("mine");
    expect(session.preview().rubricId).toBe("mine");
  });

  it.each([
    ["text that is not JSON", "{v1"],
    ["JSON null", "null"],
    ["a number", 42],
    ["an object instead of JSON text", { rubricId: "mine", rubrics: [mine] }],
    ["rubrics that are not a list", JSON.stringify({ rubricId: "x", rubrics: { mine } })],
  ])("a damaged v1 setting (%s) opens as an empty state", async (_what, value) => {
    const { session, user } = await opened(seed({ [LEGACY_KEY]: value }));
    expect(imported(session)).toEqual([]);
    expect(session.rubric().rubric.id).toBe("community-2009");
    expect(user.snapshot().settings).toEqual({ [LEGACY_KEY]: value });
  });

  it("Kaohe's XML part wins over a v1 setting left beside it", async () => {
    const { session, user } = await opened(seed(
      { [LEGACY_KEY]: JSON.stringify({ rubricId: "mine", rubrics: [mine] }) },
      stateXml(EMPTY_STATE),
    ));
    expect(imported(session)).toEqual([]);
    expect(session.rubric().rubric.id).toBe("community-2009");
    expect(Object.keys(user.snapshot().settings)).toEqual([LEGACY_KEY]);
  });
});
