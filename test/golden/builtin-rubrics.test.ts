/**
 * Golden tests: each built-in rubric on a workbook laid out as officials lay theirs out, written to
 * .xlsx and read back through the real adapter. Expected figures are worked out by hand from the
 * source documents (see the comments), not copied from the engine's output.
 */
import { builtinRubric } from "../../src/app/rubrics";
import { assess } from "../../src/core/assess";
import { catalog } from "../../src/i18n";
import { jsonReport } from "../../src/app/report";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { xlsxOf } from "../helpers/files";
import type { XSheet } from "../helpers/xlsx";

async function score(id: string, sheet: XSheet) {
  const rubric = builtinRubric(id);
  if (!rubric.ok) throw new Error(id);
  const { book } = await xlsxOf([sheet]);
  const grid = await book.readSheet();
  if (!grid) throw new Error("no sheet");
  const assessed = assess(grid, rubric.value.rubric);
  if (!assessed.ok) throw new Error(JSON.stringify(assessed.issues));
  const assessment = assessed.value;
  const report = jsonReport(assessment, catalog("zh-CN"));
  return Object.fromEntries(report.units.map((u) => [u.unit, u]));
}

describe("community-2009", () => {
  it("scores the document's deductions item by item", async () => {
    const u = await score("community-2009", {
      name: "社区",
      rows: [
        ["松源镇2009年社区考核"],
        [...COMMUNITY_HEADERS, "其余考核得分"],
        [...communityRow("满分社区"), 90],
        // 计划生育率 85.5% → 2.5 short × 1 = −2.5 → 7.5
        [...communityRow("甲社区", { "计划生育率(%)": "85.5%" }), 80],
        // 避孕节育率: 66 → 4 × 0.5 = 2; 60 → 10 × 0.5 = 5 → 10 − 7 = 3
        // 基层基础建设: 信息准确率 98 → 2 × 0.5 = 1; 帐册 3 × 0.2 = 0.6; 逻辑 2 × 0.2 = 0.4; 公开 1 × 0.5 → 10 − 2.5 = 7.5
        [...communityRow("乙社区", { "多生对象长效节育落实率(%)": 66, "其余对象长效避孕落实率(%)": 60, "育龄妇女信息准确率(%)": 98, 帐册差错项数: 3, 逻辑错误项数: 2, 政务公开缺项数: 1 }), null],
        // 优质服务 (3): 2 例 −2; 知晓率 70 → 10 × 0.1 = 1; 满意率 85 → 5 × 0.2 = 1 → 扣完为止 0
        // 流动人口管理 (30): 店面 90 → 5; 出租房 80 → 3; 信息准确率 70 → 1; 录入 85 → 1; 通报 60 → 20 → 0
        [...communityRow("丙社区", { 服务不到位例数: 2, "基础知识知晓率(%)": 70, "群众满意率(%)": 85, "店面登记率(%)": 90, "出租房登记率(%)": 80, "流动人口信息准确率(%)": 70, "信息录入率(%)": 85, "计划外怀孕核查通报率(%)": 60 }), 70],
        // 恶性案件 → vetoed, total kept
        [...communityRow("丁社区", { 恶性案件数: 1, 违规行政行为次数: 2 }), 95],
        ["合计"],
      ],
    });
    expect(u["满分社区"]).toMatchObject({ status: "scored", total: 100, rank: 1 });
    expect(u["甲社区"]?.items.find((i) => i.name === "计划生育率")).toMatchObject({ score: 7.5, max: 10, met: false });
    expect(u["甲社区"]?.items[0]?.deductions[0]).toEqual({ points: 2.5, cell: "B4", reason: "计划生育率 85.5% 低于目标 88%，每低1个百分点扣1分，扣2.5分" });
    expect(u["甲社区"]?.total).toBe(97.5);
    expect(u["乙社区"]?.items.find((i) => i.name === "避孕节育率")?.score).toBe(3);
    expect(u["乙社区"]?.items.find((i) => i.name === "基层基础建设")?.score).toBe(7.5);
    expect(u["乙社区"]?.total).toBe(90.5); // 100 − 7 − 2.5
    expect(u["丙社区"]?.items.find((i) => i.name === "优质服务")?.score).toBe(0);
    expect(u["丙社区"]?.items.find((i) => i.name === "流动人口管理")?.score).toBe(0);
    expect(u["丙社区"]?.total).toBe(67);
    expect(u["丁社区"]).toMatchObject({ status: "vetoed", total: 98, rank: 5, vetoReasons: ["一票否决：发生因计划生育行政侵权而导致的恶性案件"] });
    // 年终计生考核总分 = 30% × 专项 + 70% × 其余: 0.3 × 97.5 + 0.7 × 80 = 85.25
    expect(u["甲社区"]?.composites).toEqual([{ name: "年终计生考核总分", value: 85.25 }]);
    expect(u["乙社区"]?.composites).toEqual([{ name: "年终计生考核总分", value: null }]);
    expect(Object.keys(u)).not.toContain("合计");
  });

  it("derives 政策兑现率 from the amounts when the sheet has no such column", async () => {
    const headers = COMMUNITY_HEADERS.filter((h) => h !== "政策兑现率(%)");
    const row = (name: string, people: number, std: number, paid: number) => [...communityRow(name).filter((_, i) => COMMUNITY_HEADERS[i] !== "政策兑现率(%)"), people, std, paid];
    const u = await score("community-2009", {
      name: "社区",
      rows: [
        [...headers, "违法生育人数", "最低征收标准(元)", "实际上缴金额(元)"],
        row("甲", 3, 20000, 42000), // 70% → 5 short → 5 of 10
        row("乙", 0, 20000, 0), // nothing due → 100%
        row("丙", 2, 10000, 15000), // 75% → met
      ],
    });
    expect([u["甲"]?.items[1]?.score, u["乙"]?.items[1]?.score, u["丙"]?.items[1]?.score]).toEqual([5, 10, 10]);
  });
});

