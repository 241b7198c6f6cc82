/** An empty 评分细则 sheet to fill in: every block with its title and column names, and blank rows with drop-downs. */
import { columnLetter } from "../../grid";
import type { RubricDoc } from "../schema";
import {
  BLOCKS, DIRECTIONS, FLOORS, INDICATOR_COLUMNS, KINDS, ROUNDINGS, RULE_COLUMNS, SHEET_NAME, TYPES, YES_NO, choiceLabels,
} from "./layout";
import { rubricToSheet, type RubricSheet } from "./to-sheet";

/** Blank rows offered under 【考核项目】 and 【指标】, each with the block's drop-downs. */
const BLANK_RULES = 30;
const BLANK_INDICATORS = 20;

const ruleCol = (k: keyof typeof RULE_COLUMNS) => Object.keys(RULE_COLUMNS).indexOf(k);
const indicatorCol = (k: keyof typeof INDICATOR_COLUMNS) => Object.keys(INDICATOR_COLUMNS).indexOf(k);

/** Insert `count` empty rows below the column names of block `title`, with a drop-down per listed column. */
function withBlankRows(sheet: RubricSheet, title: string, count: number, lists: ReadonlyArray<[number, ReadonlyArray<string>]>): RubricSheet {
  const at = sheet.rows.findIndex((r) => r.length === 1 && r[0] === title) + 2;
  if (at < 2) return sheet;
  const shift = (r: number) => (r >= at ? r + count : r);
  const rows = [...sheet.rows.slice(0, at), ...Array.from({ length: count }, () => []), ...sheet.rows.slice(at)];
  const moved = sheet.validations.map((v) => ({ ...v, ref: v.ref.replace(/\d+/g, (n) => String(shift(Number(n) - 1) + 1)) }));
  const added = lists.map(([col, list]) => ({ ref: `${columnLetter(col)}${at + 1}:${columnLetter(col)}${at + count}`, list }));
  return { ...sheet, rows, validations: [...moved, ...added], headings: sheet.headings.map(shift) };
}

/**
 * The header block names the rubric with placeholders (名称, 编号, 版本) the official replaces; the
 * tables are empty, so until they are filled in the sheet reads back with the checker's "no items"
 * and "no indicators" errors on their cells.
 */
export function rubricTemplateSheet(name = SHEET_NAME): RubricSheet {
  const doc: RubricDoc = {
    id: "new-rubric", name: "新考核细则", version: "1", mode: "points",
    indicators: [], vetoes: [], ranking: {}, outcomes: {}, composites: [],
  };
  const rules = withBlankRows(rubricToSheet(doc, name), BLOCKS.rules, BLANK_RULES, [
    [ruleCol("kind"), choiceLabels(KINDS)],
    [ruleCol("direction"), choiceLabels(DIRECTIONS)],
    [ruleCol("inclusive"), choiceLabels(YES_NO)],
    [ruleCol("rounding"), choiceLabels(ROUNDINGS)],
    [ruleCol("floor"), choiceLabels(FLOORS)],
  ]);
  return withBlankRows(rules, BLOCKS.indicators, BLANK_INDICATORS, [
    [indicatorCol("type"), choiceLabels(TYPES)],
    [indicatorCol("required"), choiceLabels(YES_NO)],
  ]);
}
