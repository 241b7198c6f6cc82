/**
 * An inline confirmation panel (Office add-ins cannot use window.confirm): a title, a sentence, the
 * cells concerned as buttons that select them in the sheet, and a primary and a secondary action.
 * Workbook text (sheet names, labels) is isolated; nothing here is built from markup.
 */
import type { Catalog } from "../i18n";
import { bdi } from "./bidi";
import { h } from "./dom";

export interface ConfirmCell {
  cell: string;
  sheet: string;
  /** What the cell is, e.g. "阳光社区 · 考核结果": shown beside the address. */
  label: string;
}

export interface ConfirmOptions {
  title: string;
  body?: string;
  cells: ReadonlyArray<ConfirmCell>;
  confirmLabel: string;
  cancelLabel: string;
}

export interface ConfirmHandlers {
  confirm(): void;
  cancel(): void;
  select(cell: ConfirmCell): void;
}

/** The panel lists this many cells; the title gives the full count. */
const MAX_CELLS = 50;

export function confirmPanel(c: Catalog, o: ConfirmOptions, on: ConfirmHandlers): HTMLElement {
  // The buttons are `confirm-ok` and `confirm-cancel`.
  const id = "confirm";
  const shown = o.cells.slice(0, MAX_CELLS);
  return h("section", { id, class: "card confirm", attrs: { role: "alertdialog", "aria-modal": "false", "aria-labelledby": `${id}-h`, ...(o.body && { "aria-describedby": `${id}-body` }) } },
    // Focusable from script (not by Tab), so the pane can move focus to the question when it appears.
    h("h2", { id: `${id}-h`, attrs: { tabindex: "-1" } }, o.title),
    o.body ? h("p", { id: `${id}-body` }, o.body) : null,
    shown.length
      ? h("ul", { class: "confirm-cells" }, ...shown.map((cell) =>
          h("li", {},
            h("button", { class: "link", attrs: { type: "button", title: c.ui.selectCell }, on: { click: () => on.select(cell) } },
              bdi(cell.sheet, "sheet"), "!", h("span", { class: "addr" }, cell.cell),
              cell.label ? h("span", { class: "muted" }, " · ", bdi(cell.label)) : null,
            ),
          )))
      : null,
    o.cells.length > shown.length ? h("p", { class: "muted" }, `… ${o.cells.length - shown.length}`) : null,
    h("div", { class: "confirm-actions" },
      h("fluent-button", { id: `${id}-ok`, attrs: { appearance: "primary" }, on: { click: () => on.confirm() } }, o.confirmLabel),
      h("fluent-button", { id: `${id}-cancel`, on: { click: () => on.cancel() } }, o.cancelLabel),
    ),
  );
}
