/**
 * A 评分细则 sheet back into a rubric document. Cell-level problems (a target that is not a number,
 * a 计分方式 not in the list) are Issues on their cells; the document is then checked by the same
 * compileRubric as any JSON or YAML rubric, and its errors are put on the cells too.
 */
import type { Grid } from "../../grid";
import { fail, issue, ok, type Issue, type Result } from "../../issue";
import { compileRubric, type Compiled } from "../compile";
import type { ItemDoc, RubricDoc } from "../schema";
import { splitBlocks, type Block } from "./blocks";
import { SheetCells } from "./cells";
import { BLOCKS, COMPOSITE_COLUMNS, GRADE_COLUMNS, INDICATOR_COLUMNS, PART_COLUMNS, RULE_COLUMNS, type BlockKey } from "./layout";
import { readGrades } from "./read-grades";
import { readInfo } from "./read-info";
import { readRules } from "./read-rules";
import { readComposites, readIndicators, readParts, readUnitTargets } from "./read-tables";

export interface SheetRubric {
  doc: RubricDoc;
  /** Rubric path ("sections.0.items.1.max") → the A1 cell it came from. */
  sources: ReadonlyMap<string, string>;
}

type Sources = Array<[Array<string | number>, number, number]>;

function byKey(cells: SheetCells, blocks: Block[]): Map<BlockKey, Block> {
  const out = new Map<BlockKey, Block>();
  for (const b of blocks) {
    // Rows above the first title are the header block; when there are none, 【基本信息】 may come later.
    if (b.key === "info" && b.title === -1 && !b.rows.length) continue;
    if (out.has(b.key)) cells.problem("rubricSheet.duplicateLabel", b.title, 0, { value: BLOCKS[b.key] });
    else out.set(b.key, b);
  }
  if (!out.has("info")) out.set("info", { key: "info", title: -1, rows: [] });
  return out;
}

/** A table block: its first row is the header, the rest are data. */
function table<K extends string>(cells: SheetCells, b: Block | undefined, columns: Record<K, string>, required: K[]) {
  if (!b || !b.rows.length) return undefined;
  const [head, ...rows] = b.rows;
  const cols = cells.header(head as number, columns, BLOCKS[b.key], required);
  return cols && { cols, rows };
}

