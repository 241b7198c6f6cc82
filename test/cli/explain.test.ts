/** `kaohe explain --unit`: the real binary, a unit's explanation and its 差距分析, and the refusals. */
import { rmSync } from "fs";
import * as path from "path";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import { tempDir } from "../helpers/files";
import { kaohe } from "../helpers/hostile";
import { writeWorkbook } from "../helpers/xlsx";

let dir: string;
let book: string;

beforeAll(async () => {
  dir = tempDir();
  book = path.join(dir, "社区考核.xlsx");
  // 阳光社区: 计划生育率 85.5% against 88% (每低1个百分点扣1分) → 97.5, second behind 城北社区's 100.
  await writeWorkbook(book, [
    { name: "考核表", rows: [["标题"], [...COMMUNITY_HEADERS], communityRow("阳光社区", { "计划生育率(%)": 85.5 }), communityRow("城北社区"), communityRow("城东社区", { 恶性案件数: 2 }), communityRow("城西社区", { "群众满意率(%)": "#N/A" })] },
  ]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kaohe explain", () => {
  it("prints the unit's explanation, then the least change of each indicator that moves it up", () => {
    const r = kaohe(["explain", book, "--rubric", "community-2009", "--unit", "阳光社区"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("阳光社区；总分 97.5；排名 2；已评分");
    expect(lines).toContain("  · 计划生育率 85.5% 低于目标 88%，每低1个百分点扣1分，扣2.5分（B3）");
    const at = lines.indexOf("差距分析");
    expect(lines.slice(at, at + 3)).toEqual(["差距分析", "排名上升（现第2名）：", "  · 计划生育率 85.5% → 88%（B3）：总分 100，第1名"]);
    expect(r.out).toContain("几项指标同时改变的组合不在分析范围内");
  });

  it("says what lifts a veto, and the same as JSON", () => {
    const r = kaohe(["explain", book, "-r", "community-2009", "--unit", "城东社区", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.unit).toMatchObject({ unit: "城东社区", status: "vetoed", total: 100 });
    expect(j.explanation.split("\n")[0]).toBe("城东社区；总分 100；排名 3；一票否决：发生因计划生育行政侵权而导致的恶性案件");
    expect(j.whatIf.goals[0]).toEqual({
      goal: { kind: "liftVeto", veto: { code: "veto.fact", params: expect.objectContaining({ reason: "发生因计划生育行政侵权而导致的恶性案件" }) } },
      changes: [{ indicator: "恶性案件数", cell: "O5", kind: "count", from: 2, to: 0, exact: true, after: { status: "scored", total: 100, rank: 1, outcomes: [] } }],
    });
  });

  it("speaks English with --lang en-US; nothing to search for an incomplete unit or the first", () => {
    const r = kaohe(["explain", book, "-r", "community-2009", "--unit", "阳光社区", "--lang", "en-US"]);
    expect(r.out).toContain("Gap analysis\nMove up from rank 2:\n  · 计划生育率 85.5% → 88% (B3): total 100, rank 1\n");
    const w = kaohe(["explain", book, "-r", "community-2009", "--unit", "城西社区"]);
    expect(w.code).toBe(0);
    expect(w.out).toContain("差距分析\n该单位数据不全");
    const first = kaohe(["explain", book, "-r", "community-2009", "--unit", "城北社区"]);
    expect(first.out).toContain("差距分析\n没有还可追求的目标");
  });

  it("an unknown unit exits 2 naming the units like it; --unit is required", () => {
    const r = kaohe(["explain", book, "-r", "community-2009", "--unit", "阳光"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe("kaohe: 工作表“考核表”中没有单位“阳光”；相近的单位：阳光社区 | sheet “考核表” has no unit “阳光”; units with a similar name: 阳光社区\n");
    const far = kaohe(["explain", book, "-r", "community-2009", "--unit", "XYZ"]);
    expect(far.err).toContain("没有单位“XYZ”；共有 4 个单位，如：阳光社区, 城北社区, 城东社区, 城西社区");
    const none = kaohe(["explain", book, "-r", "community-2009"]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("--unit");
  });
});
