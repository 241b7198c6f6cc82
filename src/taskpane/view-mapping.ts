/**
 * The indicator → column mapping as a compact summary for a 320 px pane: matched n/m, then what
 * needs the user (missing, optional-missing, several candidate columns, mapped by hand) with its
 * drop-down, then the preview's other checks; every indicator that matched on its own is folded
 * into a <details>.
 */
import type { Issue } from "../core/issue";
import type { MappingRow, Preview } from "../app/pane-session";
import { type Catalog, ui } from "../i18n";
import { bdi, isolate, issueText } from "./bidi";
import { h } from "./dom";

export interface MappingHandlers {
  map(indicator: string, column: string | null): void;
  selectIssue(issue: Issue): void;
}

/** Issues about one indicator's column carry its name; the row shows them instead of the list. */
const ROW_CODES = new Set(["column.missing", "column.optionalMissing", "column.duplicate"]);
const rowIssue = (issues: Issue[], r: MappingRow) => issues.find((i) => ROW_CODES.has(i.code) && i.params.name === r.indicator);

function flagText(c: Catalog, r: MappingRow, doubt: Issue | undefined): string {
  if (r.column === null && !r.derived) return r.required ? c.ui.missing : `${c.ui.missing}${c.paren(c.ui.optional)}`;
  if (doubt?.code === "column.duplicate") return c.ui.severalColumns;
  return c.ui.mappedByHand;
}

/** The header text is worth showing only where it says more than the indicator's own name. */
const sameName = (indicator: string, header: string | null) => header === null || header.replace(/\s+/g, "").startsWith(indicator.replace(/\s+/g, ""));

export function mapping(c: Catalog, p: Preview | undefined, on: MappingHandlers): HTMLElement | null {
  const rows = p?.rows.filter((r) => r.needed) ?? [];
  if (!p || rows.length === 0) return p?.issues.length ? h("section", { id: "mapping", class: "card" }, checks(c, p.issues, on)) : null;
  const found = rows.filter((r) => r.column !== null || r.derived);
  const isMissing = (r: MappingRow) => r.column === null && !r.derived;
  const needsUser = (r: MappingRow) => isMissing(r) || r.manual || rowIssue(p.issues, r)?.code === "column.duplicate";

  const columnSelect = (indicator: string, current: string | null, idx: number) =>
    h("select", { id: `map-${idx}`, attrs: { "aria-label": `${c.ui.mapTo}${c.colon}${indicator}` }, on: { change: (e) => {
      const v = (e.target as HTMLSelectElement).value;
      on.map(indicator, v === "" ? null : v);
    } } },
      h("option", { attrs: { value: "" } }, c.ui.auto),
      ...p.headers.map((hd) => {
        // <option> holds only text: the header is isolated with FSI…PDI instead of a <bdi>.
        const o = h("option", { attrs: { value: hd.letter } }, `${hd.letter} · ${isolate(hd.text)}`);
        o.selected = hd.letter === current;
        return o;
      }),
    );

  const attention = rows.flatMap((r, i) => {
    if (!needsUser(r)) return [];
    const doubt = rowIssue(p.issues, r);
    // A required column's absence needs no sentence (the flag says it); the others say what it costs.
    const note = doubt && doubt.code !== "column.missing" ? h("p", { class: "hint" }, issueText(doubt, c)) : null;
    const cls = isMissing(r) ? (r.required ? "missing" : "optional") : doubt ? "doubtful" : "manual";
    return [h("li", { class: cls },
      h("div", { class: "row" }, bdi(r.indicator, "ind"), h("span", { class: "flag" }, flagText(c, r, doubt))),
      note,
      columnSelect(r.indicator, r.column, i),
    )];
  });

  const rest = rows.filter((r) => !needsUser(r));
  const restList = rest.length
    ? h("details", { id: "mapping-rest" },
        h("summary", {}, ui(c, "otherIndicators", { count: rest.length })),
        h("ul", { class: "map-list" },
          ...rest.map((r) => {
            if (r.derived) return h("li", {}, bdi(r.indicator, "ind"), h("span", { class: "muted" }, c.ui.derived));
            const i = rows.indexOf(r);
            // A matched column can still be wrong: the row opens to its drop-down.
            return h("li", {},
              h("details", { id: `remap-${i}`, class: "remap" },
                h("summary", { attrs: { title: `${r.column ?? ""} · ${isolate(r.header ?? "")}` } },
                  bdi(r.indicator, "ind"),
                  h("span", { class: "col" },
                    r.column ?? "",
                    sameName(r.indicator, r.header) ? null : " · ",
                    sameName(r.indicator, r.header) ? null : bdi(r.header ?? "")),
                ),
                columnSelect(r.indicator, r.column, i),
              ),
            );
          }),
        ),
      )
    : null;

  const others = p.issues.filter((i) => !(ROW_CODES.has(i.code) && rows.some((r) => r.indicator === i.params.name)));
  return h("section", { id: "mapping", class: "card", attrs: { "aria-labelledby": "mapping-h" } },
    h("div", { class: "row" },
      h("h2", { id: "mapping-h" }, c.ui.mapping),
      h("span", { id: "matched", class: `pill ${found.length === rows.length ? "ok" : "warn"}` }, `${c.ui.matched} ${found.length}/${rows.length}`),
    ),
    attention.length ? h("ul", { class: "map-attention" }, ...attention) : null,
    others.length ? checks(c, others, on) : null,
    restList,
  );
}

/** The preview's own problems (duplicate units, columns it could not read…), shown before scoring. */
function checks(c: Catalog, issues: Issue[], on: MappingHandlers): HTMLElement {
  return h("div", { id: "preview-issues" },
    h("h3", {}, c.ui.beforeScoring),
    h("ul", { class: "problems" }, ...issues.map((i) =>
      h("li", { class: i.severity },
        i.cell ? h("button", { class: "link", on: { click: () => on.selectIssue(i) } }, issueText(i, c)) : issueText(i, c)))),
  );
}
