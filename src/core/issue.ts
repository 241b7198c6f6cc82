/**
 * Expected problems are data, never exceptions. Message text lives in src/i18n.
 * `cell` is an A1 address in `sheet`; `path` points into a rubric document.
 */

type Text = string | number;
/** A code whose sentence reads no parameter. */
type NoParams = Record<string, never>;
type ColumnParams = { name: string; closest: string; sheet?: string };
type ValueParams = { indicator: string; value: Text };
/** What the checker finds wrong with a rule shape (compile-shapes.ts); each has a sentence per locale. */
export type RuleShapeProblem = "bandPoints" | "bandDuplicate" | "baseAboveFull" | "sameBounds" | "tooFewRaters";
/** The checker's reach findings: why, and the figures of that why (check-reach.ts). */
type CheckParams = { why: string; path: string } & Readonly<Record<string, Text>>;

/**
 * Every issue code with the parameters its producers set and its sentences may read: `issue()` and
 * the catalogs in src/i18n are both typed by this map. Adding a code is one line here (then the
 * compiler asks for its zh-CN and en-US sentences).
 */
export interface IssueParamsByCode {
  // rubric documents
  "rubric.parse": { file: string; detail: string };
  "rubric.schema": { path: string; kind: string; detail: string; expected?: string; keys?: string; limit?: string };
  "rubric.unknownIndicator": { name: string; path: string };
  "rubric.duplicateName": { name: string; path: string };
  "rubric.formula": { formula: string; reason: string; detail: string; path: string };
  "rubric.partsExceedMax": { item: string; parts: number; max: number; path: string };
  "rubric.totalMismatch": { items: number; max: number; path: string; category?: string };
  "rubric.unknownBuiltin": { id: string; available: string };
  "rubric.exclusiveWording": { figure: Text; word: string; path: string };
  "rubric.noCategoryColumn": { path: string };
  "rubric.noGrades": { path: string };
  "rubric.noCoefficient": { category: string; path: string };
  // the checker's further findings (check-schema.ts, check-reach.ts, table/unused-columns.ts)
  "rubric.unknownRuleType": { type: string; expected: string; what: "veto" | "rule"; path: string };
  "rubric.notNumber": { value: string; key: string; path: string };
  "rubric.vetoNeverFires": CheckParams;
  "rubric.vetoAlwaysFires": CheckParams;
  "rubric.ruleNeverDeducts": CheckParams;
  "rubric.outcomeNeverApplies": { outcome: "commendation" | "laggard" | "progress" | "grades" | "vetoGrade"; path: string };
  "column.unused": { name: string; column: string; header: string };
  // table layout
  "table.empty": NoParams;
  "table.noHeader": { rows: number };
  "table.noUnitColumn": { row: number };
  "table.noUnits": { row: number };
  "column.missing": ColumnParams;
  "column.optionalMissing": ColumnParams;
  "column.duplicate": { name: string; used: string; ignored: string };
  // values
  "value.missing": { indicator: string; what?: never } | { what: "unit"; indicator?: never };
  "value.notNumber": ValueParams;
  "value.excelError": ValueParams;
  "value.uncalculated": { indicator: string };
  "value.rateOutOfRange": ValueParams & { min: Text; max: Text };
  "value.scoreOutOfRange": { indicator: string; value: number; max: number };
  "value.negative": ValueParams;
  "value.notBoolean": ValueParams;
  "value.formula": { indicator: string; formula: string; reason: string };
  "target.missingForUnit": { indicator: string; table: string };
  "unit.duplicate": { unit: string; first: string };
  "category.missing": { column: string };
  "category.unknown": { column: string; value: string; choices: string; has: "coefficient" | "items" };
  // output and host
  "output.noRoom": { from: string };
  "output.occupied": { cell: string; value: string; range: string; count: number };
  "sheet.protected": { sheet: string };
  "sheet.kaoheResults": { sheet: string; owner: string };
  "sheet.unknown": { sheet: string; available: string };
  "workbook.structureProtected": { sheet: string };
  "host.partial": { cleaned: "yes"; left?: never } | { cleaned: "no"; left: string };
  "clear.unverified": { left: string };
  "sheet.editing": NoParams;
  "table.tooLarge": { cells: Text; limit: Text };
  "host.failed": { detail: string };
  // hostile or careless input
  "rubric.encoding": { file: string };
  "rubric.notText": { file: string; what: "zip" | "ole" | "binary" };
  "rubric.cycle": { name: string; chain: string; path: string };
  "rubric.weights": { name: string; path: string } & ({ kind: "sum"; sum: number; weight?: never } | { kind: "weight"; weight: string; sum?: never });
  "map.unknownIndicator": { name: string; column: string };
  "map.noColumn": { name: string; column: string } & ({ why: "missing"; first?: never; last?: never } | { why: "outside"; first: string; last: string });
  "value.fractionalCount": ValueParams;
  "column.looksLikeFractions": { name: string; column: string; example: number; percent: number };
  "table.summarySkipped": { unit: string };
  "veto.notEvaluated": { reason: string; formula: string; error: string };
  "output.sheetEdge": { last: string; count: number; from: string };
  // a rubric written as a 评分细则 sheet (each on its cell)
  "rubricSheet.notNumber": { label: string; value: Text };
  "rubricSheet.badChoice": { label: string; value: Text; choices: string };
  "rubricSheet.required": { label: string };
  "rubricSheet.unknownLabel": { value: string; choices: string };
  "rubricSheet.unknownColumn": { block: string; value: Text; choices: string };
  "rubricSheet.missingColumn": { block: string; label: string };
  "rubricSheet.duplicateLabel": { value: Text };
  "rubricSheet.noRules": { block: string };
  "rubricSheet.noItem": { label: string };
  "rubricSheet.unknownItem": { name: string };
  "rubricSheet.notApplicable": { kind: string; label: string };
  "rubricSheet.inconsistent": { item: string; label: string; value: Text; first: Text };
  "rubricSheet.notFound": { sheet: string; available: string };
  "rubricSheet.addFailed": { sheet: string; detail: string } & ({ cleaned: "yes"; left?: never } | { cleaned: "no"; left: string });
  // rule shapes (分档, 与最优比, 名次, 功效系数, 民主测评, 折算)
  "rubric.ruleShape": { problem: RuleShapeProblem; path: string } & Readonly<Record<string, string | number>>;
  "value.tooFewRaters": { count: number; drop: number };
  "rubricSheet.badBands": { value: Text };
}

