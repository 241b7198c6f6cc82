/** `kaohe score` with 等次名额 and 否决后等次: the grade's reason under the table and in the JSON. */
import { rmSync, writeFileSync } from "fs";
import * as path from "path";
import { kaohe } from "../helpers/cli";
import { tempDir } from "../helpers/files";
import { writeWorkbook } from "../helpers/xlsx";


let dir: string;
let book: string;
let rubric: string;

beforeAll(async () => {
  dir = tempDir();
  book = path.join(dir, "等次.xlsx");
  rubric = path.join(dir, "rubric.json");
  await writeWorkbook(book, [{ name: "考核表", rows: [["单位", "得分", "案件"], ["甲镇", 98, 0], ["乙镇", 95, 0], ["丙镇", 85, 0], ["丁镇", 96, 1]] }]);
  writeFileSync(rubric, JSON.stringify({
    id: "grades-cli", name: "等次名额", version: "1",
    indicators: [{ name: "得分", type: "score" }, { name: "案件", type: "count" }],
    items: [{ name: "得分", max: 100, rules: [{ type: "enteredScore", indicator: "得分" }] }],
    vetoes: [{ type: "fact", when: "案件 > 0", reason: "发生案件", grade: { down: 1 } }],
    // 4 units with a total × 25% = 1 place for 优秀
    outcomes: { grades: [{ min: 90, label: "优秀", quota: { percent: 25 } }, { min: 80, label: "良好" }, { min: 0, label: "一般" }] },
  }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kaohe score: grade reasons", () => {
  it("lists why a grade is not the one the total earns, below the table", () => {
    const r = kaohe(["score", book, "--rubric", rubric]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\s+甲镇\s+已评分\s+98\s+优秀/);
    expect(r.out).toMatch(/2\s+乙镇\s+已评分\s+95\s+良好/);
    expect(r.out.trimEnd().split("\n").slice(-2)).toEqual([
      "乙镇：分数达到优秀但超出优秀名额（25%，共1名），定为良好",
      "丁镇：一票否决，由优秀降一等次为良好",
    ]);
  });

  it("puts them in the JSON as outcomeReasons", () => {
    const r = kaohe(["score", book, "--rubric", rubric, "--format", "json", "--lang", "en-US"]);
    const units = JSON.parse(r.out).units as { unit: string; grade?: string; outcomeReasons?: string[] }[];
    expect(units.map((u) => [u.unit, u.grade, u.outcomeReasons])).toEqual([
      ["甲镇", "优秀", undefined],
      ["乙镇", "良好", ["The total reaches 优秀 but the 优秀 places (25%, 1 in all) are taken: graded 良好"]],
      ["丙镇", "良好", undefined],
      ["丁镇", "良好", ["Vetoed: lowered 1 grade(s) from 优秀 to 良好"]],
    ]);
  });
});
