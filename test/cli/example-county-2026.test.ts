/**
 * examples/county-2026.xlsx — a 2026 county rubric authored entirely as a 评分细则 sheet — scored by
 * the real `kaohe` binary, against figures worked by hand for two towns.
 */
import { kaohe } from "../helpers/cli";
import { readFileSync } from "fs";
import * as path from "path";
import { workbookBytes } from "../../src/adapters/xlsx/rubric-sheet-file";
import { KINDS, choiceLabels } from "../../src/core/rubric/sheet/layout";
import { countyExampleSheets } from "../../scripts/county-2026-example";

const BOOK = path.resolve(__dirname, "../../examples/county-2026.xlsx");

interface Unit {
  unit: string;
  status: string;
  total: number;
  rank: number;
  grade?: string;
  outcomes: string[];
  composites: { name: string; value: number }[];
  items: { name: string; score: number }[];
}

let units: Unit[];
beforeAll(() => {
  const r = kaohe(["score", BOOK, "--rubric-sheet", "评分细则", "--format", "json"]);
  expect(r.code).toBe(0);
  units = JSON.parse(r.out).units;
});
const unit = (name: string) => units.find((u) => u.unit === name) as Unit;
const scores = (u: Unit) => Object.fromEntries(u.items.map((i) => [i.name, i.score]));

describe("examples/county-2026.xlsx scored from its 评分细则 sheet", () => {
  it("is the file scripts/county-2026-example.ts makes (npm run example:sheet)", () => {
    expect(Buffer.from(workbookBytes(countyExampleSheets(choiceLabels(KINDS)))).equals(readFileSync(BOOK))).toBe(true);
  });

  it("城关镇: 89.25 points, 3rd, 良好, 年度折算分 89.8", () => {
    const u = unit("城关镇");
    expect(scores(u)).toEqual({
      出生人口信息: 8.5, // 96.5% vs 98%: 1.5 × 1
      育儿补贴发放: 8.5, // 99% vs 100%: 1 × 0.5, one complaint upheld: 1
      孕前优生健康检查: 7, // 78.4% vs 80%: 1.6 → 2 started points × 0.5
      出生人口性别比: 6, // 108.2 is 1.2 above 107; last year 110 was 3.0 above: closer by 1.8 ≥ 1
      数据报送: 6,
      托位建设: 10, // 460 / 98000 × 1000 = 4.69 ≥ 4.5
      普惠托育机构: 5,
      计划生育特殊家庭扶助: 7, // 签约率 97%: 3 × 1
      婚育新风宣传: 3.75, // 3 activities: (4 − 3) × 1.25
      人口发展专题调研: 4.5, // entered
      工作机构: 6, // 经费未列入预算: 4
      依法行政: 10,
      信息化建设: 5,
      创新工作: 2, // 2 commendations × 1, under the cap of 3
    });
    // 36 + 30.25 + 21 + 2 bonus = 89.25; 0.8 × 89.25 + 0.2 × 92 = 71.4 + 18.4 = 89.8
    expect(u).toMatchObject({ status: "scored", total: 89.25, rank: 3, grade: "良好", composites: [{ name: "年度折算分", value: 89.8 }] });
  });

  it("石桥乡: 38.75 points, vetoed under 60, 年度折算分 46", () => {
    const u = unit("石桥乡");
    expect(scores(u)).toEqual({
      出生人口信息: 4, // 92% vs 98%: 6
      育儿补贴发放: 4.5, // 95%: 5 × 0.5 = 2.5, 3 complaints: 3
      孕前优生健康检查: 3, // 70% vs 80%: 10 × 0.5
      出生人口性别比: 0, // 112 is 5 above 107; last year 112.5 was 5.5 above: closer by only 0.5
      数据报送: 4, // 2 late reports
      托位建设: 2.5, // 123 / 41000 × 1000 = 3.0: 1.5 short = 15 steps of 0.1 × 0.5 = 7.5
      普惠托育机构: 0,
      计划生育特殊家庭扶助: 0, // 98%: 2 × 2 = 4, 签约率 90%: 10 → 14, stops at 0 (扣完为止)
      婚育新风宣传: 1.25, // 1 activity: 3 × 1.25
      人口发展专题调研: 2,
      工作机构: 7, // no full-time staff: 3
      依法行政: 8, // 1 violation × 2
      信息化建设: 2.5, // 90% vs 95%: 5 × 0.5
      创新工作: 0,
    });
    // 15.5 + 5.75 + 17.5 = 38.75 < 60 (总分线, 60 itself not vetoed); 0.8 × 38.75 + 0.2 × 75 = 31 + 15 = 46
    expect(u).toMatchObject({ status: "vetoed", total: 38.75, composites: [{ name: "年度折算分", value: 46 }] });
  });

  it("the header block's 表彰, 后进单位 and 进步奖 rules apply", () => {
    expect(unit("河西街道").outcomes).toEqual(expect.arrayContaining(["commended", "progress"]));
    expect(unit("东湖镇").outcomes).toEqual(["commended"]);
    expect(unit("青山镇").outcomes).toEqual(["laggard"]); // last not vetoed, 71 ≤ 80 (含本数)
    expect(unit("白沙镇").status).toBe("vetoed"); // 恶性事件数 1
  });
});
