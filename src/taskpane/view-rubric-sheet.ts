/**
 * 新建评分细则: what the new 评分细则 sheet starts from (the empty template, or a copy of any rubric
 * the pane offers) and the button that adds it. Rubric names come from workbooks: isolated text only.
 */
import type { RubricChoice } from "../app/pane-session";
import { type Catalog, ui } from "../i18n";
import { isolate } from "./bidi";
import { h } from "./dom";

export interface RubricSheetHandlers {
  /** `source`: a rubric choice's id to copy, or null for the empty template. */
  newRubricSheet(source: string | null): void;
}

/** A rubric as the pickers show it: its name, where it lives, and a sheet's error count. */
export function choiceLabel(c: Catalog, r: RubricChoice): string {
  const where = r.sheet !== undefined ? ui(c, "onSheet", { sheet: isolate(r.sheet) }) : r.fromWorkbook ? c.ui.fromWorkbook : "";
  return `${isolate(r.name)}${where}${r.problems ? ui(c, "sheetProblems", { count: r.problems }) : ""}`;
}

export function newRubricSheet(c: Catalog, choices: ReadonlyArray<RubricChoice>, busy: boolean, on: RubricSheetHandlers): HTMLElement {
  const from = h("select", { id: "new-sheet-from", attrs: { "aria-label": c.ui.newSheetFrom } },
    h("option", { attrs: { value: "" } }, c.ui.blankTemplate),
    // A sheet with errors cannot be copied as a rubric: it is not one yet.
    ...choices.filter((r) => !r.problems).map((r) => h("option", { attrs: { value: r.id } }, choiceLabel(c, r))),
  );
  return h("section", { id: "rubric-sheet", class: "card" },
    h("div", { class: "row" },
      from,
      h("fluent-button", { id: "new-sheet", attrs: { size: "small", disabled: busy }, on: { click: () => on.newRubricSheet(from.value === "" ? null : from.value) } }, c.ui.newRubricSheet),
    ),
  );
}
