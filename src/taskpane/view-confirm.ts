/** An inline confirmation (Office add-ins cannot use window.confirm): a question, the cells it is about, two buttons. */
import type { Catalog } from "../i18n";
import { h } from "./dom";

export interface ConfirmCell {
  sheet?: string;
  cell: string;
  label: string;
}

export interface ConfirmContent {
  title: string;
  body: string;
  cells: ConfirmCell[];
  cellsTitle?: string;
  confirmLabel: string;
  cancelLabel: string;
}

export interface ConfirmHandlers {
  confirm(): void;
  cancel(): void;
  select(cell: ConfirmCell): void;
}

/** At most this many cells are listed; the count says how many there are. */
const MAX_CELLS = 50;

export function confirmPanel(_c: Catalog, content: ConfirmContent, on: ConfirmHandlers): HTMLElement {
  return h("section", { id: "confirm", class: "card confirm", attrs: { role: "alertdialog", "aria-labelledby": "confirm-h", "aria-describedby": "confirm-body" } },
    h("h2", { id: "confirm-h" }, content.title),
    h("p", { id: "confirm-body" }, content.body),
    content.cellsTitle ? h("p", {}, content.cellsTitle) : null,
    content.cells.length
      ? h("ul", { class: "problems", id: "confirm-cells" }, ...content.cells.slice(0, MAX_CELLS).map((x) =>
          h("li", {}, h("button", { class: "link", on: { click: () => on.select(x) } }, h("bdi", {}, x.cell), " ", h("bdi", {}, x.label)))))
      : null,
    h("div", { class: "actions" },
      h("fluent-button", { id: "confirm-yes", attrs: { appearance: "primary" }, on: { click: () => on.confirm() } }, content.confirmLabel),
      h("fluent-button", { id: "confirm-no", on: { click: () => on.cancel() } }, content.cancelLabel),
    ),
  );
}
