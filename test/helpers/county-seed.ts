/**
 * examples/county-2026.xlsx (its rubric on a 评分细则 sheet) as a workbook for the Office.js simulator,
 * read with Kaohe's own .xlsx reader (values, number formats, merged areas), and what the `kaohe`
 * CLI makes of the same file: the figures the pane must reproduce.
 */
import { kaohe } from "./cli";
import { readFileSync } from "fs";
import * as path from "path";
import { XlsxBook } from "../../src/adapters/xlsx/xlsx-book";
import { rangeA1 } from "../../src/core/grid";
import type { SeedCell, SimSeed } from "../sim/office";

const ROOT = path.resolve(__dirname, "../..");
export const COUNTY_BOOK = path.join(ROOT, "examples/county-2026.xlsx");

export async function countySeed(active?: string): Promise<SimSeed> {
  const book = XlsxBook.fromBytes(readFileSync(COUNTY_BOOK));
  const sheets = await Promise.all((await book.sheets()).map(async ({ name }) => {
    const grid = await book.readSheet(name);
    if (!grid) throw new Error(`no sheet ${name}`);
    // Array.from, not map: an empty row is a hole in the grid and must stay a row.
    const rows = Array.from(grid.rows, (row): SeedCell[] => Array.from(row ?? [], (c): SeedCell => {
      if (!c) return null;
      const v = typeof c.value === "object" && c.value !== null ? c.value.error : c.value;
      if (v === null) return null;
      return c.numFmt ? { v, nf: c.numFmt } : v;
    }));
    return { name, rows, merges: grid.merges.map(rangeA1) };
  }));
  return { sheets, ...(active !== undefined && { active }) };
}

export interface CliUnit {
  unit: string;
  status: string;
  total: number | null;
  rank: number | null;
}

/** `kaohe score examples/county-2026.xlsx --rubric-sheet 评分细则 --format json`: every unit's standing. */
export function countyByCli(): CliUnit[] {
  const r = kaohe(["score", COUNTY_BOOK, "--rubric-sheet", "评分细则", "--format", "json"]);
  if (r.code !== 0) throw new Error(`kaohe failed: ${r.err}`);
  const units = (JSON.parse(r.out) as { units: CliUnit[] }).units;
  return units.map(({ unit, status, total, rank }) => ({ unit, status, total, rank }));
}
