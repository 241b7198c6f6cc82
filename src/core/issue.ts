/**
 * Expected problems are data, never exceptions. Message text lives in src/i18n.
 * `cell` is an A1 address in `sheet`; `path` points into a rubric document.
 */
export type IssueCode =
  // rubric documents
  | "rubric.parse"
  | "rubric.schema"
  | "rubric.unknownIndicator"
  | "rubric.duplicateName"
  | "rubric.formula"
  | "rubric.partsExceedMax"
  | "rubric.totalMismatch"
  | "rubric.unknownBuiltin"
  | "rubric.exclusiveWording"
  // table layout
  | "table.empty"
  | "table.noHeader"
  | "table.noUnitColumn"
  | "table.noUnits"
  | "column.missing"
  | "column.optionalMissing"
  | "column.duplicate"
  // values
  | "value.missing"
  | "value.notNumber"
  | "value.excelError"
  | "value.uncalculated"
  | "value.rateOutOfRange"
  | "value.scoreOutOfRange"
  | "value.negative"
  | "value.notBoolean"
  | "value.formula"
  | "target.missingForUnit"
  | "unit.duplicate"
  // output and host
  | "output.noRoom"
  | "output.occupied"
  | "sheet.protected"
  | "sheet.kaoheResults"
  | "workbook.structureProtected"
  | "host.partial"
  | "clear.unverified"
  | "sheet.editing"
  | "table.tooLarge"
  | "host.failed"
  // hostile or careless input
  | "rubric.encoding"
  | "rubric.notText"
  | "rubric.cycle"
  | "rubric.weights"
  | "map.unknownIndicator"
  | "map.noColumn"
  | "value.fractionalCount"
  | "column.looksLikeFractions"
  | "table.summarySkipped"
  | "veto.notEvaluated"
  | "output.sheetEdge"
  // a rubric written as a 评分细则 sheet (each on its cell)
  | "rubricSheet.notNumber"
  | "rubricSheet.badChoice"
  | "rubricSheet.required"
  | "rubricSheet.unknownLabel"
  | "rubricSheet.unknownColumn"
  | "rubricSheet.missingColumn"
  | "rubricSheet.duplicateLabel"
  | "rubricSheet.noRules"
  | "rubricSheet.noItem"
  | "rubricSheet.unknownItem"
  | "rubricSheet.notApplicable"
  | "rubricSheet.inconsistent"
  | "rubricSheet.notFound"
  | "rubricSheet.addFailed";

export type Severity = "error" | "warning";

export type IssueParams = Record<string, string | number>;

export interface Issue {
  code: IssueCode;
  severity: Severity;
  params: IssueParams;
  sheet?: string;
  cell?: string;
  unit?: string;
  path?: ReadonlyArray<string | number>;
}

export function issue(
  code: IssueCode,
  params: IssueParams = {},
  where: Omit<Issue, "code" | "params" | "severity"> & { severity?: Severity } = {},
): Issue {
  const { severity = "error", ...rest } = where;
  return { code, severity, params, ...rest };
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...issues: Issue[]): Result<T> => ({ ok: false, issues });
