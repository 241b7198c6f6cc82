import type { Catalog } from "./catalog";
import type { RuleShapeProblem } from "../core/issue";
import { aboveWording, belowWording } from "./wording";

const s = (v: unknown): string => String(v ?? "");
const list = (v: unknown): string => (Array.isArray(v) ? v.join(", ") : s(v));
const near = (c: unknown): string => (c ? `; the closest column is "${s(c)}"` : "");
const reasonOf = (r: unknown, detail = ""): string =>
  r === "divideByZero" ? "division by zero" : r === "overflow" ? `numeric overflow (beyond the representable range)${detail ? `: ${s(detail)}` : ""}` :
  r === "precision" ? `ROUND's digits must be a whole number from -15 to 15${detail ? `: ${s(detail)}` : ""}` : s(detail || r);
const valueText = (p: Record<string, unknown>) => `${s(p.value)}${s(p.unit)}`;
const unitWord = (u: unknown) => (u === "‰" ? "per-mille point" : u === "%" ? "percentage point" : "unit");

/** "3.2 percentage points" for a rate, the bare figure otherwise. */
const gapEn = (gap: unknown, unit: unknown): string => (unit === "%" || unit === "‰" ? `${s(gap)} ${unitWord(unit)}s` : s(gap));
const fullEn = (p: Record<string, unknown>): string => ` (full marks ${s(p.full)})`;
const SHAPE_EN: Record<RuleShapeProblem, (p: Record<string, unknown>) => string> = {
  bandPoints: (p) => `the band from ${s(p.min)} needs either points or a share of the full marks, not both`,
  bandDuplicate: (p) => `the band lower bound ${s(p.min)} appears twice`,
  baseAboveFull: (p) => `the efficacy-coefficient base ${s(p.base)} exceeds the full marks ${s(p.full)}`,
  sameBounds: (p) => `the efficacy coefficient's satisfactory and unacceptable values are the same (${s(p.value)})`,
  tooFewRaters: (p) => `only ${s(p.count)} rater columns: dropping ${s(p.drop)} highest and ${s(p.drop)} lowest leaves none`,
};

const FORMAT_EN: Record<string, string> = {
  xls: "is an old .xls (or WPS .et) workbook: save it as .xlsx in Excel or WPS, or convert it with libreoffice --headless --convert-to xlsx",
  ods: "is an OpenDocument spreadsheet (.ods): save it as .xlsx in LibreOffice or Excel, or convert it with libreoffice --headless --convert-to xlsx",
  docx: "is a Word document (.docx), not a workbook: copy the table into Excel and save as .xlsx",
  pptx: "is a PowerPoint presentation (.pptx), not a workbook",
  xlsb: "is a binary workbook (.xlsb): save it as .xlsx in Excel",
  unknownZip: "is a zip archive but not an .xlsx workbook",
};
const LIMIT_EN: Record<string, string> = {
  parts: "parts in the package", fileBytes: "file size (bytes)", partCompressedBytes: "compressed size of one part (bytes)", partBytes: "uncompressed size of one part (bytes)",
  totalBytes: "uncompressed size of all parts (bytes)", ratio: "compression ratio (zip bomb?)", cells: "cells", merges: "merged ranges",
  sharedStrings: "shared strings", cellChars: "characters in a cell", rows: "sheet rows", columns: "sheet columns",
};

function limitationEn(p: Record<string, unknown>): string {
  switch (p.code) {
    case "tableOverlap": return `the outputs would overlap the Excel Table at ${s(p.range)} and corrupt it`;
    case "pivotOverlap": return `the outputs would overlap the pivot table at ${s(p.range)}`;
    case "mergeOverlap": return `the outputs would overlap the merged cells ${s(p.range)} and be hidden`;
    case "prefixedXml": return `the sheet part ${s(p.part)} uses a namespace prefix Kaohe cannot patch without rewriting it`;
    case "signed": return `the workbook is digitally signed and any change voids the signature`;
    case "revisions": return `the workbook is shared (tracked revisions) and Kaohe's changes would not be in its revision history`;
    default: return s(p.code);
  }
}

