import { sayIssue, type Issue } from "../core/issue";
import type { Reason } from "../core/score/types";
import type { Texts } from "../core/plan/texts";
import type { Catalog, Locale } from "./catalog";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

export type { Catalog, CliMessage, Locale, LabelKey, UiKey } from "./catalog";

const CATALOGS: Record<Locale, Catalog> = { "zh-CN": zhCN, "en-US": enUS };

/** zh-CN unless the language tag is English (Office's display language, LANG, --lang). */
export function pickLocale(tag: string | undefined | null): Locale {
  return tag && /^en\b/i.test(tag.replace("_", "-")) ? "en-US" : "zh-CN";
}

export function catalog(locale: Locale): Catalog {
  return CATALOGS[locale];
}

export function formatIssue(issue: Issue, c: Catalog): string {
  return sayIssue(issue, c.issues);
}

/** The message with where it happened: "工作表“Sheet1”单元格 C7（阳光社区）：…" */
export function formatIssueWithPlace(issue: Issue, c: Catalog): string {
  const place = c.at(issue.sheet, issue.cell);
  const unit = issue.unit ? c.paren(issue.unit) : "";
  return place || unit ? `${place}${unit}${c.colon}${formatIssue(issue, c)}` : formatIssue(issue, c);
}

export function formatReason(reason: Reason, c: Catalog): string {
  return c.reasons[reason.code](reason.params);
}

/** The core write plan's words in this locale. */
export function texts(c: Catalog): Texts {
  return {
    label: (k) => c.labels[k],
    reason: (r) => formatReason(r, c),
    issue: (i) => formatIssue(i, c),
    sep: c.sep,
    colon: c.colon,
    paren: c.paren,
    list: c.list,
  };
}

/** A UI string with {placeholders} filled in. */
export function ui(c: Catalog, key: import("./catalog").UiKey, params: Record<string, string | number> = {}): string {
  return c.ui[key].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ""));
}
