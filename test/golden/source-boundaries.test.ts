/**
 * Golden tests at the boundaries of the built-in rubrics' source sentences: exactly at a veto line,
 * exactly at a laggard line, exactly at a target, a negative ‰ rate, a sex ratio moving away from
 * normal, each street target missed alone, and the 30%/70% composite. Each expectation is worked by
 * hand from the sentence quoted above it (sources: ../shared/seeds/004_* and 003_*).
 */
import { builtinRubric } from "../../src/app/rubrics";
import { assess } from "../../src/core/assess";
import type { Rubric } from "../../src/core/rubric/model";
import { attainedText, explainUnit } from "../../src/core/plan/explain";
import { catalog, formatReason, texts } from "../../src/i18n";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { grid, type Raw } from "../helpers/grid";

function rubric(id: string): Rubric {
  const r = builtinRubric(id);
  if (!r.ok) throw new Error(id);
  return r.value.rubric;
}

function run(id: string, rows: Raw[][]) {
  const assessed = assess(grid(rows), rubric(id));
  if (!assessed.ok) throw new Error(JSON.stringify(assessed.issues));
  const assessment = assessed.value;
  const zh = catalog("zh-CN");
  return {
    unit(name: string) {
      const u = assessment.units.find((x) => x.unit === name);
      if (!u) throw new Error(`no unit ${name}`);
      return u;
    },
    explain(name: string, locale: "zh-CN" | "en-US" = "zh-CN") {
      return explainUnit(this.unit(name), texts(catalog(locale)));
    },
    vetoText(name: string) {
      return this.unit(name).vetoReasons.map((r) => formatReason(r, zh));
    },
    missed(name: string) {
      return this.unit(name).items.filter((i) => i.met === false).map((i) => i.name);
    },
  };
}

describe("village-2006 at its lines", () => {
  const head = ["村名", "第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条", "上级考核出现差错"];
  // Article maxima 15 15 7 5 18 9 10 6 10 5 = 100; each row's sum is worked out beside it.
  const rows: Raw[][] = [
    head,
    ["甲村", 15, 15, 7, 5, 18, 9, 10, 6, 10, 5, "否"], // 100
    ["乙村", 15, 15, 7, 5, 13, 9, 10, 6, 10, 5, "否"], // 95
    ["丙村", 15, 15, 7, 5, 13, 9, 5, 6, 10, 5, "否"], // 90
    ["丁村", 15, 15, 7, 5, 13, 9, 5, 6, 5.5, 5, "否"], // 85.5
    ["戊村", 15, 15, 7, 5, 13, 9, 5, 6, 5, 5, "否"], // 85
    ["己村", 12, 12, 5, 4, 14, 7, 8, 5, 8.5, 5, "否"], // 80.5
    ["庚村", 12, 12, 5, 4, 14, 7, 8, 5, 8, 5, "否"], // 80
  ];

  // "对综合考核评分在80分以下的……村实行“一票否决”": 以下 includes 80, so 80 is vetoed, 80.5 is not.
  it("vetoes a village at exactly 80 and not one at 80.5", () => {
    const r = run("village-2006", rows);
    expect([r.unit("庚村").status, r.unit("庚村").total]).toEqual(["vetoed", 80]);
    expect(r.vetoText("庚村")).toEqual(["一票否决：总分 80，在80分以下（含80分）"]);
    expect([r.unit("己村").status, r.unit("己村").total]).toEqual(["scored", 80.5]);
    expect(r.explain("庚村", "en-US")).toContain("Veto: total 80 is at or below 80 (80分以下（含80分）)");
  });

  // "排位在倒数三位且总分在85分以下的村，纳入后进单位": the six villages that are not vetoed rank
  // 甲1 乙2 丙3 丁4 戊5 己6 (庚, vetoed, ranks after them and stays out of the window). Last three:
  // 丁 85.5 (over 85: not a laggard), 戊 85 (85分以下 includes 85: laggard), 己 80.5 (laggard).
  it("marks a village at exactly 85 in the last three a laggard, and not one at 85.5", () => {
    const r = run("village-2006", rows);
    expect(["丁村", "戊村", "己村", "庚村"].map((n) => [r.unit(n).rank, r.unit(n).outcomes])).toEqual([
      [4, []],
      [5, ["laggard"]],
      [6, ["laggard"]],
      [7, []],
    ]);
    expect(r.explain("戊村").split("\n")[1]).toBe("后进单位：排位在倒数3位且总分 85，在85分以下（含85分）");
  });
});

