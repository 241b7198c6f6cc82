/**
 * 分类考核: items that apply to some categories only, and 难度系数 per category. A unit's category
 * comes from the rubric's ranking.categoryColumn. An item that does not apply to a unit is neither
 * scored nor counted in its 分值, and a column only such items read may be blank on the unit's row.
 */
import { a1 } from "../grid";
import { issue, type Issue } from "../issue";
import type { Item, Rubric } from "../rubric/model";
import { readsOutsideItems, ruleReads } from "../rubric/reads";
import { normalizeName } from "../text";
import type { ItemResult } from "./types";


/** The result of an item the unit is not assessed on: no score, no 分值, not met or missed. */
export function notApplicable(item: Item): ItemResult {
  return { name: item.name, section: item.section, bonus: item.bonus, max: null, score: null, met: null, deductions: [], findings: [], floored: false, notApplicable: true };
}

/**
 * Indicators read only by category-limited items → the categories that need them. Any other use (an
 * item for every unit, a veto, a derivation or what it makes, a composite, the progress column, a
 * tie-break) makes the indicator needed by every unit, and it is left out of this map.
 */
export function categoryOnlyIndicators(rubric: Rubric): Map<string, Set<string>> {
  const general = readsOutsideItems(rubric);
  for (const ind of rubric.indicators) if (ind.derive) general.add(ind.key);
  const limited = new Map<string, Set<string>>();
  for (const item of rubric.items) {
    for (const rule of item.rules) {
      for (const k of ruleReads(rubric, rule)) {
        if (!item.categories) {
          general.add(k);
          continue;
        }
        const set = limited.get(k) ?? new Set<string>();
        for (const c of item.categories) set.add(c);
        limited.set(k, set);
      }
    }
  }
  for (const k of general) limited.delete(k);
  return limited;
}

/**
 * The unit's category checked against the rubric's: blank is an error when the rubric scores by
 * category; one the rubric does not name is an error with 难度系数 (no coefficient to apply) and a
 * warning otherwise (only the items for every unit are scored).
 */
export function categoryProblems(rubric: Rubric, category: string | undefined, where: { sheet: string; row: number; col: number | undefined; unitCol: number; unit: string }): Issue[] {
  const known = rubric.categories;
  if (!known?.length) return [];
  const cell = a1(where.row, where.col ?? where.unitCol);
  const place = { sheet: where.sheet, cell, unit: where.unit };
  const column = rubric.categoryColumn ?? "";
  if (category === undefined) return [issue("category.missing", { column }, place)];
  const key = normalizeName(category);
  if (known.some((k) => normalizeName(k) === key)) return [];
  const severity = rubric.coefficients ? "error" : "warning";
  const has = rubric.coefficients ? "coefficient" : "items";
  return [issue("category.unknown", { column, value: category, choices: known.join("、"), has }, { ...place, severity })];
}