export function sheetToRubric(grid: Grid): Result<SheetRubric> {
  const cells = new SheetCells(grid);
  const blocks = byKey(cells, splitBlocks(cells));
  const sources: Sources = [];
  // Without a 【考核项目】 table this is not a 评分细则 sheet at all: say that, not every cell's complaint.
  if (!blocks.has("rules")) return fail(...cells.issues, issue("rubricSheet.noRules", { block: BLOCKS.rules }, { sheet: grid.sheet, cell: "A1" }));
  const infoBlock = blocks.get("info") as Block;
  const info = readInfo(cells, infoBlock.rows, infoBlock.title);

  const rulesBlock = blocks.get("rules");
  const rt = table(cells, rulesBlock, RULE_COLUMNS, ["item", "kind"]);
  const rules = rt ? readRules(cells, rt.cols, rt.rows) : { items: [], vetoes: [] };

  const it = table(cells, blocks.get("indicators"), INDICATOR_COLUMNS, ["name", "type"]);
  const indicators = it ? readIndicators(cells, it.cols, it.rows, sources) : [];
  const pt = table(cells, blocks.get("parts"), PART_COLUMNS, ["item", "name", "max"]);
  const parts = pt ? readParts(cells, pt.cols, pt.rows) : [];
  const ct = table(cells, blocks.get("composites"), COMPOSITE_COLUMNS, ["name", "part", "weight"]);
  const composites = ct ? readComposites(cells, ct.cols, ct.rows, sources) : [];
  // 【等次】 (grades with 名额) replaces the 等次 rows of 【基本信息】; both at once is ambiguous.
  const gb = blocks.get("grades");
  const gt = table(cells, gb, GRADE_COLUMNS, ["label", "min"]);
  const grades = gt ? readGrades(cells, gt.cols, gt.rows, sources) : [];
  if (grades.length && info.outcomes.grades?.length && gb) cells.problem("rubricSheet.duplicateLabel", gb.title, 0, { value: BLOCKS.grades });
  else if (grades.length) info.outcomes.grades = grades;
  const ub = blocks.get("unitTargets");
  const unitTargets = ub ? readUnitTargets(cells, ub.rows[0], ub.rows.slice(1), sources) : undefined;

  // Items: those above the first 类别 at the top level, the rest in their sections in order.
  const items: ItemDoc[] = [];
  const sections: { name: string; items: ItemDoc[] }[] = [];
  for (const ri of rules.items) {
    let path: Array<string | number>;
    if (ri.section === undefined) {
      path = ["items", items.length];
      items.push(ri.item);
    } else {
      let s = sections[sections.length - 1];
      if (!s || s.name !== ri.section) {
        s = { name: ri.section, items: [] };
        sections.push(s);
      }
      path = ["sections", sections.length - 1, "items", s.items.length];
      s.items.push(ri.item);
    }
    for (const [p, r, c] of ri.sources) sources.push([[...path, ...p], r, c]);
    for (const part of parts.filter((x) => x.item === ri.item.name)) {
      const k = (ri.item.parts ??= []).length;
      ri.item.parts.push(part.part);
      sources.push([[...path, "parts", k], part.row, part.col]);
    }
  }
  for (const part of parts) {
    if (!rules.items.some((ri) => ri.item.name === part.item)) cells.problem("rubricSheet.unknownItem", part.row, part.col, { name: part.item });
  }
  rules.vetoes.forEach((v, i) => {
    for (const [p, r, c] of v.sources) sources.push([["vetoes", i, ...p], r, c]);
  });
  // Errors about the lists as a whole (no items at all) point at the block's title.
  if (rulesBlock) sources.push([["sections"], rulesBlock.title, 0], [["items"], rulesBlock.title, 0]);
  const indicatorsTitle = blocks.get("indicators")?.title ?? rulesBlock?.title;
  if (indicatorsTitle !== undefined) sources.push([["indicators"], indicatorsTitle, 0]);

  if (cells.issues.length) return fail(...cells.issues);
  const doc: RubricDoc = {
    ...info,
    indicators,
    ...(items.length > 0 && { items }),
    ...(sections.length > 0 && { sections }),
    vetoes: rules.vetoes.map((v) => v.veto),
    composites,
    ...(unitTargets !== undefined && Object.keys(unitTargets).length > 0 && { unitTargets }),
  };
  for (const [p, r, c] of sources) cells.source(p, r, c);
  return ok({ doc, sources: cells.sources });
}

/** The cell of the longest path prefix the sheet knows (a schema error at rules.0.points → that rule's 扣/加分). */
function cellOf(sources: ReadonlyMap<string, string>, path: ReadonlyArray<string | number> | undefined): string | undefined {
  if (!path) return undefined;
  for (let n = path.length; n > 0; n--) {
    const cell = sources.get(path.slice(0, n).join("."));
    if (cell) return cell;
  }
  return undefined;
}

function placed(i: Issue, sheet: string, sources: ReadonlyMap<string, string>): Issue {
  const cell = cellOf(sources, i.path);
  return cell ? { ...i, sheet, cell } : { ...i, sheet };
}

/** Read and check a 评分细则 sheet: the rubric, or every problem on its cell. */
export function compileRubricSheet(grid: Grid): Result<Compiled> {
  const read = sheetToRubric(grid);
  if (!read.ok) return read;
  const compiled = compileRubric(read.value.doc);
  if (!compiled.ok) return fail(...compiled.issues.map((i) => placed(i, grid.sheet, read.value.sources)));
  return ok({ ...compiled.value, warnings: compiled.value.warnings.map((w) => placed(w, grid.sheet, read.value.sources)) });
}
