/**
 * 等次 with 名额, case by case: how places are counted, how a tie at the boundary is decided, what a
 * unit left out is told, and what a veto does to the grade. Each expectation is worked by hand.
 */
import { assignGrades } from "../../src/core/grades";
import type { GradeDoc } from "../../src/core/rubric/schema";
import type { Status, UnitResult } from "../../src/core/score/types";

type Quota = NonNullable<GradeDoc["quota"]>;

const unitOf = (name: string, total: number | null, opts: { tie?: number; status?: Status; vetoGrade?: UnitResult["vetoGrade"] } = {}): UnitResult => ({
  row: 0, unit: name, status: opts.status ?? "scored", total, rank: null, outcomes: [], vetoReasons: [], items: [], composites: [], shortfallCells: [], problems: [],
  ...(opts.tie !== undefined && { tieValues: { 加分: opts.tie } }),
  ...(opts.vetoGrade !== undefined && { vetoGrade: opts.vetoGrade }),
});
const quota = (percent: number, ties: Quota["ties"], tieBreak?: string): Quota => ({ percent, rounding: "floor", ties, ...(tieBreak !== undefined && { tieBreak }) });
const gradesOf = (top: Quota, lower: GradeDoc[] = [{ min: 80, label: "良好" }, { min: 0, label: "一般" }]): GradeDoc[] => [{ min: 90, label: "优秀", quota: top }, ...lower];
const gradeOf = (units: UnitResult[]) => units.map((u) => u.grade);

describe("grade quotas, case by case", () => {
  it("a quota with no places leaves every qualifying unit out, tie-break or not", () => {
    // 2 units, 10% floor: 0.2 → 0 places. Both fall to 良好, told 优秀 had 0 places, with no tie wording.
    for (const tieBreak of [undefined, "加分"]) {
      const units = [unitOf("甲", 95, { tie: 1 }), unitOf("乙", 92, { tie: 2 })];
      assignGrades([units], gradesOf(quota(10, "allOut", tieBreak)));
      expect(gradeOf(units)).toEqual(["良好", "良好"]);
      for (const u of units) {
        expect(u.outcomeReasons).toEqual([{ code: "grade.quota", params: { grade: "优秀", percent: 10, count: 0, result: "良好", rounding: "floor" } }]);
        expect(u.outcomeReasons?.[0]?.params).not.toHaveProperty("tie");
      }
    }
  });

  it("breaks a tie on the tie-break column, a unit without a value last, and says the value is missing", () => {
    // 3 units with a total, 50% floor: 1.5 → 1 place. 甲 and 乙 both 92; 乙 has 加分 0, 甲 none (−∞): 乙 is in.
    const units = [unitOf("甲", 92), unitOf("乙", 92, { tie: 0 }), unitOf("丙", 60)];
    assignGrades([units], gradesOf(quota(50, "allOut", "加分")));
    expect(gradeOf(units)).toEqual(["良好", "优秀", "一般"]);
    expect(units[0]?.outcomeReasons).toEqual([
      { code: "grade.quota", params: { grade: "优秀", percent: 50, count: 1, result: "良好", rounding: "floor", tie: "tieBreak", by: "加分", value: "" } },
    ]);
    expect(units[1]?.outcomeReasons).toBeUndefined();
  });

  it("keeps every unit tied across the boundary out with allOut, when no tie-break decides", () => {
    // 4 units, 50% floor: 2 places; 95 is in, the two 92s tie for the second: both out, to 良好.
    for (const [tieBreak, ties] of [[undefined, [undefined, undefined]], ["加分", [3, 3]]] as const) {
      const units = [unitOf("甲", 95), unitOf("乙", 92, { tie: ties[0] }), unitOf("丙", 92, { tie: ties[1] }), unitOf("丁", 70)];
      assignGrades([units], gradesOf(quota(50, "allOut", tieBreak)));
      expect(gradeOf(units)).toEqual(["优秀", "良好", "良好", "一般"]);
      const told = { code: "grade.quota", params: { grade: "优秀", percent: 50, count: 2, result: "良好", rounding: "floor", tie: "allOut" } };
      expect(units[1]?.outcomeReasons).toEqual([told]);
      expect(units[2]?.outcomeReasons).toEqual([told]);
      expect(units[0]?.outcomeReasons).toBeUndefined();
    }
  });

  it("lets every unit tied across the boundary in with allIn, and tells them", () => {
    // Same units, allIn: 95 and both 92s are 优秀 (3 for 2 places); the 92s are told they came in on a tie.
    const units = [unitOf("甲", 95), unitOf("乙", 92), unitOf("丙", 92), unitOf("丁", 70)];
    assignGrades([units], gradesOf(quota(50, "allIn")));
    expect(gradeOf(units)).toEqual(["优秀", "优秀", "优秀", "一般"]);
    const told = { code: "grade.tiesIn", params: { grade: "优秀", percent: 50, count: 2, rounding: "floor" } };
    expect(units[1]?.outcomeReasons).toEqual([told]);
    expect(units[2]?.outcomeReasons).toEqual([told]);
    expect(units[0]?.outcomeReasons).toBeUndefined();
  });

  it("with allIn and a tie-break, lets in only the units tied on both total and tie-break value", () => {
    // 4 units at 92, 50% floor: 2 places. 加分 3, 2, 2, 1: 甲 in; 乙 and 丙 tie for the second place, both
    // in (allIn); 丁 is behind on 加分 and out, told the tie-break decided (its value 1).
    const units = [unitOf("甲", 92, { tie: 3 }), unitOf("乙", 92, { tie: 2 }), unitOf("丙", 92, { tie: 2 }), unitOf("丁", 92, { tie: 1 })];
    assignGrades([units], gradesOf(quota(50, "allIn", "加分")));
    expect(gradeOf(units)).toEqual(["优秀", "优秀", "优秀", "良好"]);
    const told = { code: "grade.tiesIn", params: { grade: "优秀", percent: 50, count: 2, rounding: "floor" } };
    expect(units.map((u) => u.outcomeReasons)).toEqual([
      undefined,
      [told],
      [told],
      [{ code: "grade.quota", params: { grade: "优秀", percent: 50, count: 2, result: "良好", rounding: "floor", tie: "tieBreak", by: "加分", value: 1 } }],
    ]);
  });

  it("admits exactly the places with allIn when nothing ties at the boundary", () => {
    // 3 units, 34% floor: 1.02 → 1 place. 95 is in; 92 is out (no tie) and falls to 一般.
    const units = [unitOf("甲", 95), unitOf("乙", 92), unitOf("丙", 70)];
    assignGrades([units], gradesOf(quota(34, "allIn"), [{ min: 0, label: "一般" }]));
    expect(gradeOf(units)).toEqual(["优秀", "一般", "一般"]);
    expect(units[0]?.outcomeReasons).toBeUndefined();
    expect(units[1]?.outcomeReasons).toEqual([{ code: "grade.quota", params: { grade: "优秀", percent: 34, count: 1, result: "一般", rounding: "floor" } }]);
  });

  it("says nothing of a tie-break to a unit out on a lower total, and names no grade when none is left", () => {
    // 2 units, 50% floor: 1 place. 95 in; 92 out on its total (its 加分 5 does not matter); no band below 90.
    const units = [unitOf("甲", 95, { tie: 1 }), unitOf("乙", 92, { tie: 5 })];
    assignGrades([units], gradesOf(quota(50, "allOut", "加分"), []));
    expect(gradeOf(units)).toEqual(["优秀", undefined]);
    expect(units[1]?.outcomeReasons).toEqual([{ code: "grade.quota", params: { grade: "优秀", percent: 50, count: 1, result: "", rounding: "floor" } }]);
    expect(units[1]?.outcomeReasons?.[0]?.params).not.toHaveProperty("tie");
  });

  it("counts places on the units with a total: a vetoed unit counts, an incomplete one does not", () => {
    // 甲 95, 乙 93 scored, 丙 vetoed at 50, 丁 incomplete: 3 units counted, 50% floor: 1.5 → 1 place.
    const units = [unitOf("甲", 95), unitOf("乙", 93), unitOf("丙", 50, { status: "vetoed" }), unitOf("丁", null, { status: "incomplete" })];
    assignGrades([units], gradesOf(quota(50, "allOut")));
    expect(gradeOf(units)).toEqual(["优秀", "良好", undefined, undefined]);
    expect(units[1]?.outcomeReasons).toEqual([{ code: "grade.quota", params: { grade: "优秀", percent: 50, count: 1, result: "良好", rounding: "floor" } }]);
    // A vetoed unit without an effect and an incomplete unit get no grade and nothing said.
    expect(units[2]?.outcomeReasons).toBeUndefined();
    expect(units[3]?.outcomeReasons).toBeUndefined();
  });
});

