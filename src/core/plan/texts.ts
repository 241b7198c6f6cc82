/** The words the write plan needs. Core defines the port; src/i18n implements it per locale. */
import type { Issue } from "../issue";
import type { Reason } from "../score/types";

export type LabelKey =
  | "total" | "rank" | "result" | "attainedCount" | "unit" | "row" | "status" | "item" | "points" | "cell"
  | "max" | "score" | "section" | "scored" | "vetoed" | "incomplete" | "commended" | "laggard" | "progress"
  | "attained" | "notAttained" | "resultsSheet" | "resultsTitle" | "deductionsTitle" | "problemsTitle"
  | "severity" | "error" | "warning" | "message" | "yes" | "no" | "none"
    | "improvement" | "rubric" | "summary" | "fullMarks" | "notApplicable"
    // the rubric's identity and the time of the run, in the results sheet's header
    | "version" | "rubricHash" | "scoredAt";

export interface Texts {
  label(key: LabelKey): string;
  reason(reason: Reason): string;
  issue(issue: Issue): string;
  /** Separator between listed phrases: "；" or "; ". */
  readonly sep: string;
  /** An aside in brackets: "（B4）" or " (B4)". */
  paren(text: string): string;
  /** After a label: "：" or ": ". */
  readonly colon: string;
  /** Names in a list: "甲、乙" or "甲, 乙". */
  list(items: ReadonlyArray<string>): string;
}
