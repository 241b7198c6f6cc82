/** The string enums of the Excel namespace that add-in code reads at run time (values as in @types/office-js). */
export const excelEnums = {
  ConditionalFormatType: { custom: "Custom", dataBar: "DataBar", colorScale: "ColorScale", iconSet: "IconSet", topBottom: "TopBottom", presetCriteria: "PresetCriteria", containsText: "ContainsText", cellValue: "CellValue" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks", resetContents: "ResetContents" },
  InsertShiftDirection: { down: "Down", right: "Right" },
  DeleteShiftDirection: { up: "Up", left: "Left" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  NamedItemScope: { worksheet: "Worksheet", workbook: "Workbook" },
  NamedItemType: { string: "String", integer: "Integer", double: "Double", boolean: "Boolean", range: "Range", error: "Error", array: "Array" },
  RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error", richValue: "RichValue" },
  EventSource: { local: "Local", remote: "Remote" },
  EventType: { worksheetChanged: "WorksheetChanged", worksheetSelectionChanged: "WorksheetSelectionChanged", worksheetActivated: "WorksheetActivated", worksheetAdded: "WorksheetAdded", worksheetDeleted: "WorksheetDeleted" },
  ErrorCodes: {
    accessDenied: "AccessDenied", apiNotFound: "ApiNotFound", generalException: "GeneralException", invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation", invalidReference: "InvalidReference", itemAlreadyExists: "ItemAlreadyExists", itemNotFound: "ItemNotFound",
    nonBlankCellOffSheet: "NonBlankCellOffSheet", rangeExceedsLimit: "RangeExceedsLimit", responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    invalidOperationInCellEditMode: "InvalidOperationInCellEditMode", mergedRangeConflict: "MergedRangeConflict",
  },
} as const;
