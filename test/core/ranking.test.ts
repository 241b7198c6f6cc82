import { grid } from "../helpers/grid";
import { assessed, rubricOf } from "../helpers/rubric";

const base = {
  indicators: [{ name: "得分", type: "score" }, { name: "案件", type: "count" }, { name: "上年总分", type: "number", required: false }, { name: "类别", type: "number", required: false }],
  items: [{ name: "得分", max: 100, rules: [{ type: "enteredScore", indicator: "得分" }] }],
  vetoes: [{ type: "fact", when: "案件 > 0", reason: "发生案件" }],
};

function run(rows: [string, number | string, number, number?][], extra: Record<string, unknown> = {}) {
  const r = rubricOf({ ...base, ...extra });
  const a = assessed(grid([["单位", "得分", "案件", "上年总分"], ...rows.map(([u, s, c, p]) => [u, s, c, p ?? null])]), r);
  return Object.fromEntries(a.units.map((u) => [u.unit, u]));
}

describe("ranking", () => {
  it("ranks competition style and puts vetoed units after every other unit", () => {
    const u = run([["甲", 90, 0], ["乙", 95, 0], ["丙", 90, 0], ["丁", 99, 1], ["戊", 80, 0], ["己", 70, 1], ["庚", "x", 0]]);
    expect([u.乙, u.甲, u.丙, u.戊, u.丁, u.己, u.庚].map((x) => x?.rank)).toEqual([1, 2, 2, 4, 5, 6, null]);
    expect(u.丁?.status).toBe("vetoed");
    expect(u.丁?.total).toBe(99); // a vetoed unit keeps its computed total
    expect(u.丁?.vetoReasons[0]).toMatchObject({ code: "veto.fact", params: { reason: "发生案件" } });
    expect(u.庚?.status).toBe("incomplete");
  });

  it("ranks within categories when the rubric names a category column", () => {
    const r = rubricOf({ ...base, ranking: { categoryColumn: "类型" } });
    const a = assessed(grid([["单位", "类型", "得分", "案件"], ["甲", "城市", 90, 0], ["乙", "农村", 80, 0], ["丙", "城市", 95, 0], ["丁", "农村", 85, 0]]), r);
    expect(a.units.map((x) => [x.unit, x.category, x.rank])).toEqual([["甲", "城市", 2], ["乙", "农村", 2], ["丙", "城市", 1], ["丁", "农村", 1]]);
  });
});

describe("outcomes", () => {
  const outcomes = { commendation: { top: 2 }, laggard: { bottom: 2, below: 85 }, progress: { top: 1, previous: "上年总分" }, grades: [{ min: 90, label: "优秀" }, { min: 80, label: "良好" }, { min: 0, label: "一般" }] };

  it("commends the top N with ties at N, never a vetoed unit", () => {
    const u = run([["甲", 99, 1], ["乙", 95, 0], ["丙", 90, 0], ["丁", 90, 0], ["戊", 70, 0]], { outcomes });
    expect(Object.values(u).filter((x) => x.outcomes.includes("commended")).map((x) => x.unit).sort()).toEqual(["丁", "丙", "乙"].sort());
    expect(u.甲?.outcomes).toEqual([]);
  });

  it("marks laggards in the last N rank positions below the line, ties included", () => {
    const u = run([["甲", 95, 0], ["乙", 90, 0], ["丙", 84, 0], ["丁", 80, 0], ["戊", 80, 0], ["己", 60, 1]], { outcomes });
    // Non-vetoed: 甲1 乙2 丙3 丁4 戊4 → last 2 positions are 4 and 5.
    expect(Object.values(u).filter((x) => x.outcomes.includes("laggard")).map((x) => x.unit).sort()).toEqual(["丁", "戊"].sort());
    const v = run([["甲", 95, 0], ["乙", 90, 0], ["丙", 88, 0], ["丁", 86, 0]], { outcomes });
    expect(Object.values(v).some((x) => x.outcomes.includes("laggard"))).toBe(false); // all at or above 85
  });

  it("gives the progress award to the largest positive improvement, not to vetoed units", () => {
    const u = run([["甲", 95, 0, 94], ["乙", 90, 0, 80], ["丙", 99, 1, 70], ["丁", 80, 0, 85]], { outcomes });
    expect(Object.values(u).filter((x) => x.outcomes.includes("progress")).map((x) => x.unit)).toEqual(["乙"]);
    expect(u.乙?.improvement).toBe(10);
  });

  it("assigns grade bands to scored units", () => {
    const u = run([["甲", 95, 0], ["乙", 85.5, 0], ["丙", 40, 0]], { outcomes });
    expect([u.甲?.grade, u.乙?.grade, u.丙?.grade]).toEqual(["优秀", "良好", "一般"]);
  });

  it("vetoes totals below a line, the line itself only when inclusive (80分以下)", () => {
    const rows: [string, number, number][] = [["甲", 79.99, 0], ["乙", 80, 0], ["丙", 80.01, 0]];
    const u = run(rows, { vetoes: [{ type: "totalBelow", value: 80 }] });
    expect([u.甲?.status, u.乙?.status, u.丙?.status]).toEqual(["vetoed", "scored", "scored"]);
    const v = run(rows, { vetoes: [{ type: "totalBelow", value: 80, inclusive: true }] });
    expect([v.甲?.status, v.乙?.status, v.丙?.status]).toEqual(["vetoed", "vetoed", "scored"]);
    expect(v.乙?.vetoReasons[0]).toEqual({ code: "veto.totalBelow", params: { total: 80, value: 80, inclusive: 1 } });
  });

  it("marks a laggard exactly on the line only when inclusive (85分以下), and says why", () => {
    const rows: [string, number, number][] = [["甲", 95, 0], ["乙", 90, 0], ["丙", 85, 0]];
    const ex = run(rows, { outcomes: { laggard: { bottom: 1, below: 85 } } });
    expect(ex.丙?.outcomes).toEqual([]);
    const inc = run(rows, { outcomes: { laggard: { bottom: 1, below: 85, inclusive: true } } });
    expect(inc.丙?.outcomes).toEqual(["laggard"]);
    expect(inc.丙?.outcomeReasons).toEqual([{ code: "laggard", params: { bottom: 1, total: 85, below: 85, inclusive: 1 } }]);
  });
});