export type IssueCode = keyof IssueParamsByCode;

export type Severity = "error" | "warning";

/** Parameters as a reader of any issue sees them (the sentences see their code's own type). */
export type IssueParams = Readonly<Record<string, string | number | undefined>>;

export interface IssueOf<C extends IssueCode> {
  code: C;
  severity: Severity;
  params: IssueParamsByCode[C] & IssueParams;
  sheet?: string;
  cell?: string;
  unit?: string;
  path?: ReadonlyArray<string | number>;
}

/** One issue: its params are those of its code (narrow on `code` to read them typed). */
export type Issue<C extends IssueCode = IssueCode> = { [K in C]: IssueOf<K> }[C];

export type IssuePlace = Omit<IssueOf<IssueCode>, "code" | "params" | "severity"> & { severity?: Severity };

export function issue<C extends IssueCode>(code: C, params: IssueParamsByCode[C], where: IssuePlace = {}): Issue<C> {
  const { severity = "error", ...rest } = where;
  return { code, severity, params, ...rest };
}

/** Sentences for every code, each reading only the parameters of its code (src/i18n's catalogs). */
export type IssueSentences = { readonly [C in IssueCode]: (p: IssueParamsByCode[C]) => string };

/** The issue's sentence: its code's, given that code's parameters. */
export function sayIssue<C extends IssueCode>(i: IssueOf<C>, sentences: IssueSentences): string {
  const say: (p: IssueParamsByCode[C]) => string = sentences[i.code];
  return say(i.params);
}

/**
 * The issue with every text from the workbook or rubric passed through `f` (escaping or isolating it
 * to show it): each text parameter, the unit's name and the sheet's.
 */
export function mapIssueTexts(i: Issue, f: (text: string) => string): Issue {
  const params: Record<string, string | number | undefined> = {};
  for (const [k, v] of Object.entries(i.params)) params[k] = typeof v === "string" ? f(v) : v;
  // Same keys, texts still texts: the code's parameter type still holds (f only escapes, cuts or isolates).
  return { ...i, params, ...(i.unit !== undefined && { unit: f(i.unit) }), ...(i.sheet !== undefined && { sheet: f(i.sheet) }) } as Issue;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Result's shape for a failure that is one error of its own kind, not yet an issue (a formula's, a file's). */
export type Fallible<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...issues: Issue[]): Result<T> => ({ ok: false, issues });
