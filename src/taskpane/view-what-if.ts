/**
 * 差距分析 below a unit's breakdown: a button that runs it (every value tried re-assesses the whole
 * sheet, so it runs when asked, not on every selection), then per goal the least change of each
 * indicator that reaches it, or that none does alone. Workbook and rubric text is isolated (bidi).
 */
import type { UnitResult } from "../core/score/types";
import type { Goal, WhatIf, WhatIfChange } from "../core/what-if/what-if";
import type { Catalog } from "../i18n";
import { type WhatIfWords, whatIfWords } from "../i18n/what-if";
import { isolate, reasonText } from "./bidi";
import { h } from "./dom";

export interface WhatIfHandlers {
  analyse(unit: UnitResult): void;
  /** Select the unit's cell for an indicator in the sheet. */
  selectCell(cell: string): void;
}

/** The change with its rubric texts isolated, so a name cannot reorder the figures around it. */
function safeChange(ch: WhatIfChange): WhatIfChange {
  const after = ch.after.grade === undefined ? ch.after : { ...ch.after, grade: isolate(ch.after.grade) };
  return { ...ch, indicator: isolate(ch.indicator), after };
}

const goalText = (g: Goal, t: WhatIfWords): string => t.goal(g.kind === "grade" ? { ...g, label: isolate(g.label) } : g);

export function whatIfSection(c: Catalog, unit: UnitResult, report: WhatIf | undefined, busy: boolean, on: WhatIfHandlers): HTMLElement {
  // A veto's reason is the rubric's text: isolated the way the breakdown shows it.
  const t = whatIfWords(c, (r) => reasonText(r, c));
  const body: (HTMLElement | null)[] = [];
  if (unit.status === "incomplete") body.push(h("p", { class: "muted" }, t.incomplete));
  else if (!report) {
    body.push(
      h("p", { class: "muted" }, t.scope),
      h("fluent-button", { id: "what-if-run", attrs: { size: "small", disabled: busy }, on: { click: () => on.analyse(unit) } }, t.run),
    );
  } else if (report.goals.length === 0) body.push(h("p", {}, t.nothing));
  else {
    for (const a of report.goals) {
      body.push(h("h3", {}, goalText(a.goal, t)));
      body.push(a.changes.length === 0
        ? h("p", { class: "muted" }, t.none)
        : h("ul", { class: "what-if-changes" }, ...a.changes.map((ch) =>
            h("li", {}, h("button", { class: "link", attrs: { type: "button", title: ch.cell }, on: { click: () => on.selectCell(ch.cell) } }, t.change(safeChange(ch)))))));
    }
    if (report.untried.length) body.push(h("p", { class: "muted" }, t.untried({ ...report, untried: report.untried.map(isolate) })));
    body.push(h("p", { class: "muted" }, t.scope));
  }
  return h("section", { id: "what-if", class: "card", attrs: { "aria-labelledby": "what-if-h", "aria-live": "polite" } }, h("h2", { id: "what-if-h" }, t.title), ...body);
}