describe("grades after a veto", () => {
  it("steps down from the band a total exactly at its lower bound earns", () => {
    // 90 is 优秀 (≥ 90 included); 降一等次 → 良好. 2 units with a total, 50% floor → 1 place, and the
    // vetoed unit takes none: 乙 (91) is 优秀.
    const units = [unitOf("甲", 90, { status: "vetoed", vetoGrade: { down: 1 } }), unitOf("乙", 91)];
    assignGrades([units], gradesOf(quota(50, "allOut")));
    expect(gradeOf(units)).toEqual(["良好", "优秀"]);
    expect(units[0]?.outcomeReasons).toEqual([{ code: "grade.vetoDown", params: { from: "优秀", down: 1, grade: "良好" } }]);
    expect(units[1]?.outcomeReasons).toBeUndefined();
  });

  it("gives no grade to a vetoed unit below every band, and sets a stated grade whatever the total", () => {
    // Bands 90 and 80 only: 50 earns none, so there is nothing to step down from.
    const below = unitOf("甲", 50, { status: "vetoed", vetoGrade: { down: 1 } });
    const stated = unitOf("乙", 95, { status: "vetoed", vetoGrade: { label: "不合格" } });
    assignGrades([[below, stated]], [{ min: 90, label: "优秀" }, { min: 80, label: "良好" }]);
    expect(below.grade).toBeUndefined();
    expect(below.outcomeReasons).toBeUndefined();
    expect(stated.grade).toBe("不合格");
    expect(stated.outcomeReasons).toEqual([{ code: "grade.veto", params: { grade: "不合格" } }]);
  });
});