describe("district-targets-2009 at its targets", () => {
  const head = ["区", "出生率(‰)", "自然增长率(‰)", "政策生育率(%)", "出生人口性别比", "上年出生人口性别比"];

  // "禅城区 出生率11.00‰ 自然增长率6.30‰ 政策生育率95.00%": a district exactly on each figure has
  // met it (a 计划指标 is a ceiling the district may reach; 政策生育率 a floor).
  it("counts a district exactly at its targets as attained", () => {
    const r = run("district-targets-2009", [head, ["禅城区", "11.00‰", "6.30‰", "95.00%", 105, 106]]);
    expect(r.unit("禅城区")).toMatchObject({ status: "scored", outcomes: ["attained"] });
    expect(r.missed("禅城区")).toEqual([]);
  });

  // 自然增长率 is births less deaths: seed 001 reports "自然增长率-0.02‰". Below 三水区's 6.30‰, so met.
  it("accepts a negative natural growth rate, written with ‰ or as a number", () => {
    const r = run("district-targets-2009", [head, ["三水区", 10.5, "-0.02‰", 96, 104, 105], ["禅城区", 10.5, -0.02, 96, 104, 105]]);
    for (const n of ["三水区", "禅城区"]) {
      expect(r.unit(n)).toMatchObject({ status: "scored", outcomes: ["attained"], problems: [] });
    }
    // Still a plausibility check: −150‰ is a typing error, not a rate.
    const bad = run("district-targets-2009", [head, ["三水区", 10.5, -150, 96, 104, 105]]);
    expect(bad.unit("三水区").status).toBe("incomplete");
    expect(bad.unit("三水区").problems[0]).toMatchObject({ code: "value.rateOutOfRange", cell: "C2", params: expect.objectContaining({ min: -100, max: 100 }) });
  });

  // "出生人口性别比比上年度明显下降并趋向正常" with 正常 = 103–107 and 明显 = the gap to that range
  // shrinks by at least 1 (local choices stated in the rubric):
  //   南海区 102 → 101: a fall, but 1 below the range becomes 2 below: away from normal → missed;
  //   顺德区 110 → 109.5: gap 3 → 2.5, shrinks by 0.5 < 1: not 明显 → missed;
  //   高明区 110 → 109: gap 3 → 2, shrinks by exactly 1 → met;
  //   三水区 104 → 106: a rise, but inside the normal range → met.
  it("meets the sex-ratio target only when the ratio moves toward 103–107 (or is in it)", () => {
    const r = run("district-targets-2009", [
      head,
      ["南海区", 10, 5, 96, 101, 102],
      ["顺德区", 10, 5, 96, 109.5, 110],
      ["高明区", 10, 5, 96, 109, 110],
      ["三水区", 10, 5, 96, 106, 104],
    ]);
    expect(r.missed("南海区")).toEqual(["出生人口性别比"]);
    expect(r.unit("南海区").status).toBe("vetoed");
    expect(r.vetoText("南海区")).toEqual(["一票否决：未完成任务（出生人口性别比）"]);
    expect(r.unit("南海区").items[3]?.findings[0]?.cell).toBe("E2");
    expect(r.explain("南海区")).toContain("出生人口性别比 101 不在 103–107 之间，也未趋向正常（上年 102，与该范围相差 1；今年相差 2，应至少缩小 1）");
    expect(r.missed("顺德区")).toEqual(["出生人口性别比"]);
    expect(r.missed("高明区")).toEqual([]);
    expect(r.missed("三水区")).toEqual([]);
  });
});

