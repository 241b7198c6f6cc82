/** 差距分析 in words, zh-CN first: a goal's heading, one line per change, and the report's notes. */
import type { Goal, Standing, WhatIf, WhatIfChange } from "../core/what-if/what-if";
import type { Reason } from "../core/score/types";
import type { ValueKind } from "../core/values";
import type { Catalog, Locale } from "./catalog";
import { formatReason } from "./index";

export interface WhatIfWords {
  title: string;
  /** The goal as a heading: 达到“优秀”（90分及以上）. */
  goal(g: Goal): string;
  /** One change and where it leaves the unit: 计划生育率 86% → 88%（B2）：总分 90，第2名，优秀. */
  change(ch: WhatIfChange): string;
  /** No single indicator reaches the goal. */
  none: string;
  /** Nothing to aim for: first place (or every target met), no grade or 表彰 left to reach. */
  nothing: string;
  incomplete: string;
  /** The budget ran out: how many re-assessments, which indicators were not searched. */
  untried(w: WhatIf): string;
  /** The reach of the analysis: one indicator at a time. */
  scope: string;
  /** The button that runs the analysis in the pane, and its busy text. */
  run: string;
  running: string;
}

const num = (n: number) => String(n);

function valueZh(kind: ValueKind, v: number): string {
  if (kind === "boolean") return v === 1 ? "是" : "否";
  return `${num(v)}${kind === "percent" ? "%" : kind === "permille" ? "‰" : ""}`;
}

function valueEn(kind: ValueKind, v: number): string {
  if (kind === "boolean") return v === 1 ? "yes" : "no";
  return `${num(v)}${kind === "percent" ? "%" : kind === "permille" ? "‰" : ""}`;
}

function standingZh(s: Standing, c: Catalog): string {
  if (s.status === "incomplete") return c.labels.incomplete;
  const parts: string[] = [];
  if (s.total !== null) parts.push(`总分 ${num(s.total)}`);
  if (s.rank !== null) parts.push(`第${s.rank}名`);
  if (s.status === "vetoed") parts.push(c.labels.vetoed);
  if (s.grade) parts.push(s.grade);
  for (const o of s.outcomes) parts.push(c.labels[o]);
  return parts.join("，");
}

function standingEn(s: Standing, c: Catalog): string {
  if (s.status === "incomplete") return c.labels.incomplete;
  const parts: string[] = [];
  if (s.total !== null) parts.push(`total ${num(s.total)}`);
  if (s.rank !== null) parts.push(`rank ${s.rank}`);
  if (s.status === "vetoed") parts.push(c.labels.vetoed);
  if (s.grade) parts.push(s.grade);
  for (const o of s.outcomes) parts.push(c.labels[o]);
  return parts.join(", ");
}

const zh = (c: Catalog, reason: (r: Reason) => string): WhatIfWords => ({
  title: "差距分析",
  goal: (g) => {
    switch (g.kind) {
      case "liftVeto": return `解除${reason(g.veto)}`;
      case "grade": return `达到“${g.label}”（${num(g.min)}分及以上）`;
      case "commended": return `进入表彰名次（前${g.top}名）`;
      case "notLaggard": return "摆脱后进单位";
      case "attained": return "全部达标";
      case "rankUp": return `排名上升（现第${g.rank}名）`;
    }
  },
  change: (ch) =>
    `${ch.indicator} ${valueZh(ch.kind, ch.from)} → ${valueZh(ch.kind, ch.to)}（${ch.cell}）：${standingZh(ch.after, c)}` +
    (ch.exact ? "" : "（计算量已达上限，未必是最小的改变）"),
  none: "单独改变任何一项指标都做不到",
  nothing: "没有还可追求的目标：该单位已是第一名（或已全部达标），也没有更高的等次或表彰名次可争取",
  incomplete: "该单位数据不全，请先补全或改正有问题的单元格，再做差距分析",
  untried: (w) => `已重新评分 ${w.assessments} 次（上限），未分析或未分析完的指标：${c.list(w.untried)}`,
  scope: "每次只改变一项指标，其余数据不变，整张表重新评分（包括一票否决、排名和与其他单位比较的规则）；几项指标同时改变的组合不在分析范围内。",
  run: "差距分析",
  running: "正在分析差距…",
});

const en = (c: Catalog, reason: (r: Reason) => string): WhatIfWords => ({
  title: "Gap analysis",
  goal: (g) => {
    switch (g.kind) {
      case "liftVeto": return `Lift the veto (${reason(g.veto)})`;
      case "grade": return `Reach “${g.label}” (${num(g.min)} points or more)`;
      case "commended": return `Enter the commended places (top ${g.top})`;
      case "notLaggard": return "Leave the laggards";
      case "attained": return "Meet every target";
      case "rankUp": return `Move up from rank ${g.rank}`;
    }
  },
  change: (ch) =>
    `${ch.indicator} ${valueEn(ch.kind, ch.from)} → ${valueEn(ch.kind, ch.to)} (${ch.cell}): ${standingEn(ch.after, c)}` +
    (ch.exact ? "" : " (the search hit its limit: maybe not the least change)"),
  none: "No single indicator can do it",
  nothing: "Nothing left to aim for: the unit is first (or meets every target) and has no higher grade or commended place to reach",
  incomplete: "This unit's data is incomplete: complete or correct the cells with problems first",
  untried: (w) => `Stopped after ${w.assessments} re-assessments (the limit); not searched, or not to the end: ${c.list(w.untried)}`,
  scope: "One indicator at a time, everything else unchanged, the whole sheet re-assessed (vetoes, ranking and rules comparing units included); changes to several indicators together are not analysed.",
  run: "Gap analysis",
  running: "Analysing…",
});

const WORDS: Record<Locale, (c: Catalog, reason: (r: Reason) => string) => WhatIfWords> = { "zh-CN": zh, "en-US": en };

/** `reason` words a veto's reason (the pane passes one that isolates the rubric's text). */
export function whatIfWords(c: Catalog, reason: (r: Reason) => string = (r) => formatReason(r, c)): WhatIfWords {
  return WORDS[c.locale](c, reason);
}

/** The report as lines of text (the CLI; the pane builds the same from the parts). */
export function whatIfLines(w: WhatIf, c: Catalog): string[] {
  const t = whatIfWords(c);
  const lines = [t.title];
  if (w.before.status === "incomplete") return [...lines, t.incomplete];
  if (w.goals.length === 0) return [...lines, t.nothing];
  for (const a of w.goals) {
    if (a.changes.length === 0) lines.push(`${t.goal(a.goal)}${c.colon}${t.none}`);
    else lines.push(`${t.goal(a.goal)}${c.colon.trimEnd()}`, ...a.changes.map((ch) => `  · ${t.change(ch)}`));
  }
  if (w.untried.length) lines.push(t.untried(w));
  lines.push(t.scope);
  return lines;
}
