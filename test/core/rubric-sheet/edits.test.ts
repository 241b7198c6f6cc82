/** Editing one number in a 评分细则 sheet changes exactly the field that number governs; errors sit on their cells. */
import { rubricSchema, type RubricDoc } from "../../../src/core/rubric/schema";
import { compileRubricSheet, rubricToSheet, sheetToRubric, type RubricSheet } from "../../../src/core/rubric/sheet";
import { BLOCKS, INFO, RULE_COLUMNS } from "../../../src/core/rubric/sheet/layout";
import { a1 } from "../../../src/core/grid";
import { catalog, formatIssueWithPlace } from "../../../src/i18n";
import community from "../../../src/rubrics/community-2009.json";
import district from "../../../src/rubrics/district-targets-2009.json";
import village from "../../../src/rubrics/village-2006.json";
import { edited, rowWhere, sheetGrid } from "./helpers";

const C = Object.keys(RULE_COLUMNS) as (keyof typeof RULE_COLUMNS)[];
const col = (k: keyof typeof RULE_COLUMNS) => C.indexOf(k);

/** Every path at which two JSON values differ. */
function diff(a: unknown, b: unknown, path = ""): string[] {
  if (Object.is(a, b)) return [];
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
}

function read(sheet: RubricSheet): RubricDoc {
  const r = sheetToRubric(sheetGrid(sheet));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.doc;
}

let doc: RubricDoc;
// Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
beforeEach(() => (doc = rubricSchema.parse(community)));
let sheet: RubricSheet;
let rulesTop: number;
// Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
beforeEach(() => {
  sheet = rubricToSheet(doc);
  rulesTop = rowWhere(sheet, 0, BLOCKS.rules);
});

describe("editing one number of a 评分细则 sheet", () => {
  it("目标值 of 计划生育率 88 → 90 changes that rule's target only", () => {
    const r = rowWhere(sheet, col("item"), "计划生育率", rulesTop);
    expect(sheet.rows[r]?.[col("target")]).toBe(88);
    const after = read(edited(sheet, r, col("target"), 90));
    expect(diff(doc, after)).toEqual(["sections.0.items.0.rules.0.target"]);
    expect(after.sections?.[0]?.items[0]?.rules[0]).toMatchObject({ target: 90 });
  });

  it("扣/加分 on a rule's second row, 分值 of an item and 满分 change only those", () => {
    const r = rowWhere(sheet, col("item"), "避孕节育率", rulesTop) + 1;
    expect(diff(doc, read(edited(sheet, r, col("points"), 0.75)))).toEqual(["sections.0.items.2.rules.1.points"]);
    const item = rowWhere(sheet, col("item"), "流动人口管理", rulesTop);
    expect(diff(doc, read(edited(sheet, item, col("max"), 25)))).toEqual(["sections.1.items.5.max"]);
    const full = rowWhere(sheet, 0, INFO.maxTotal);
    expect(diff(doc, read(edited(sheet, full, 1, 120)))).toEqual(["maxTotal"]);
  });

  it("a composite weight, a unit's target and a veto's 总分线 each change one field", () => {
    const w = rowWhere(sheet, 1, "其余考核得分");
    expect(diff(doc, read(edited(sheet, w, 2, 0.6)))).toEqual(["composites.0.parts.1.weight"]);
    const d = rubricSchema.parse(district);
    const ds = rubricToSheet(d);
    const unit = rowWhere(ds, 0, "高明区");
    expect(diff(d, read(edited(ds, unit, 1, 11.2)))).toEqual(["unitTargets.高明区.出生率"]);
    const v = rubricSchema.parse(village);
    const vs = rubricToSheet(v);
    const veto = rowWhere(vs, col("kind"), "总分线否决");
    expect(diff(v, read(edited(vs, veto, col("target"), 75)))).toEqual(["vetoes.0.value"]);
  });

  it("a %-formatted target (0.9 shown as 90%) reads as 90", () => {
    const r = rowWhere(sheet, col("item"), "计划生育率", rulesTop);
    const grid = sheetGrid(sheet);
    const rows = grid.rows.map((x) => (x ? [...x] : x));
    const row = [...(rows[r] ?? [])];
    row[col("target")] = { value: 0.9, numFmt: "0%" };
    rows[r] = row;
    const back = sheetToRubric({ ...grid, rows });
    expect(back.ok && back.value.doc.sections?.[0]?.items[0]?.rules[0]).toMatchObject({ target: 90 });
  });
});

