/** A locale's text. Every issue code and reason code must have a sentence (checked by the compiler). */
import type { IssueSentences } from "../core/issue";
import type { Reason, ReasonCode } from "../core/score/types";
import type { LabelKey } from "../core/plan/texts";

export type { LabelKey };

export type Locale = "zh-CN" | "en-US";
type P = Record<string, string | number>;
type R = Reason["params"];

export type CliMessage =
  | "fileNotFound" | "fileUnreadable" | "notXlsx" | "sheetNotFound" | "outputExists" | "sameAsInput" | "writeFailed"
  | "rubricFileNotFound" | "usage" | "scored" | "written" | "rubricValid" | "rubricInvalid" | "internal"
  // files and options refused before any work (hostile or careless input)
  | "isDirectory" | "notRegularFile" | "fileTooLarge" | "outputBadName" | "outputDirMissing" | "outputDirNotWritable"
  | "outputOwnerNotKept" | "conflictingOptions" | "rubricIsDirectory"
  // workbook packages: what a file is, its limits, damage; what a copy cannot carry over
  | "encrypted" | "otherFormat" | "limit" | "truncated" | "missingPart" | "duplicatePart" | "badPart"
  | "entity" | "macroExtension" | "cannotWrite" | "changes" | "inPlaceRefused" | "keptEdits"
  // kaohe explain --unit
  | "unitNotFound";

export type UiKey =
  | "title" | "language" | "sheet" | "headerRow" | "unitColumn" | "reload" | "rubric" | "importRubric" | "fromWorkbook"
  | "mapping" | "matched" | "missing" | "optional" | "derived" | "auto" | "mapTo" | "score" | "clear" | "scoring"
  | "clearing" | "summary" | "scored" | "vetoed" | "incomplete" | "top" | "bottom" | "commended" | "laggards" | "none"
  | "changes" | "changesSince" | "noChanges" | "problems" | "noProblems" | "unit" | "selectUnit" | "pointsLost"
  | "needsExcel" | "needsExcelDetail" | "needsNewerExcel" | "cleared" | "done" | "rankN" | "unranked" | "removed" | "added"
  | "rubricImported" | "fullMarks" | "loading" | "moreProblems"
  | "confirmOverwriteTitle" | "confirmOverwriteBody" | "replace" | "cancel" | "confirmClearTitle" | "confirmClearBody"
  | "confirmClearKeeps" | "clearConfirm" | "clearedReport" | "clearedKept" | "nothingToClear" | "keptResults" | "scoredKept"
  // The 320 px pane: mapping summary, preview checks, summary additions, the confirmation panel.
  | "otherIndicators" | "severalColumns" | "mappedByHand" | "beforeScoring" | "resultsOutdated" | "vetoedUnits"
  | "progressUnits" | "changedCellsTitle" | "changedCellsHint" | "replaceChanged" | "keepChanged" | "selectCell"
  | "needsWps"
  // The offline page (dist/web/): a workbook picked or dropped, scored in the browser, a copy downloaded.
  | "webTitle" | "webIntro" | "pickWorkbook" | "dropHere" | "workbook" | "rubricFromSheet" | "rubricFromFile"
  | "download" | "downloadHint" | "opening" | "original"
  // 评分细则 sheets in the pane: adding one, and listing those in the workbook among the rubrics.
  | "newRubricSheet" | "newSheetFrom" | "blankTemplate" | "rubricSheetAdded" | "onSheet" | "sheetProblems";

export interface Catalog {
  ui: Record<UiKey, string>;
  cli: Record<CliMessage, (p: P) => string>;
  locale: Locale;
  issues: IssueSentences;
  reasons: Record<ReasonCode, (p: R) => string>;
  labels: Record<LabelKey, string>;
  /** An aside: "（B4）" / " (B4)". */
  paren: (text: string) => string;
  /** Between a label and what follows: "：" / ": ". */
  colon: string;
  /** Between phrases of a result: "；" / "; ". */
  sep: string;
  /** A list of names: "甲、乙" / "甲, 乙". */
  list: (items: ReadonlyArray<string>) => string;
  /** "C7" in a sentence: "单元格 C7" / "cell C7". */
  at: (sheet: string | undefined, cell: string | undefined) => string;
}
