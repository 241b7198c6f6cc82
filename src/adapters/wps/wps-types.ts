/**
 * The part of WPS 表格's object model (WPS加载项 JS API, et) that Kaohe uses, written by hand from
 * the `et-jsapi-declare` 2.5.0 typings (lib.et.d.ts, lib.kso.d.ts, addon.et.d.ts). Kingsoft's typing
 * files may not be redistributed, so they stay a dev dependency; test/wps/wps-types.test.ts checks
 * that their `Application` fits these interfaces. The model is synchronous and VBA-like: collections
 * are 1-based (`Item(1)`), a multi-cell `Value2`/`Formula` is an array of rows, a property that
 * differs across a range (`NumberFormat`, `MergeCells`) reads as null.
 */

/** What a cell's Value2 holds: numbers (dates as serials), text, booleans; empty reads as undefined or "". */
export type WpsValue = string | number | boolean | null | undefined;

export interface WpsRange {
  /** A 1×1 range gives the value, a larger one rows of values. */
  Value2: WpsValue | WpsValue[][];
  /** Formula text ("=…"), or the constant as text; rows of them for a larger range. */
  Formula: string | string[][];
  /** One format for every cell of the range; null when they differ. */
  NumberFormat: string | null;
  /** True when every cell is merged, false when none is, null when mixed. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: WpsRange;
  /** 1-based row and column of the range's first cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Worksheet: WpsWorksheet;
  readonly FormatConditions: WpsFormatConditions;
  /** The cell's comment (批注), null when it has none. */
  readonly Comment: WpsComment | null;
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Resize(RowSize?: number, ColumnSize?: number): WpsRange;
  AddComment(Text?: string): WpsComment;
  /** The range's data validation (a list drop-down: `Add(xlValidateList, xlValidAlertStop, xlBetween, "a,b,c")`). */
  readonly Validation: WpsValidation;
  readonly Font: { Bold: boolean };
  ClearContents(): unknown;
  Clear(): unknown;
  Select(): unknown;
}

export interface WpsValidation {
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string, Formula2?: string): void;
  Delete(): void;
}

export interface WpsComment {
  Text(Text?: string): string;
  Delete(): void;
}

export interface WpsFormatCondition {
  /** XlFormatConditionType: 2 is xlExpression. */
  readonly Type: number;
  readonly Formula1: string;
  readonly AppliesTo: WpsRange;
  /** Colours are BGR numbers (VBA's RGB()). */
  readonly Interior: { Color: unknown };
  readonly Font: { Color: unknown };
  Delete(): void;
}

export interface WpsFormatConditions {
  readonly Count: number;
  Item(Index: number): WpsFormatCondition;
  Add(Type: number, Operator?: unknown, Formula1?: unknown): WpsFormatCondition;
}

export interface WpsName {
  /** "Name", or "Sheet!Name" for a sheet-scoped name. */
  Name: string;
  /** "='Sheet'!$A$1:$B$2", a constant ("=\"k1\""), or "=#REF!" once its cells are gone. */
  RefersTo: unknown;
  Visible: boolean;
  Delete(): void;
}

export interface WpsNames {
  readonly Count: number;
  Item(Index: string | number): WpsName;
  Add(Name?: string, RefersTo?: unknown, Visible?: boolean): WpsName;
}

export interface WpsWorksheet {
  Name: string;
  readonly ProtectContents: boolean;
  readonly UsedRange: WpsRange;
  readonly Cells: WpsRange;
  readonly Names: WpsNames;
  Range(Cell1: string): WpsRange;
  Activate(): void;
  Delete(): void;
}

export interface WpsSheets {
  readonly Count: number;
  /** The typings allow a Sheets result (for an array of names); Kaohe passes one name or index: see `sheetAt`. */
  Item(Index: string | number): WpsWorksheet | WpsSheets;
  /** Adds a worksheet (after `After` when given) and makes it the active sheet. */
  Add(Before?: unknown, After?: unknown): WpsWorksheet;
}

export interface WpsCustomXmlPart {
  readonly NamespaceURI: string;
  readonly XML: string;
  Delete(): void;
}

export interface WpsCustomXmlParts {
  readonly Count: number;
  Item(Index: string | number): WpsCustomXmlPart;
  Add(XML?: string): WpsCustomXmlPart;
}

export interface WpsWorkbook {
  readonly Worksheets: WpsSheets;
  readonly Names: WpsNames;
  readonly ProtectStructure: boolean;
  readonly ActiveSheet: WpsWorksheet;
  readonly CustomXMLParts: WpsCustomXmlParts;
}

/** Sheet events Kaohe listens to (WPS.EtApiEvent). */
export interface WpsApiEvent {
  AddApiEventListener(EventName: "SheetSelectionChange", callback: (sheet: object, range: WpsRange) => void): void;
  AddApiEventListener(EventName: "SheetActivate", callback: (sheet: object) => void): void;
}

export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook;
  /** A modal prompt (such as "delete this sheet?") is shown only while this is true. */
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  readonly ApiEvent: WpsApiEvent;
}

/** XlDVType.xlValidateList, XlDVAlertStyle.xlValidAlertStop, XlFormatConditionOperator.xlBetween (ignored for lists). */
export const XL_VALIDATE_LIST = 3;
export const XL_VALID_ALERT_STOP = 1;
export const XL_BETWEEN = 1;

/** XlFormatConditionType.xlExpression */
export const XL_EXPRESSION = 2;

/** One worksheet by name or 1-based index (throws, like WPS, when there is none). */
export function sheetAt(sheets: WpsSheets, index: string | number): WpsWorksheet {
  const s = sheets.Item(index);
  if (!("Name" in s)) throw new Error(`not a worksheet: ${String(index)}`);
  return s;
}

/** The worksheet with this name, or null. */
export function findSheet(wb: WpsWorkbook, name: string | null): WpsWorksheet | null {
  if (!name) return null;
  for (let i = 1; i <= wb.Worksheets.Count; i++) {
    const s = sheetAt(wb.Worksheets, i);
    if (s.Name === name) return s;
  }
  return null;
}

/** A task pane WPS shows beside the document (WPS.CustomTaskpane). */
export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
}

/** What the add-in's ribbon page uses of `window.Application` (WPS.AddonRoot). */
export interface WpsAddonRoot {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  /** Shared by the add-in's pages for the session; not saved anywhere. */
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: string | number | boolean): void };
}
