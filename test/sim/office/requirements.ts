/**
 * Requirement sets. `isSetSupported("ExcelApi", v)` answers from the configured maximum version, and a
 * call to an API newer than that fails at sync with `ApiNotFound`, as a real host that lacks the API
 * does. The version of each gated member is copied from its `[Api set: ExcelApi x]` remark in
 * @types/office-js (test/sim/office-sim-requirements.test.ts checks this table against the typings).
 */
export const API_VERSIONS: Record<string, string> = {
  "SettingCollection.add": "1.4",
  "NamedItemCollection.add": "1.4",
  "NamedItemCollection.addFormulaLocal": "1.4",
  "NamedItemCollection.getItemOrNullObject": "1.4",
  "NamedItem.delete": "1.4",
  "NamedItem.getRangeOrNullObject": "1.4",
  "Worksheet.names": "1.4",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Workbook.customXmlParts": "1.5",
  "Range.conditionalFormats": "1.6",
  "RangeAreas.conditionalFormats": "1.9",
  "ConditionalFormatCollection.add": "1.6",
  "ConditionalFormatCollection.getItemOrNullObject": "1.14",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.getRangeByIndexes": "1.7",
  "Workbook.protection": "1.7",
  "Workbook.getActiveCell": "1.7",
  "Worksheet.onActivated": "1.7",
  "Worksheet.onChanged": "1.7",
  "Worksheet.onSelectionChanged": "1.7",
  "WorksheetCollection.onActivated": "1.7",
  "WorksheetCollection.onChanged": "1.9",
  "WorksheetCollection.onSelectionChanged": "1.9",
  "WorksheetCollection.onAdded": "1.7",
  "WorksheetCollection.onDeleted": "1.7",
  "Worksheet.getRanges": "1.9",
  "Range.getMergedAreasOrNullObject": "1.13",
  "Worksheet.notes": "1.18",
  "Workbook.notes": "1.18",
  "RunOptions.mergeUndoGroup": "1.20",
};

/**
 * `delayForCellEdit` carries no [Api set] remark in the typings or on learn.microsoft.com
 * (Excel.RunOptions); the project's toolchain notes place it at ExcelApi 1.11. Below that the option is
 * ignored (the batch fails in edit mode as without it), not refused.
 */
export const DELAY_FOR_CELL_EDIT_VERSION = "1.11";

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number), pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class Requirements {
  /** `sets` maps a set name ("ExcelApi", "ExcelApiOnline", …) to the highest version the host has. */
  constructor(private readonly sets: Record<string, string>) {}

  isSetSupported(name: string, version?: string | number): boolean {
    const max = Object.entries(this.sets).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    if (max === undefined) return false;
    return version === undefined || compareVersions(String(version).includes(".") ? String(version) : `${version}.0`, max) <= 0;
  }

  /** Null when the member is available, else the version it needs. */
  missing(member: string): string | null {
    const v = member === "RunOptions.delayForCellEdit" ? DELAY_FOR_CELL_EDIT_VERSION : API_VERSIONS[member];
    return v === undefined || this.isSetSupported("ExcelApi", v) ? null : v;
  }
}