describe("street-2013, each target missed alone", () => {
  // "出生政策符合率保持在99.5%以上;孕前优生健康检查覆盖率达到目标人群90%;流动人口管理服务率90%以上;
  //  依法管理、优质服务和群众满意率95%以上;计划生育机构队伍建设、街道世代服务中心、村(社区)世代服务室
  //  建设达到规定标准……;人口和计划生育政策全面兑现,出生人口性别比正常。"
  const head = [
    "单位", "出生政策符合率", "孕前优生健康检查覆盖率", "流动人口管理服务率", "依法管理率", "优质服务率", "群众满意率",
    "机构队伍建设达标", "街道世代服务中心建设达标", "世代服务室建设达标", "政策全面兑现", "出生人口性别比",
  ];
  // Every figure exactly on its target (以上/达到 include it), every standard reached, 性别比 at 103.
  const onTarget: Raw[] = [99.5, 90, 90, 95, 95, 95, "是", "是", "是", "是", 103];
  const misses: [string, number, Raw][] = [
    ["出生政策符合率", 0, 99.4],
    ["孕前优生健康检查覆盖率", 1, 89.9],
    ["流动人口管理服务率", 2, 89.9],
    ["依法管理率", 3, 94.9],
    ["优质服务率", 4, 94.9],
    ["群众满意率", 5, 94.9],
    ["机构队伍建设达标", 6, "否"],
    ["街道世代服务中心建设达标", 7, "否"],
    ["世代服务室建设达标", 8, "否"],
    ["政策全面兑现", 9, "否"],
    ["出生人口性别比", 10, 107.1],
  ];
  const rows: Raw[][] = [
    head,
    ["街道本级", ...onTarget],
    ["上限村", ...onTarget.slice(0, 10), 107], // 性别比 exactly at the top of 正常
    ...misses.map(([name, i, v]) => [name, ...onTarget.map((x, j) => (j === i ? v : x))]),
  ];

  it("attains when every figure is exactly on its target", () => {
    const r = run("street-2013", rows);
    for (const n of ["街道本级", "上限村"]) expect(r.unit(n)).toMatchObject({ status: "scored", outcomes: ["attained"] });
  });

  it.each(misses.map(([name]) => name))("misses only %s", (name) => {
    const r = run("street-2013", rows);
    expect(r.unit(name).outcomes).toEqual(["notAttained"]);
    expect(r.missed(name)).toEqual([name]);
  });

  it("does not ask a village row about the street's own 世代服务中心 (left blank)", () => {
    const r = run("street-2013", [head, ["甲村", ...onTarget.slice(0, 7), null, ...onTarget.slice(8)]]);
    expect(r.unit("甲村")).toMatchObject({ status: "scored", outcomes: ["attained"], problems: [] });
    expect(attainedText(r.unit("甲村"))).toBe("10/10");
  });
});

describe("community-2009 at its targets and its composite", () => {
  const head = [...COMMUNITY_HEADERS, "其余考核得分"];

  // "当年出生计划生育率达88%以上……每低一个百分点扣1分": 88 loses nothing; 87.99 loses 0.01.
  it("deducts nothing exactly at a target", () => {
    const r = run("community-2009", [head, [...communityRow("甲", { "计划生育率(%)": 88 }), 90], [...communityRow("乙", { "计划生育率(%)": 87.99 }), 90]]);
    expect(r.unit("甲").items[0]).toMatchObject({ score: 10, met: true });
    expect(r.unit("乙").items[0]).toMatchObject({ score: 9.99, met: false });
  });

  // "本专项考核分占……年终计生考核总分的30%……其余考核事项……占70%".
  // 知晓率 74.5: 5.5 below 80 × 0.1 = 0.55 → 优质服务 2.45, total 99.45.
  // 0.3 × 99.45 + 0.7 × 88.85 = 29.835 + 62.195 = 92.03 (rounding each part first: 29.84 + 62.20 = 92.04).
  it("computes 年终计生考核总分 exactly and rounds once", () => {
    const r = run("community-2009", [head, [...communityRow("甲", { "基础知识知晓率(%)": 74.5 }), 88.85]]);
    expect(r.unit("甲").total).toBe(99.45);
    expect(r.unit("甲").composites).toEqual([{ name: "年终计生考核总分", value: 92.03 }]);
  });
});
