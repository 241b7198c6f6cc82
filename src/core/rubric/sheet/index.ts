/** The rubric as a 评分细则 sheet: written from any rubric document, read back into one. */
export { rubricToSheet, type RubricSheet, type SheetValidation, type SheetValue } from "./to-sheet";
export { sheetToRubric, compileRubricSheet, type SheetRubric } from "./from-sheet";
export { SHEET_NAME } from "./layout";
export { isRubricSheet, freeSheetName, DETECT_COLS, DETECT_ROWS } from "./detect";
export { rubricTemplateSheet } from "./template";