describe("village-2006", () => {
  const head = ["村名", "第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条", "上级考核出现差错", "上年总分"];
  const row = (name: string, total: number[], err: string, prev: number | string) => [name, ...total, err, prev];

  it("sums entered article scores, vetoes below 80 or on 差错, commends the top 3, rewards progress, marks laggards", async () => {
    const u = await score("village-2006", {
      name: "村",
      rows: [
        head,
        row("一村", [15, 15, 7, 5, 18, 9, 10, 6, 10, 5], "否", 99), // 100, −1 from last year
        row("二村", [15, 15, 7, 5, 17, 9, 10, 6, 10, 5], "否", 90), // 99, +9
        row("三村", [15, 15, 7, 5, 17, 9, 10, 6, 10, 5], "否", 98), // 99, +1 (tie for 2nd)
        row("四村", [14, 14, 6, 5, 16, 8, 9, 5, 9, 5], "否", 80), // 91, +11
        row("五村", [13, 13, 6, 4, 15, 8, 9, 5, 8, 4], "否", 88), // 85, −3 → laggard (last 3, 85分以下 includes 85)
        row("六村", [13, 13, 6, 4, 14, 7, 8, 5, 8, 4], "否", 70), // 82, +12 → laggard (last 3, < 85) and progress
        row("七村", [15, 15, 7, 5, 18, 9, 10, 6, 10, 5], "是", 60), // 100 but 差错 → vetoed
        row("八村", [10, 12, 5, 3, 12, 6, 7, 4, 7, 3], "否", 50), // 69 < 80 → vetoed
        row("九村", [14, 14, 6, 5, 16, 8, 9, 5, 9, 5], "否", ""), // 91
      ],
    });
    const pick = (n: string) => [u[n]?.status, u[n]?.total, u[n]?.rank, u[n]?.outcomes];
    expect(pick("一村")).toEqual(["scored", 100, 1, ["commended"]]);
    // Improvements: 六村 +12, 四村 +11, 二村 +9 earn 进步奖; 三村 +1 does not.
    expect(pick("二村")).toEqual(["scored", 99, 2, ["commended", "progress"]]);
    expect(pick("三村")).toEqual(["scored", 99, 2, ["commended"]]);
    expect(pick("四村")).toEqual(["scored", 91, 4, ["progress"]]);
    expect(pick("九村")).toEqual(["scored", 91, 4, []]);
    // Non-vetoed: 7 units; the last 3 positions are 5–7: 四村/九村 (91, tied 4th, over 85), 五村 (85) and
    // 六村 (82). "总分在85分以下" includes 85 itself (以下 includes the figure), so 五村 is a laggard.
    expect(pick("五村")).toEqual(["scored", 85, 6, ["laggard"]]);
    expect(pick("六村")).toEqual(["scored", 82, 7, ["laggard", "progress"]]);
    expect(pick("七村")).toEqual(["vetoed", 100, 8, []]);
    expect(u["七村"]?.vetoReasons).toEqual(["一票否决：因省、州、县考核出现工作差错影响大局"]);
    expect(pick("八村")).toEqual(["vetoed", 69, 9, []]);
    expect(u["八村"]?.vetoReasons).toEqual(["一票否决：总分 69，在80分以下（含80分）"]);
  });
});

