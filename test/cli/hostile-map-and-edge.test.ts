/** `--map` entries that cannot be honoured, and a table as wide as the sheet (issue 11): the real binary. */
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
  book = path.join(dir, "book.xlsx");
  await writeWorkbook(book, [{ name: "考核表", rows: [[...COMMUNITY_HEADERS], communityRow("阳光社区")] }]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--map that cannot be honoured", () => {
  it.each([
    ["an indicator the rubric lacks", "不存在的指标=B", /--map 不存在的指标=B：考核细则中没有指标“不存在的指标”/],
    ["B=C where B is not an indicator", "B=C", /--map B=C：考核细则中没有指标“B”/],
    ["a column that does not exist", "计划生育率=没有这列", /--map 计划生育率=没有这列：表格中没有列“没有这列”/],
    ["=ZZZZ", "计划生育率=ZZZZ", /--map 计划生育率=ZZZZ：表格中没有列“ZZZZ”/],
    ["a column outside the table", "计划生育率=ZZ", /--map 计划生育率=ZZ：ZZ 列在表格（A–AG 列）之外/],
  ])("%s: exit 2 naming the indicator and the column", (_name, map, message) => {
    const r = kaohe(["score", book, "-r", "community-2009", "--map", map]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });
});

describe("the sheet's edge", () => {
  it("a table 16,384 columns wide: exit 2 'no room right of the table', not an internal error", async () => {
    const wide = path.join(dir, "wide.xlsx");
    const filler = Array.from({ length: 16384 - COMMUNITY_HEADERS.length }, (_, i) => `备注${i + 1}`);
    await writeWorkbook(wide, [{ name: "考核表", rows: [[...COMMUNITY_HEADERS, ...filler], communityRow("阳光社区")] }]);
    const r = kaohe(["score", wide, "-r", "community-2009", "--out", path.join(dir, "wide-out.xlsx")], { timeout: 120000 });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/表格右侧没有空间写入考核结果：表格已到工作表最右列 XFD.*\| .*no room right of the table/);
    expect(r.err).not.toMatch(/internal|内部错误/);
  });
});
