/**
 * The regulations' own words for a comparison, shown next to every threshold Kaohe applies so an
 * official can check the reading: 以上/以下 include the figure, 超过/低于 exclude it (民法典 第1259条).
 * Both locales show the Chinese wording; it is the text the rubric was transcribed from.
 */
const s = (v: unknown): string => String(v ?? "");

/** "80分以下（含80分）" or "低于80分（不含80分）". */
export function belowWording(value: unknown, inclusive: unknown, unit = "分"): string {
  const v = `${s(value)}${unit}`;
  return Number(inclusive) ? `${v}以下（含${v}）` : `低于${v}（不含${v}）`;
}

/** "95%以上（含95%）" or "超过95%（不含95%）". */
export function aboveWording(value: unknown, inclusive: unknown, unit = ""): string {
  const v = `${s(value)}${unit}`;
  return Number(inclusive) ? `${v}以上（含${v}）` : `超过${v}（不含${v}）`;
}
