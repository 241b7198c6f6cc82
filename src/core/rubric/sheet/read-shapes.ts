/** The rule shapes of issue 9 read from their 【考核项目】 row: 分档计分, 与最优单位比 … 折算. */
import type { RuleDoc } from "../schema";
import { parseBands } from "./bands-text";
import { foldLabel } from "./cells";
import { ALIAS_SEPARATOR, RULE_COLUMNS, ROUNDINGS, RUN_BEST, RUN_WORST, type Kind } from "./layout";
import type { RuleRow } from "./read-rules";

type ShapeKind = Extract<Kind, "bands" | "relativeBest" | "relativeAverage" | "rank" | "efficacy" | "raters" | "converted">;
const L = RULE_COLUMNS;

/** A number the rule cannot do without: a blank cell is a problem on it. */
function needNumber(r: RuleRow, k: keyof typeof RULE_COLUMNS, path: Array<string | number>, mode: "rate" | "plain" = "plain"): number {
  const v = r.number(k, path, mode);
  if (v === undefined && !r.has(k)) r.cells.problem("rubricSheet.required", r.row, r.col(k) ?? 0, { label: L[k] });
  return v ?? 0;
}

/** 满意值 / 不允许值: a number, or 最优 / 最差 (the run's best or worst unit). */
function bound<W extends "best" | "worst">(r: RuleRow, k: "satisfactory" | "unacceptable", word: string, value: W): number | W {
  const t = r.has(k) ? r.cells.text(r.row, r.col(k) as number) : undefined;
  if (t !== undefined && (foldLabel(t) === foldLabel(word) || foldLabel(t) === value)) {
    r.mark([k], k);
    return value;
  }
  return needNumber(r, k, [k], "rate");
}

export function readShapeRule(r: RuleRow, kind: ShapeKind, lab: { label?: string }): RuleDoc {
  const max = r.number("ruleMax", ["points"]);
  const full = max === undefined ? {} : { points: max };
  const direction = () => r.direction(["atLeast", "atMost"] as const) ?? "atLeast";
  switch (kind) {
    case "bands": {
      const text = r.need("bands", ["bands"]);
      const bands = text === "" ? [] : parseBands(text);
      if (bands === undefined) r.cells.problem("rubricSheet.badBands", r.row, r.col("bands") ?? 0, { value: text });
      return { type: "bands", indicator: r.need("indicator", ["indicator"]), bands: bands ?? [], ...full, ...lab };
    }
    case "relativeBest":
      return { type: "relativeBest", indicator: r.need("indicator", ["indicator"]), direction: direction(), ...full, ...lab };
    case "relativeAverage": {
      const rounding = r.col("rounding") === undefined ? undefined : r.cells.choice(r.row, r.col("rounding") as number, L.rounding, ROUNDINGS);
      return {
        type: "relativeAverage", indicator: r.need("indicator", ["indicator"]), direction: direction(),
        points: needNumber(r, "points", ["points"]), step: r.number("step", ["step"]) ?? 1, rounding: rounding ?? "none", ...lab,
      };
    }
    case "rank":
      return {
        type: "rank", indicator: r.need("indicator", ["indicator"]), direction: direction(), ...full,
        step: needNumber(r, "decrement", ["step"]), floor: r.number("rankFloor", ["floor"]) ?? 0, ...lab,
      };
    case "efficacy":
      return {
        type: "efficacy", indicator: r.need("indicator", ["indicator"]), direction: direction(),
        satisfactory: bound(r, "satisfactory", RUN_BEST, "best"), unacceptable: bound(r, "unacceptable", RUN_WORST, "worst"),
        base: needNumber(r, "base", ["base"]), ...full, ...lab,
      };
    case "raters": {
      const names = r.need("indicator", ["indicators"]).split(ALIAS_SEPARATOR).map((n) => n.trim()).filter((n) => n !== "");
      return {
        type: "raters", indicators: names, drop: r.number("drop", ["drop"]) ?? 1, outOf: needNumber(r, "outOf", ["outOf"]), ...full, ...lab,
      };
    }
    case "converted":
      return { type: "converted", indicator: r.need("indicator", ["indicator"]), outOf: needNumber(r, "outOf", ["outOf"]), ...full, ...lab };
  }
}
