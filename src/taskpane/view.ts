/** The pane's sections, as DOM. Pure functions of what the pane knows; events call back into it. */
import type { Issue } from "../core/issue";
import type { UnitResult } from "../core/score/types";
import type { Preview, RubricChoice } from "../app/pane-session";
import type { Catalog } from "../i18n";
import { balanceBidi, issueText } from "./bidi";
import { h } from "./dom";

export { mapping } from "./view-mapping";
export { breakdown, summary } from "./view-summary";
export { newRubricSheet } from "./view-rubric-sheet";
import { choiceLabel } from "./view-rubric-sheet";

export interface Handlers {
  chooseRubric(id: string): void;
  importRubric(file: File): void;
  map(indicator: string, column: string | null): void;
  score(): void;
  clear(): void;
  reload(): void;
  toggleLanguage(): void;
  selectIssue(issue: Issue): void;
  selectUnit(unit: UnitResult): void;
  newRubricSheet(source: string | null): void;
}

export function header(c: Catalog, on: Handlers): HTMLElement {
  return h("header", { class: "bar" },
    h("h1", {}, c.ui.title),
    h("fluent-button", { id: "lang", attrs: { appearance: "subtle", size: "small", lang: c.locale === "zh-CN" ? "en" : "zh" }, on: { click: () => on.toggleLanguage() } }, c.ui.language),
  );
}

/** Sheet and rubric in one card: what is being scored, with what. */
export function context(c: Catalog, p: Preview | undefined, choices: RubricChoice[], current: string, on: Handlers): HTMLElement {
  const select = h("select", { id: "rubric", attrs: { "aria-labelledby": "rubric-label" }, on: { change: (e) => on.chooseRubric((e.target as HTMLSelectElement).value) } },
    ...choices.map((r) => {
      // Imported rubrics and 评分细则 sheets come from the workbook: isolated, since an <option> holds text only.
      const o = h("option", { attrs: { value: r.id } }, choiceLabel(c, r));
      o.selected = r.id === current;
      return o;
    }),
  );
  const file = h("input", { id: "rubric-file", class: "visually-hidden", attrs: { type: "file", accept: ".json,.yaml,.yml", tabindex: "-1", "aria-hidden": "true" } });
  file.addEventListener("change", () => {
    const f = file.files?.[0];
    if (f) on.importRubric(f);
    file.value = "";
  });
  return h("section", { id: "context", class: "card", attrs: { "aria-labelledby": "sheet-h" } },
    h("div", { class: "row" },
      h("h2", { id: "sheet-h" }, c.ui.sheet, " ", h("bdi", { id: "sheet-name" }, balanceBidi(p?.sheet || "—"))),
      h("fluent-button", { id: "reload", attrs: { appearance: "subtle", size: "small" }, on: { click: () => on.reload() } }, c.ui.reload),
    ),
    h("dl", { class: "inline-facts" },
      h("dt", {}, c.ui.headerRow), h("dd", { id: "header-row" }, p?.headerRow ?? "—"),
      h("dt", {}, c.ui.unitColumn), h("dd", { id: "unit-column" }, p?.unitColumn ?? "—"),
    ),
    h("div", { class: "row" },
      h("h2", { id: "rubric-label" }, c.ui.rubric),
      h("fluent-button", { id: "import", attrs: { appearance: "subtle", size: "small" }, on: { click: () => file.click() } }, c.ui.importRubric),
    ),
    select,
    file,
  );
}

export function actions(c: Catalog, busy: string | null, on: Handlers): HTMLElement {
  return h("section", { class: "actions" },
    h("fluent-button", { id: "score", attrs: { appearance: "primary", disabled: busy !== null }, on: { click: () => on.score() } }, c.ui.score),
    h("fluent-button", { id: "clear", attrs: { disabled: busy !== null }, on: { click: () => on.clear() } }, c.ui.clear),
    busy ? h("span", { class: "busy", attrs: { role: "status" } }, h("fluent-spinner", { attrs: { size: "tiny", "aria-hidden": "true" } }), busy) : null,
  );
}

/** A one-line status: "ok" for something done, "info" for something the user should know. */
export function notice(text: string | null, tone: "ok" | "info" = "ok"): HTMLElement {
  return h("p", { id: "notice", class: text ? `notice ${tone}` : "notice empty", attrs: { role: "status", "aria-live": "polite" } }, text ?? "");
}

export function errors(c: Catalog, issues: Issue[], on: Handlers): HTMLElement | null {
  const errs = issues.filter((i) => i.severity === "error");
  if (!errs.length) return null;
  return h("section", { id: "errors", class: "card error", attrs: { role: "alert" } },
    h("ul", {}, ...errs.map((i) => h("li", {}, i.cell ? h("button", { class: "link", on: { click: () => on.selectIssue(i) } }, issueText(i, c)) : issueText(i, c)))),
  );
}

export function needsExcel(c: Catalog, detail: string): HTMLElement {
  return h("section", { id: "needs-excel", class: "card", attrs: { role: "alert" } }, h("h2", {}, c.ui.needsExcel), h("p", {}, detail));
}
