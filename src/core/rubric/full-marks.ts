/**
 * 满分 against the items' 分值. With 分类考核 each category has its own items, so each category's sum
 * (the items for every unit plus its own) is compared; the first that differs is reported.
 */
import { sum2 } from "../decimal";
import { appliesTo, type Item } from "./model";

export function fullMarks(items: ReadonlyArray<Item>, maxTotal: number): { total: number; category?: string } {
  const scored = items.filter((i) => !i.bonus);
  const categories = [...new Set(scored.flatMap((i) => i.categories ?? []))];
  if (!categories.length) return { total: sum2(scored.map((i) => i.max ?? 0)) };
  const totals = categories.map((category) => ({
    category,
    total: sum2(scored.filter((i) => appliesTo(i, category)).map((i) => i.max ?? 0)),
  }));
  return totals.find((t) => t.total !== maxTotal) ?? { total: maxTotal };
}
