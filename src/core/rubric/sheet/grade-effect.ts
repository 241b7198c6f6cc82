/** 否决后等次 in a cell: a grade's name (不合格), or 降一等次 (降1等次, 降两等) for one or more bands down. */
import type { GradeEffectDoc } from "../schema";

const NUMERALS = "一二三四五六七八九";

export function effectText(e: GradeEffectDoc): string {
  return "label" in e ? e.label : `降${NUMERALS[e.down - 1] ?? String(e.down)}等次`;
}

export function parseEffect(text: string): GradeEffectDoc {
  const m = /^降(?:低)?([一二两三四五六七八九]|\d+)个?等次?$/.exec(text.normalize("NFKC").replace(/\s+/g, ""));
  if (!m) return { label: text };
  const n = m[1] as string;
  return { down: n === "两" ? 2 : /\d/.test(n) ? Number(n) : NUMERALS.indexOf(n) + 1 };
}