export const enUS: Catalog = {
  locale: "en-US",
  ui: {
    title: "Kaohe scoring", language: "中文", sheet: "Sheet", headerRow: "Header row", unitColumn: "Unit column", reload: "Reload",
    rubric: "Rubric", importRubric: "Import rubric…", fromWorkbook: " (this workbook)", mapping: "Indicator columns", matched: "Matched",
    missing: "Not found", optional: "optional", derived: "computed from other columns", auto: "— automatic —", mapTo: "Column", score: "Score",
    clear: "Clear results", scoring: "Scoring…", clearing: "Clearing…", summary: "Results", scored: "Scored", vetoed: "Vetoed",
    incomplete: "Incomplete", top: "Top 3", bottom: "Bottom 3", commended: "Commended", laggards: "Laggards", none: "none",
    changes: "Changes", changesSince: "Compared with the last run ({rubric})", noChanges: "No rank or status changed", problems: "Problems",
    noProblems: "No problems", unit: "Unit", selectUnit: "Select a unit's row in the sheet to see its breakdown here.",
    pointsLost: "−", needsExcel: "Kaohe runs inside Excel", needsExcelDetail: "Open Kaohe in Excel (Windows, Mac or the web) from Home › 考核评分 or Insert › My Add-ins. If you are in Excel, check that Office services can be reached.",
    needsNewerExcel: "This version of Excel is too old: Kaohe's pane needs Excel 2021, Microsoft 365 or Excel on the web. With Excel 2016 or 2019, use Kaohe's offline page instead (open the address below in a browser; nothing to install, the workbook is not uploaded), or the Kaohe add-in in WPS Spreadsheets (考核 › 考核评分).", cleared: "Everything Kaohe wrote was removed; the sheet is as it was.",
    done: "Scored", rankN: "#{rank}", unranked: "unranked", removed: "removed", added: "new", rubricImported: "Imported rubric \"{name}\" and saved it in this workbook.",
    moreProblems: "{count} more, all listed on the \"{sheet}\" sheet.",
    fullMarks: "All other items at full marks", loading: "Reading the sheet…",
    confirmOverwriteTitle: "You changed these cells", confirmOverwriteBody: "Since Kaohe last wrote them, you changed the {count} cells below. Scoring again replaces them with new results.",
    replace: "Replace and score", cancel: "Cancel", confirmClearTitle: "Clear the results?",
    confirmClearBody: "This removes the {count} cells, highlights and notes Kaohe wrote on \"{sheet}\"{results}.",
    confirmClearKeeps: "The {count} cells you changed stay as they are:", clearConfirm: "Clear",
    clearedReport: "Removed {count} cells and {highlights} highlight rules{results}, and checked that nothing is left.", clearedKept: "Kept the {count} cells you changed: {cells}",
    nothingToClear: "Kaohe has written nothing on this sheet.", keptResults: "You changed the sheet \"{sheet}\", so it stays (it is no longer Kaohe's).",
    scoredKept: "The {count} cells you changed were left alone: {cells}",
    otherIndicators: "{count} more matched", severalColumns: "several columns", mappedByHand: "mapped by hand",
    beforeScoring: "Before scoring", resultsOutdated: "The rubric or a column mapping changed, so the earlier results are hidden. Score again.",
    vetoedUnits: "Vetoed", progressUnits: "Progress award",
    changedCellsTitle: "{count} cells were changed after scoring", changedCellsHint: "Click a cell to select it in the sheet.",
    replaceChanged: "Replace these cells", keepChanged: "Keep my changes", selectCell: "Select in the sheet",
    needsWps: "Open Kaohe in WPS Spreadsheets from 考核 › 考核评分 (a WPS add-in), or in Excel from Home › 考核评分.",
    webTitle: "Kaohe scoring · offline", webIntro: "Scores in this browser, nothing is uploaded: pick or drop a workbook, check the table and columns, score, and download the scored copy. Your file is never changed.",
    pickWorkbook: "Choose a workbook…", dropHere: "or drop an .xlsx workbook on this page", workbook: "Workbook", rubricFromSheet: "Rubric on sheet “{sheet}”",
    rubricFromFile: " (file)", download: "Download the scored copy", downloadHint: "The copy is “{file}”; your workbook was not changed.", opening: "Reading the workbook…",
    newRubricSheet: "New rubric sheet", newSheetFrom: "Content of the new rubric sheet", blankTemplate: "Empty template",
    rubricSheetAdded: "Added the sheet \"{sheet}\". Fill in or change the rubric there, then pick it under Rubric to score with it; every score reads the sheet as it is then.",
    onSheet: " (sheet \"{sheet}\")", sheetProblems: " ({count} errors)",
    original: "Original",
  },
  cli: {
    fileNotFound: (p) => `workbook file not found: ${s(p.file)}`,
    fileUnreadable: (p) => `workbook ${s(p.file)} is corrupt or unreadable: ${s(p.detail)}`,
    notXlsx: (p) => `${s(p.file)} is not an .xlsx workbook (save old .xls files as .xlsx in Excel first)`,
    sheetNotFound: (p) => `workbook ${s(p.file)} has no sheet "${s(p.sheet)}"; sheets: ${s(p.available)}`,
    outputExists: (p) => `output file ${s(p.file)} already exists; add --force to replace it`,
    sameAsInput: (p) => `the output is the input file (${s(p.file)}); use --in-place to rewrite it`,
    writeFailed: (p) => `cannot write ${s(p.file)}: ${s(p.detail)} (the input is unchanged)`,
    rubricFileNotFound: (p) => `rubric not found: ${s(p.file)} (built-in rubrics: ${s(p.available)})`,
    usage: (p) => `usage error: ${s(p.detail)} (run kaohe --help)`,
    scored: (p) => `${s(p.scored)} scored, ${s(p.vetoed)} vetoed, ${s(p.incomplete)} incomplete; ${s(p.problems)} problem(s)`,
    written: (p) => `written to ${s(p.file)}`,
    rubricValid: (p) => `rubric ${s(p.id)} is valid (${list(p.items)} items, ${s(p.warnings)} warning(s))`,
    rubricInvalid: (p) => `rubric ${s(p.file)} has ${s(p.errors)} error(s)`,
    internal: (p) => `internal error: ${s(p.detail)}`,
    isDirectory: (p) => `${s(p.file)} is a directory, not a file`,
    notRegularFile: (p) => `${s(p.file)} is not a regular file (${s(p.detail)}): Kaohe reads and replaces regular files only`,
    fileTooLarge: (p) => `file ${s(p.file)} is too large (${s(p.detail)} bytes): check that it is the right file`,
    outputBadName: (p) => `the output name ${s(p.file)} must end in .xlsx or .xlsm (an Excel workbook is written)`,
    outputDirMissing: (p) => `the directory ${s(p.detail)} of the output ${s(p.file)} does not exist; nothing was scored, create it first`,
    outputDirNotWritable: (p) => `the directory ${s(p.detail)} of the output ${s(p.file)} is not writable; nothing was scored, choose another`,
    outputOwnerNotKept: (p) => `the new ${s(p.file)} cannot keep the owner of the file it replaces (${s(p.detail)}); the file is unchanged, run as its owner`,
    conflictingOptions: (p) => `conflicting options: ${s(p.detail)} cannot be used together (--in-place rewrites the input, --out writes a copy)`,
    rubricIsDirectory: (p) => `rubric ${s(p.file)} is a directory, not a file; give a rubric file (.json/.yaml) or a built-in id`,
    encrypted: (p) => `password-protected workbook ${s(p.file)}: remove the password in Excel and save again`,
    otherFormat: (p) => `${s(p.file)} ${FORMAT_EN[s(p.format)] ?? "is not an .xlsx workbook"}`,
    limit: (p) => `workbook ${s(p.file)} exceeds the limit "${LIMIT_EN[s(p.limit)] ?? s(p.limit)}": ${s(p.value)} > ${s(p.max)}${p.part ? ` (${s(p.part)})` : ""}; split or trim the workbook`,
    truncated: (p) => `workbook ${s(p.file)} is incomplete (the zip is truncated or damaged): copy or download it again`,
    missingPart: (p) => `workbook ${s(p.file)} is corrupt: part ${s(p.part)} is missing`,
    duplicatePart: (p) => `workbook ${s(p.file)} is corrupt: part ${s(p.part)} appears twice`,
    badPart: (p) => `workbook ${s(p.file)} is corrupt: part ${s(p.part)} cannot be read (${s(p.detail)})`,
    entity: (p) => `workbook ${s(p.file)}: part ${s(p.part)} holds a DTD/entity declaration, refused for safety (Excel never writes one)`,
    macroExtension: (p) => `the workbook holds macros (${s(p.kind)}): the output ${s(p.file)} must end in .xlsm or Excel will not open it`,
    keptEdits: (p) => `cells Kaohe wrote last time and someone changed since are kept as they are: ${s(p.cells)}`,
    cannotWrite: (p) => `nothing written to ${s(p.file)}: ${limitationEn(p)}`,
    changes: (p) => `note: ${limitationEn(p)}`,
    inPlaceRefused: (p) => `--in-place refused for ${s(p.file)}: ${limitationEn(p)}; write a copy with --out`,
    unitNotFound: (p) => `sheet “${s(p.sheet)}” has no unit “${s(p.unit)}”` + (p.near ? `; units with a similar name: ${s(p.near)}` : `; it has ${s(p.count)} units, such as ${s(p.some)}`),
  },
  issues: {
    "rubric.parse": (p) => `The rubric file cannot be read (${s(p.file)}): ${s(p.detail)}`,
    "rubric.schema": (p) =>
      `Rubric error at ${s(p.path)}: ` +
      (p.kind === "invalid_type" ? `expected ${s(p.expected)}` :
       p.kind === "unrecognized_keys" ? `unknown field(s) ${s(p.keys)}` :
       p.kind === "invalid_value" ? `expected one of ${s(p.expected)}` :
       p.kind === "too_small" ? `must be at least ${s(p.limit)}` :
       p.kind === "too_big" ? `must be at most ${s(p.limit)}` :
       p.kind === "required" ? `missing required field ${s(p.detail)}` : s(p.detail)),
    "rubric.unknownIndicator": (p) => `The rubric refers to "${s(p.name)}", which is not declared under indicators (at ${s(p.path)})`,
    "rubric.duplicateName": (p) => `The name "${s(p.name)}" is used twice in the rubric (at ${s(p.path)})`,
    "rubric.formula": (p) => `The formula "${s(p.formula)}" cannot be used (at ${s(p.path)}): ${reasonOf(p.reason, String(p.detail ?? ""))}`,
    "rubric.partsExceedMax": (p) => `The sub-items of "${s(p.item)}" add up to ${s(p.parts)} points, more than the item's ${s(p.max)}`,
    "rubric.totalMismatch": (p) => `The items${p.category !== undefined ? ` for "${s(p.category)}" units` : ""} add up to ${list(p.items)} points, not the stated full marks of ${s(p.max)}`,
    "rubric.exclusiveWording": (p) =>
      `The rubric's description says "${s(p.figure)}${s(p.word)}", which includes ${s(p.figure)} itself, but the comparison at ${s(p.path)} leaves ${s(p.figure)} out: ` +
      `add inclusive: true if it should include it, or reword the description as "${p.word === "以下" ? "低于" : "超过"}${s(p.figure)}"`,
    "rubric.noCategoryColumn": (p) => `scoring by category (difficulty coefficients or items for some categories) needs the column of the units' categories: set ranking.categoryColumn (分类排名列 on a rubric sheet) (at ${s(p.path)})`,
    "rubric.noGrades": (p) => `lowering the grade (降等次) needs grades: list them under outcomes.grades (等次 on a rubric sheet), or set a stated grade instead (at ${s(p.path)})`,
    "rubric.noCoefficient": (p) => `the category "${s(p.category)}" an item applies to has no difficulty coefficient: add one under ranking.coefficients (难度系数 on a rubric sheet) (at ${s(p.path)})`,
    "rubric.unknownBuiltin": (p) => `There is no built-in rubric "${s(p.id)}"; available: ${s(p.available)}`,
    "rubric.unknownRuleType": (p) => `Rubric, at ${s(p.path)}: unknown ${p.what === "veto" ? "veto" : "rule"} type "${s(p.type)}"; known types: ${s(p.expected)}`,
    "rubric.notNumber": (p) =>
      `Rubric, at ${s(p.path)}: the ${p.key === "min" ? "lower bound" : p.key === "max" ? "upper bound" : "target"} "${s(p.value)}" is not a number; write a number (88, unquoted, without %), or {column: name} or {unitTable: name}`,
    "rubric.vetoNeverFires": (p) =>
      `The veto at ${s(p.path)} can never apply: ` +
      (p.why === "noTotal" ? `an attainment rubric has no total to be below ${s(p.value)}` :
       p.why === "belowZero" ? `a total is never below 0, so never ${Number(p.inclusive) ? "at or " : ""}below ${s(p.value)}` :
       `its condition "${s(p.when)}" reads no indicator and is always false`),
    "rubric.vetoAlwaysFires": (p) =>
      `The veto at ${s(p.path)} applies to every unit: ` +
      (p.why === "aboveMax" ? `the highest possible total is ${s(p.max)}, always ${Number(p.inclusive) ? "at or " : ""}below ${s(p.value)}` : `its condition "${s(p.when)}" reads no indicator and is always true`),
    "rubric.ruleNeverDeducts": (p) =>
      `A rule of "${s(p.item)}" (at ${s(p.path)}) can never ${Number(p.bonus) ? "award" : "deduct"} points: ` +
      (p.why === "zeroPoints" ? `it is worth 0 points` :
       p.why === "constant" ? `its formula "${s(p.formula)}" reads no indicator and is always ${s(p.value)}` :
       `"${s(p.indicator)}" ranges over ${s(p.min)}–${s(p.max)}, and every value meets the target ${s(p.target)}`),
    "rubric.outcomeNeverApplies": (p) =>
      `An attainment rubric has no total and no ranking, so ${({ commendation: "commendation (表彰)", laggard: "laggards (后进单位)", progress: "the progress award (进步奖)", grades: "grades (等次)", vetoGrade: "the grade after a veto" } as const)[p.outcome]} (at ${s(p.path)}) is never decided: it only says whether each unit attained; use a points rubric (mode: points) to decide it`,
    "column.unused": (p) => `Column ${s(p.column)} ("${s(p.header)}") is mapped to the indicator "${s(p.name)}", but no rule of the rubric reads it (scores are unaffected)`,
    "table.empty": () => `The sheet is empty`,
    "table.noHeader": (p) => `No header row in the first ${s(p.rows)} rows (expected a row of column names such as 单位 and the indicators)`,
    "table.noUnitColumn": (p) => `No unit column (row ${s(p.row)} should have a column named 单位, 社区, 村 … or a column of unit names)`,
    "table.noUnits": (p) => `No units to assess below row ${s(p.row)}`,
    "column.missing": (p) => `Required column "${s(p.name)}" is missing${near(p.closest)}`,
    "column.optionalMissing": (p) => `Column "${s(p.name)}" not found; the rules that use it were not checked${near(p.closest)}`,
    "column.duplicate": (p) => `Indicator "${s(p.name)}" matches several columns: using ${s(p.used)}, ignoring ${s(p.ignored)}`,
    "value.missing": (p) => (p.what === "unit" ? `This row has data but no unit name; skipped` : `"${s(p.indicator)}" is blank`),
    "value.notNumber": (p) => `"${s(p.indicator)}" value "${s(p.value)}" is not a number`,
    "value.uncalculated": (p) => `"${s(p.indicator)}" is a formula without a calculated value in the file: open and save it in Excel once`,
    "value.excelError": (p) => `"${s(p.indicator)}" is the error value ${s(p.value)}; fix the formula first`,
    "value.rateOutOfRange": (p) => `"${s(p.indicator)}" value "${s(p.value)}" is outside ${s(p.min)}–${s(p.max)}`,
    "value.scoreOutOfRange": (p) => `"${s(p.indicator)}" score ${s(p.value)} must be between 0 and ${s(p.max)}`,
    "value.negative": (p) => `"${s(p.indicator)}" value "${s(p.value)}" cannot be negative`,
    "value.notBoolean": (p) => `"${s(p.indicator)}" value "${s(p.value)}" should be yes/no (是/否, 有/无, √/×, Y/N, 1/0)`,
    "value.formula": (p) => `Cannot compute "${s(p.indicator)}" (formula ${s(p.formula)}): ${reasonOf(p.reason)}`,
    "target.missingForUnit": (p) => `The rubric has no "${s(p.table)}" target for this unit`,
    "category.missing": (p) => `the unit's category (column "${s(p.column)}") is blank: this rubric scores by category`,
    "category.unknown": (p) => `the unit's category "${s(p.value)}" is not one of the rubric's (${s(p.choices)})` + (p.has === "coefficient" ? `, so it has no difficulty coefficient` : `; only the items for every unit are scored`),
    "unit.duplicate": (p) => `Unit "${s(p.unit)}" appears more than once (first at ${s(p.first)})`,
    "output.occupied": (p) => `Results go right of the table in ${s(p.range)}, but cell ${s(p.cell)} holds your data ("${s(p.value)}"). Move it or leave ${s(p.count)} empty columns, then score again`,
    "sheet.unknown": (p) => `The workbook has no sheet "${s(p.sheet)}"; its sheets: ${s(p.available)}`,
    "sheet.kaoheResults": (p) => `"${s(p.sheet)}" is Kaohe's results sheet for "${s(p.owner)}" and cannot be scored itself. Switch to the sheet to assess`,
    "sheet.protected": (p) => `Sheet "${s(p.sheet)}" is protected, so results cannot be written. Unprotect it first (Review › Unprotect Sheet)`,
    "sheet.editing": () => `Excel is editing a cell. Press Enter or Esc to finish, then try again`,
    "table.tooLarge": (p) => `The table is too large (${s(p.cells)} cells; the limit is ${s(p.limit)}). Put the units to assess on a sheet of their own`,
    "workbook.structureProtected": (p) => `The workbook's structure is protected, so the sheet "${s(p.sheet)}" cannot be added or deleted. Unprotect the workbook (Review › Protect Workbook) and try again; nothing was changed`,
    "host.partial": (p) => (p.cleaned === "yes" ? `Scoring stopped part-way; what Kaohe had written was taken back and checked: the sheet is as it was` : `Scoring stopped part-way; not everything Kaohe had written could be taken back (${s(p.left)}): click Clear results`),
    "clear.unverified": (p) => `After clearing, some of Kaohe's output is still there: ${s(p.left)}. Click Clear results again`,
    "host.failed": (p) => `Excel could not complete the operation: ${s(p.detail)}. The workbook was not changed; please try again`,
    "output.noRoom": (p) => `No empty columns to the right of the table for the results (columns from ${s(p.from)} are in use)`,
    "rubric.encoding": (p) => `rubric file ${s(p.file)} is not UTF-8 (perhaps GBK): save it as UTF-8 in your editor and try again`,
    "rubric.notText": (p) => `${s(p.file)} is not a rubric text file (${p.what === "zip" ? "it is an .xlsx workbook or another zip archive" : p.what === "ole" ? "it is an old Office file" : "it is binary data"}): a rubric is JSON or YAML text`,
    "rubric.cycle": (p) => `the derivation of "${s(p.name)}" is circular (${s(p.chain)}, at ${s(p.path)}): a derivation cannot use itself, directly or through others`,
    "rubric.weights": (p) => `the weights of composite "${s(p.name)}" ${p.kind === "sum" ? `add up to ${s(p.sum)}, not 1` : `include "${s(p.weight)}", which is not a finite number above 0`} (at ${s(p.path)})`,
    "map.unknownIndicator": (p) => `--map ${s(p.name)}=${s(p.column)}: the rubric has no indicator "${s(p.name)}"`,
    "map.noColumn": (p) => `--map ${s(p.name)}=${s(p.column)}: ${p.why === "outside" ? `column ${s(p.column)} is outside the table (columns ${s(p.first)}–${s(p.last)})` : `the table has no column "${s(p.column)}"`}`,
    "value.fractionalCount": (p) => `"${s(p.indicator)}" is a count; its value "${s(p.value)}" must be a whole number`,
    "column.looksLikeFractions": (p) => `every value in column "${s(p.name)}" (${s(p.column)}) lies between 0 and 1 (e.g. ${s(p.example)}) and is read as ${s(p.example)}%; if ${s(p.percent)}% was meant, format the cells as percentages or enter ${s(p.percent)}`,
    "table.summarySkipped": (p) => `"${s(p.unit)}" is a summary row and was not scored as a unit`,
    "veto.notEvaluated": (p) => `the veto condition "${s(p.reason)}" could not be evaluated (formula ${s(p.formula)}: ${reasonOf(p.error)}); check by hand whether this unit is vetoed`,
    "rubricSheet.notNumber": (p) => `${s(p.label)} "${s(p.value)}" is not a number`,
    "rubricSheet.badChoice": (p) => `${s(p.label)} "${s(p.value)}" is not one of the choices: ${s(p.choices)}`,
    "rubricSheet.required": (p) => `${s(p.label)} must not be blank`,
    "rubricSheet.unknownLabel": (p) => (s(p.value) ? `unknown entry "${s(p.value)}"` : `this row has no entry name`) + `; the header block takes: ${s(p.choices)}`,
    "rubricSheet.unknownColumn": (p) => `unknown column "${s(p.value)}" in ${s(p.block)}; columns: ${s(p.choices)}`,
    "rubricSheet.missingColumn": (p) => `${s(p.block)} has no "${s(p.label)}" column`,
    "rubricSheet.duplicateLabel": (p) => `"${s(p.value)}" appears twice`,
    "rubricSheet.noRules": (p) => `the rubric sheet has no ${s(p.block)} table (a title row "${s(p.block)}", then a row of column names)`,
    "rubricSheet.noItem": (p) => `the rule on this row belongs to no item: fill in ${s(p.label)}`,
    "rubricSheet.unknownItem": (p) => `the sub-item's item "${s(p.name)}" is not in 【考核项目】`,
    "rubricSheet.notApplicable": (p) => `计分方式 "${s(p.kind)}" does not use ${s(p.label)}: clear the cell or choose another 计分方式`,
    "rubricSheet.inconsistent": (p) => `${s(p.label)} of "${s(p.item)}" is "${s(p.value)}" on this row but "${s(p.first)}" on the item's first row`,
    "rubricSheet.notFound": (p) => `the workbook has no rubric sheet "${s(p.sheet)}"; its sheets: ${s(p.available)}`,
    "rubric.ruleShape": (p) => `${SHAPE_EN[p.problem](p)} (at ${s(p.path)})`,
    "value.tooFewRaters": (p) => `only ${s(p.count)} ratings: dropping ${s(p.drop)} highest and ${s(p.drop)} lowest leaves none to average`,
    "rubricSheet.badBands": (p) => `bands "${s(p.value)}" cannot be read: write "lower bound:points", bands separated by "；", points as a number or a percentage of the full marks, e.g. "95:10；90:50%"`,
    "rubricSheet.addFailed": (p) => `Could not add the sheet "${s(p.sheet)}": ${s(p.detail)}. ` + (p.cleaned === "yes" ? `The half-made sheet was deleted; the workbook is as it was. Please try again` : `The half-made sheet "${s(p.sheet)}" could not be deleted (${s(p.left)}); please delete it yourself`),
    "output.sheetEdge": (p) => `no room right of the table for the results: the table reaches the sheet's last column ${s(p.last)} (${s(p.count)} columns needed). Delete unneeded columns right of the table, or copy the table to a new sheet`,
  },
  reasons: {
    "target.low": (p) =>
      (p.inclusive === 0
        ? `${s(p.indicator)} ${valueText(p)} does not exceed the target ${s(p.target)}${s(p.unit)} (${aboveWording(p.target, 0, s(p.unit))})`
        : `${s(p.indicator)} ${valueText(p)} is below the target ${s(p.target)}${s(p.unit)}`) +
      (Number(p.per) > 0 && !(p.inclusive === 0 && Number(p.points) === 0) ? `; ${s(p.per)} per ${s(p.step)} ${unitWord(p.unit)} below: −${s(p.points)}` : ""),
    "target.high": (p) =>
      (p.inclusive === 0
        ? `${s(p.indicator)} ${valueText(p)} is not below the target ${s(p.target)}${s(p.unit)} (${belowWording(p.target, 0, s(p.unit))})`
        : `${s(p.indicator)} ${valueText(p)} is above the target ${s(p.target)}${s(p.unit)}`) +
      (Number(p.per) > 0 && !(p.inclusive === 0 && Number(p.points) === 0) ? `; ${s(p.per)} per ${s(p.step)} ${unitWord(p.unit)} above: −${s(p.points)}` : ""),
    count: (p) => `${s(p.indicator)}: ${s(p.value)} time(s), ${s(p.per)} each: −${s(p.points)}`,
    check: (p) => `${s(p.indicator)}: ${p.answer === "yes" ? "yes" : "no"}` + (Number(p.points) > 0 ? `: −${s(p.points)}` : ""),
    range: (p) =>
      `${s(p.indicator)} ${s(p.value)} is not within ${s(p.min)}–${s(p.max)}` +
      (p.previous !== undefined ? ` nor below last year's ${s(p.previous)}` : "") +
      (p.before !== undefined
        ? ` nor moving toward it (last year ${s(p.before)}, ${s(p.beforeGap)} outside; now ${s(p.gap)} outside` +
          (Number(p.minChange) > 0 ? `; the gap must shrink by at least ${s(p.minChange)})` : `; the gap did not shrink)`)
        : "") +
      (Number(p.points) > 0 ? `: −${s(p.points)}` : ""),
    improvement: (p) =>
      `${s(p.indicator)} ${s(p.value)} is not ${p.direction === "lower" ? "below" : "above"} last year's ${s(p.previous)}` + (Number(p.points) > 0 ? `: −${s(p.points)}` : ""),
    enteredScore: (p) => `${s(p.indicator)} scored ${s(p.score)} of ${s(p.max)}: −${s(p.points)}`,
    formula: (p) => `${s(p.reason)}: −${s(p.points)}`,
    floored: (p) => `Deductions total ${s(p.points)}; the item stops at 0`,
    capped: (p) => `Bonus totals ${s(p.points)}; capped at ${s(p.max)}`,
    "veto.fact": (p) => `Veto: ${s(p.reason)}`,
    "veto.totalBelow": (p) =>
      `Veto: total ${s(p.total)} is ${Number(p.inclusive) ? "at or below" : "below"} ${s(p.value)} (${belowWording(p.value, p.inclusive)})`,
    "veto.anyMissed": (p) => `Veto: targets missed (${list(p.items)})`,
    coefficient: (p) => `Difficulty coefficient (难度系数) of ${s(p.category)}: raw total ${s(p.raw)} × ${s(p.coefficient)} = ${s(p.total)}`,
    "grade.quota": (p) =>
      `The total reaches ${s(p.grade)} but the ${s(p.grade)} places (${s(p.percent)}%, ${s(p.count)} in all) are taken` +
      (p.tie === "allOut" ? `; units tied at the boundary all stay out` : p.tie === "tieBreak" ? `; the tie was broken on "${s(p.by)}" (this unit ${s(p.value)})` : "") +
      (s(p.result) ? `: graded ${s(p.result)}` : `: no grade`),
    "grade.tiesIn": (p) => `${s(p.grade)} places: ${s(p.percent)}%, ${s(p.count)} in all; units tied at the boundary all count in`,
    "grade.veto": (p) => `Vetoed: graded ${s(p.grade)}`,
    "grade.vetoDown": (p) => `Vetoed: lowered ${s(p.down)} grade(s) from ${s(p.from)} to ${s(p.grade)}`,
    bands: (p) => `${s(p.indicator)} ${valueText(p)} is in the band from ${s(p.min)}${s(p.unit)} up (${aboveWording(p.min, 1, s(p.unit))}): ${s(p.earned)} points${fullEn(p)}`,
    "bands.none": (p) => `${s(p.indicator)} ${valueText(p)} is below the lowest band, ${s(p.min)}${s(p.unit)}: ${s(p.earned)} points${fullEn(p)}`,
    "relative.best": (p) =>
      `${s(p.indicator)} ${valueText(p)} is ${gapEn(p.gap, p.unit)} ${p.direction === "atMost" ? "above" : "below"} the best unit (${s(p.best)}${s(p.unit)}): ${s(p.earned)} points in proportion${fullEn(p)}`,
    "relative.average": (p) =>
      `${s(p.indicator)} ${valueText(p)} is ${gapEn(p.gap, p.unit)} ${p.direction === "atMost" ? "above" : "below"} the average ${s(p.average)}${s(p.unit)}; ` +
      `${s(p.per)} per ${s(p.step)} ${unitWord(p.unit)} ${p.direction === "atMost" ? "above" : "below"}: ${Number(p.bonus) ? "+" : "−"}${s(p.points)}`,
    rank: (p) => `${s(p.indicator)} ${valueText(p)} ranks ${s(p.rank)} of ${s(p.count)}: ${s(p.earned)} points (first place ${s(p.full)}, ${s(p.step)} less per place)`,
    efficacy: (p) =>
      `${s(p.indicator)} ${valueText(p)}, satisfactory ${s(p.satisfactory)}${s(p.unit)}, unacceptable ${s(p.unacceptable)}${s(p.unit)}: ${s(p.earned)} points by the efficacy coefficient (base ${s(p.base)}, full marks ${s(p.full)})`,
    raters: (p) =>
      `Democratic appraisal: ${s(p.count)} ratings` + (Number(p.drop) > 0 ? `, ${s(p.drop)} highest and ${s(p.drop)} lowest dropped, the other ${s(p.kept)}` : "") +
      ` average ${s(p.average)} of ${s(p.outOf)}: ${s(p.earned)} points${fullEn(p)}`,
    converted: (p) => `${s(p.indicator)} ${s(p.value)} of ${s(p.outOf)} converts to ${s(p.earned)} points${fullEn(p)}`,
    laggard: (p) =>
      `Laggard: in the last ${s(p.bottom)} rank positions` +
      (p.below !== undefined ? ` with a total of ${s(p.total)}, ${Number(p.inclusive) ? "at or below" : "below"} ${s(p.below)} (${belowWording(p.below, p.inclusive)})` : ""),
  },
  labels: {
    notApplicable: "n/a",
    version: "Version", rubricHash: "Checksum (SHA-256)", scoredAt: "Scored at",
    total: "Total", rank: "Rank", result: "Result", attainedCount: "Targets met", unit: "Unit", row: "Row", status: "Status",
    item: "Item", points: "Points lost", cell: "Cell", max: "Max", score: "Score", section: "Section",
    scored: "Scored", vetoed: "Vetoed", incomplete: "Incomplete", commended: "Commended", laggard: "Laggard", progress: "Progress award",
    attained: "Attained", notAttained: "Not attained", resultsSheet: "Kaohe results", resultsTitle: "Kaohe results",
    deductionsTitle: "Deductions", problemsTitle: "Problems", severity: "Severity", error: "Error", warning: "Warning", message: "Message",
    yes: "yes", no: "no", none: "none", improvement: "vs last year",
    rubric: "Rubric", summary: "Summary", fullMarks: "All other items at full marks",
  },
  paren: (x) => ` (${x})`,
  colon: ": ",
  sep: "; ",
  list,
  at: (sheet, cell) => (cell ? `${sheet ? `sheet "${sheet}" ` : ""}cell ${cell}` : sheet ? `sheet "${sheet}"` : ""),
};