describe("评分细则 errors point at their cells", () => {
  const zh = catalog("zh-CN");
  const en = catalog("en-US");
  let r: number;
  beforeEach(() => (r = rowWhere(sheet, col("item"), "计划生育率", rulesTop)));

  it("a target that is not a number", () => {
    const res = compileRubricSheet(sheetGrid(edited(sheet, r, col("target"), "九十")));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const cell = a1(r, col("target"));
    expect(res.issues).toEqual([expect.objectContaining({ code: "rubricSheet.notNumber", sheet: "评分细则", cell })]);
    expect(formatIssueWithPlace(res.issues[0]!, zh)).toBe(`工作表“评分细则”单元格 ${cell}：目标值“九十”不是数字`);
    expect(formatIssueWithPlace(res.issues[0]!, en)).toContain(`目标值 "九十" is not a number`);
  });

  it("a 计分方式 not in the list, and a cell its 计分方式 does not use", () => {
    const bad = compileRubricSheet(sheetGrid(edited(sheet, r, col("kind"), "按比例")));
    expect(!bad.ok && bad.issues[0]).toMatchObject({ code: "rubricSheet.badChoice", cell: a1(r, col("kind")) });
    const unused = compileRubricSheet(sheetGrid(edited(sheet, r, col("upper"), 100)));
    expect(!unused.ok && unused.issues[0]).toMatchObject({ code: "rubricSheet.notApplicable", cell: a1(r, col("upper")), params: { kind: "对照目标值", label: "上限" } });
  });

  it("the rubric checker's errors are put on the cell the value came from", () => {
    const big = compileRubricSheet(sheetGrid(edited(sheet, r, col("max"), 5000)));
    expect(!big.ok && big.issues[0]).toMatchObject({ code: "rubric.schema", sheet: "评分细则", cell: a1(r, col("max")) });
    const unknown = compileRubricSheet(sheetGrid(edited(sheet, r, col("indicator"), "计划生育率X")));
    expect(!unknown.ok && unknown.issues[0]).toMatchObject({ code: "rubric.unknownIndicator", cell: a1(r, col("indicator")) });
    const id = rowWhere(sheet, 0, INFO.id);
    const badId = compileRubricSheet(sheetGrid(edited(sheet, id, 1, "Not An Id")));
    expect(!badId.ok && badId.issues[0]).toMatchObject({ code: "rubric.schema", cell: a1(id, 1) });
  });

  it("warnings too: items not adding up to 满分", () => {
    const full = rowWhere(sheet, 0, INFO.maxTotal);
    const res = compileRubricSheet(sheetGrid(edited(sheet, full, 1, 120)));
    expect(res.ok && res.value.warnings).toEqual([expect.objectContaining({ code: "rubric.totalMismatch", cell: a1(full, 1) })]);
  });

  it("an unknown column and a missing 【考核项目】 table", () => {
    const head = rulesTop + 1;
    const extra = compileRubricSheet(sheetGrid(edited(sheet, head, 25, "备注列")));
    expect(!extra.ok && extra.issues[0]).toMatchObject({ code: "rubricSheet.unknownColumn", cell: a1(head, 25) });
    const none = compileRubricSheet(sheetGrid({ name: "评分细则", rows: [[INFO.name, "x"], [INFO.id, "x"], [INFO.version, "1"]] }));
    expect(!none.ok && none.issues.map((i) => i.code)).toEqual(["rubricSheet.noRules"]);
  });
});