describe("district-targets-2009", () => {
  it("checks each district against its own targets and vetoes any miss", async () => {
    const u = await score("district-targets-2009", {
      name: "区",
      rows: [
        ["区", "出生率(‰)", "自然增长率(‰)", "政策生育率(%)", "出生人口性别比", "上年出生人口性别比"],
        ["禅城区", "11.00‰", 6.3, 95, 108, 110], // on every line; sex ratio lower than last year
        ["南海区", 11.11, 6.4, 95, 105, 104], // birth rate above 11.10
        ["高明区", 11.15, 6.45, 94, 108, 107], // sex ratio out of range and not lower
        ["三水区", 10.5, 6.0, 94.9, 104, null], // policy rate below 95
        ["某新区", 10, 5, 99, 105, 106], // no targets in the document
      ],
    });
    expect(u["禅城区"]).toMatchObject({ status: "scored", total: null, rank: null, outcomes: ["attained"] });
    expect(u["南海区"]).toMatchObject({ status: "vetoed", outcomes: ["notAttained"] });
    expect(u["南海区"]?.items[0]).toMatchObject({ name: "出生率", met: false, score: null, max: null });
    expect(u["南海区"]?.items[0]?.deductions[0]?.reason).toBe("出生率 11.11‰ 高于目标 11.1‰");
    expect(u["高明区"]?.vetoReasons).toEqual(["一票否决：未完成任务（出生人口性别比）"]);
    expect(u["三水区"]?.vetoReasons).toEqual(["一票否决：未完成任务（政策生育率）"]);
    expect(u["某新区"]?.status).toBe("incomplete");
  });
});

describe("street-2013", () => {
  it("checks the 2013 targets", async () => {
    const u = await score("street-2013", {
      name: "街道",
      rows: [
        ["单位", "出生政策符合率", "孕前优生健康检查覆盖率", "流动人口管理服务率", "依法管理率", "优质服务率", "群众满意率", "机构队伍建设达标", "世代服务室建设达标", "政策全面兑现", "出生人口性别比"],
        ["甲村", 99.5, 90, 90, 95, 95, 95, "是", "是", "是", 103],
        ["乙村", 99.4, 90, 90, 95, 95, 95, "是", "是", "是", 107.1],
      ],
    });
    expect(u["甲村"]).toMatchObject({ status: "scored", outcomes: ["attained"] });
    // Every target met but the street's own 世代服务中心, which no village row answers (column absent).
    expect(u["甲村"]?.items.filter((i) => i.met !== true).map((i) => [i.name, i.met])).toEqual([["街道世代服务中心建设达标", null]]);
    expect(u["乙村"]).toMatchObject({ status: "scored", outcomes: ["notAttained"] });
    expect(u["乙村"]?.items.filter((i) => i.met === false).map((i) => i.name)).toEqual(["出生政策符合率", "出生人口性别比"]);
  });
});
