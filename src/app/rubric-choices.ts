/**
 * Every rubric the pane can score with: the built-ins, those imported into the workbook, and its
 * 评分细则 sheets as last read (with their problems). One place answers "which rubric is this choice".
 */
import type { Grid } from "../core/grid";
import { issue, type Result, fail, ok } from "../core/issue";
import type { WorkbookState } from "../core/ownership/record";
import type { Compiled } from "../core/rubric/compile";
import { isBuiltin, RubricRegistry, type RubricChoice } from "./rubric-registry";
import { parseRubricText } from "./rubrics";
import { sheetChoiceId, sheetOfChoice, sheetRubric, type SheetRubrics } from "./rubric-sheet";

export class RubricChoices {
  private readonly registry = new RubricRegistry();
  private sheets: SheetRubrics = new Map();

  /** Re-read the workbook's imported rubric documents. */
  load(docs: ReadonlyArray<unknown>): void {
    this.registry.load(docs);
  }

  /** The workbook's 评分细则 sheets, read afresh. */
  setSheets(sheets: SheetRubrics): void {
    this.sheets = sheets;
  }

  /** The built-ins, the imported rubrics, then the 评分细则 sheets (with their error counts). */
  list(): RubricChoice[] {
    const sheets = [...this.sheets].map(([sheet, r]): RubricChoice => ({
      id: sheetChoiceId(sheet), name: r.ok ? r.value.rubric.name : sheet, fromWorkbook: true, sheet,
      problems: r.ok ? 0 : r.issues.filter((i) => i.severity === "error").length,
    }));
    return [...this.registry.choices(), ...sheets];
  }

  isSheet(name: string | undefined): boolean {
    return name !== undefined && this.sheets.has(name);
  }

  /** True when `id` names a rubric there is (a 评分细则 sheet counts even with errors: the pane shows them). */
  knows(id: string): boolean {
    const sheet = sheetOfChoice(id);
    return this.registry.find(id) !== undefined || (sheet !== undefined && this.sheets.has(sheet));
  }

  /** The 评分细则 sheet a choice names, with what it holds; undefined when it names none that exists. */
  onSheet(id: string | undefined): { sheet: string; rubric: Result<Compiled> } | undefined {
    const sheet = sheetOfChoice(id);
    const rubric = sheet === undefined ? undefined : this.sheets.get(sheet);
    return sheet === undefined || rubric === undefined ? undefined : { sheet, rubric };
  }

  /** The rubric of the saved choice; else (none, gone, or a sheet with errors) the best match for the sheet's headers. */
  current(id: string | undefined, grid: Grid | undefined): Compiled {
    const onSheet = this.onSheet(id)?.rubric;
    if (onSheet?.ok) return onSheet.value;
    return this.registry.find(id) ?? this.registry.bestMatch(grid);
  }

  /** The rubric a choice id names: a built-in, an imported one, or a 评分细则 sheet's (refused with its problems). */
  choice(id: string): Result<Compiled> {
    const sheet = sheetOfChoice(id);
    if (sheet !== undefined) return sheetRubric(this.sheets, sheet);
    const found = this.registry.find(id);
    return found ? ok(found) : fail(issue("rubric.unknownBuiltin", { id, available: this.list().map((r) => r.id).join(", ") }));
  }

  /**
   * A 评分细则 sheet is what the pane scores with, not what it scores: while the user is on one (to edit
   * it, or after clicking one of its problems), the sheet to score is the previous one, else the first
   * that holds no rubric. Undefined when the active sheet is not a rubric sheet or there is no other.
   */
  dataSheet(active: string, names: ReadonlyArray<string>, previous: string | undefined): string | undefined {
    if (!this.sheets.has(active)) return undefined;
    if (previous !== undefined && previous !== active && names.includes(previous)) return previous;
    return names.find((n) => n !== active && !this.sheets.has(n));
  }
}

/** The state with a rubric imported from a file (replacing an earlier import of the same id) and chosen. */
export function withImported(state: WorkbookState, text: string, fileName: string): Result<{ state: WorkbookState; id: string }> {
  const parsed = parseRubricText(text, fileName);
  if (!parsed.ok) return parsed;
  const id = parsed.value.rubric.id;
  if (isBuiltin(id)) return fail(issue("rubric.duplicateName", { name: id, path: "id" }, { path: ["id"] }));
  const others = state.rubrics.filter((d) => (d as { id?: unknown }).id !== id);
  return ok({ state: { ...state, rubrics: [...others, parsed.value.rubric.doc], rubricId: id }, id });
}