describe("a 评分细则 sheet as officials write it", () => {
  it("merged 类别 and 考核项目 cells, 是/否 words and numbers typed as text", () => {
    const rows = [
      [BLOCKS.info], [INFO.name, "测试"], [INFO.id, "t-1"], [INFO.version, 2026], [INFO.mode, "计分"],
      [BLOCKS.rules],
      [RULE_COLUMNS.section, RULE_COLUMNS.item, RULE_COLUMNS.max, RULE_COLUMNS.indicator, RULE_COLUMNS.kind, RULE_COLUMNS.target, RULE_COLUMNS.points],
      ["指标", "出生", "10", "甲率", "对照目标值", "８８%", 1],
      [null, null, null, "乙数", "按次数", null, "0.5"],
      [null, "服务", 5, "丙否", "是否", null, 2],
      [BLOCKS.indicators], ["指标名称", "类型", "必需"], ["甲率", "百分率", "是"], ["乙数", "次数", "否"], ["丙否", "是否", "Y"],
    ];
    const grid = sheetGrid({ name: "评分细则", rows });
    const merged = { ...grid, merges: [{ top: 7, left: 0, bottom: 9, right: 0 }, { top: 7, left: 1, bottom: 8, right: 1 }, { top: 7, left: 2, bottom: 8, right: 2 }] };
    const res = sheetToRubric(merged);
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    const d = res.value.doc;
    expect(d.version).toBe("2026");
    expect(d.sections).toEqual([
      {
        name: "指标",
        items: [
          { name: "出生", max: 10, bonus: false, rules: [
            { type: "target", indicator: "甲率", target: 88, direction: "atLeast", points: 1, step: 1, rounding: "none", inclusive: true },
            { type: "perCount", indicator: "乙数", points: 0.5 },
          ] },
          { name: "服务", max: 5, bonus: false, rules: [{ type: "check", indicator: "丙否", points: 2, when: false }] },
        ],
      },
    ]);
    expect(d.indicators.map((i) => i.required)).toEqual([true, false, true]);
  });

  it("blocks in any order: 【基本信息】 below the rules reads the same", () => {
    const infoEnd = sheet.rows.findIndex((r) => r.length === 0);
    const moved = { ...sheet, rows: [...sheet.rows.slice(infoEnd + 1), [], ...sheet.rows.slice(0, infoEnd)] };
    expect(read(moved)).toStrictEqual(doc);
  });

  it("a merge over the whole sheet (A1:XFD1048576) is clipped to the cells there are", () => {
    const grid = { ...sheetGrid(sheet), merges: [{ top: 200, left: 30, bottom: 1048575, right: 16383 }] };
    const res = sheetToRubric(grid);
    expect(res.ok && res.value.doc).toStrictEqual(doc);
  });

  it("an item with no rule is shown at its name, a veto's unknown name at its condition", () => {
    const head = [[INFO.name, "x"], [INFO.id, "x"], [INFO.version, "1"], [BLOCKS.rules]];
    const cols = [RULE_COLUMNS.item, RULE_COLUMNS.max, RULE_COLUMNS.kind, RULE_COLUMNS.veto, RULE_COLUMNS.note, RULE_COLUMNS.formula];
    const tail = [[null, null, "一票否决", "未声明 > 0", "理由"], [BLOCKS.indicators], ["指标名称", "类型"], ["甲", "次数"]];
    const empty = compileRubricSheet(sheetGrid({ name: "评分细则", rows: [...head, cols, ["空项目", 5], ...tail] }));
    expect(!empty.ok && empty.issues.map((i) => [i.code, i.cell])).toEqual([["rubric.schema", "A6"]]);
    const veto = compileRubricSheet(sheetGrid({ name: "评分细则", rows: [...head, cols, ["项目", 5, "公式", null, "理由", "1"], ...tail] }));
    expect(!veto.ok && veto.issues.map((i) => [i.code, i.cell])).toEqual([["rubric.unknownIndicator", "D7"]]);
  });
});
