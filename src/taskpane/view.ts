/** The pane's sections, as DOM. Pure functions of what the pane knows; events call back into it. */
import type { Issue } from "../core/issue";
import type { UnitResult } from "../core/score/types";
import type { Preview, RubricChoice, ScoreResult } from "../app/pane-session";
import { type Catalog, formatIssueWithPlace, formatReason, ui } from "../i18n";
import { h } from "./dom";

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
}

const statusText = (c: Catalog, status: string) => (status === "scored" ? c.ui.scored : status === "vetoed" ? c.ui.vetoed : c.ui.incomplete);

export function header(c: Catalog, on: Handlers): HTMLElement {
  return h("header", { class: "bar" },
    h("h1", {}, c.ui.title),
    h("fluent-button", { id: "lang", attrs: { appearance: "subtle", size: "small", lang: c.locale === "zh-CN" ? "en" : "zh" }, on: { click: () => on.toggleLanguage() } }, c.ui.language),
  );
}

export function sheetInfo(c: Catalog, p: Preview | undefined, on: Handlers): HTMLElement {
  return h("section", { class: "card", attrs: { "aria-labelledby": "sheet-h" } },
    h("div", { class: "row" },
      h("h2", { id: "sheet-h" }, c.ui.sheet),
      h("fluent-button", { id: "reload", attrs: { appearance: "subtle", size: "small" }, on: { click: () => on.reload() } }, c.ui.reload),
    ),
    h("dl", { class: "facts" },
      h("dt", {}, c.ui.sheet), h("dd", { id: "sheet-name" }, p?.sheet ?? "—"),
      h("dt", {}, c.ui.headerRow), h("dd", { id: "header-row" }, p?.headerRow ?? "—"),
      h("dt", {}, c.ui.unitColumn), h("dd", { id: "unit-column" }, p?.unitColumn ?? "—"),
    ),
  );
}

export function rubricPicker(c: Catalog, choices: RubricChoice[], current: string, on: Handlers): HTMLElement {
  const select = h("select", { id: "rubric", on: { change: (e) => on.chooseRubric((e.target as HTMLSelectElement).value) } },
    ...choices.map((r) => {
      const o = h("option", { attrs: { value: r.id } }, `${r.name}${r.fromWorkbook ? c.ui.fromWorkbook : ""}`);
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
  return h("section", { class: "card", attrs: { "aria-labelledby": "rubric-label" } },
    h("label", { id: "rubric-label", attrs: { for: "rubric" } }, h("h2", {}, c.ui.rubric)),
    select,
    h("fluent-button", { id: "import", attrs: { appearance: "subtle", size: "small" }, on: { click: () => file.click() } }, c.ui.importRubric),
    file,
  );
}

export function mapping(c: Catalog, p: Preview | undefined, on: Handlers): HTMLElement | null {
  const rows = p?.rows.filter((r) => r.needed) ?? [];
  if (!p || rows.length === 0) return null;
  const found = rows.filter((r) => r.column !== null || r.derived);
  const missing = rows.filter((r) => r.column === null && !r.derived);
  const columnSelect = (indicator: string, current: string | null, idx: number) => {
    const sel = h("select", { id: `map-${idx}`, attrs: { "aria-label": `${c.ui.mapTo}: ${indicator}` }, on: { change: (e) => {
      const v = (e.target as HTMLSelectElement).value;
      on.map(indicator, v === "" ? null : v);
    } } },
      h("option", { attrs: { value: "" } }, c.ui.auto),
      ...p.headers.map((hd) => {
        const o = h("option", { attrs: { value: hd.letter } }, `${hd.letter} · ${hd.text}`);
        o.selected = hd.letter === current;
        return o;
      }),
    );
    return sel;
  };
  const details = h("details", { id: "mapping", attrs: { open: missing.some((r) => r.required) } },
    h("summary", {}, `${c.ui.mapping}${c.colon}${c.ui.matched} ${found.length}/${rows.length}`),
    h("ul", { class: "map-list" },
      ...rows.map((r, i) =>
        h("li", { class: r.column === null && !r.derived ? (r.required ? "missing" : "optional") : "" },
          h("span", { class: "ind" }, r.indicator),
          r.derived ? h("span", { class: "muted" }, c.ui.derived)
            : r.column ? h("span", { class: "col" }, `${r.column} · ${r.header ?? ""}`)
            : h("span", { class: "flag" }, r.required ? c.ui.missing : `${c.ui.missing}${c.paren(c.ui.optional)}`),
          r.column === null || r.manual ? columnSelect(r.indicator, r.column, i) : null,
        ),
      ),
    ),
  );
  return h("section", { class: "card" }, details);
}

export function actions(c: Catalog, busy: string | null, on: Handlers): HTMLElement {
  return h("section", { class: "actions" },
    h("fluent-button", { id: "score", attrs: { appearance: "primary", disabled: busy !== null }, on: { click: () => on.score() } }, c.ui.score),
    h("fluent-button", { id: "clear", attrs: { disabled: busy !== null }, on: { click: () => on.clear() } }, c.ui.clear),
    busy ? h("span", { class: "busy", attrs: { role: "status" } }, h("fluent-spinner", { attrs: { size: "tiny", "aria-hidden": "true" } }), busy) : null,
  );
}

export function notice(text: string | null): HTMLElement {
  return h("p", { id: "notice", class: text ? "notice" : "notice empty", attrs: { role: "status", "aria-live": "polite" } }, text ?? "");
}

export function errors(c: Catalog, issues: Issue[], on: Handlers): HTMLElement | null {
  const errs = issues.filter((i) => i.severity === "error");
  if (!errs.length) return null;
  return h("section", { id: "errors", class: "card error", attrs: { role: "alert" } },
    h("ul", {}, ...errs.map((i) => h("li", {}, i.cell ? h("button", { class: "link", on: { click: () => on.selectIssue(i) } }, formatIssueWithPlace(i, c)) : formatIssueWithPlace(i, c)))),
  );
}

const unitLabel = (u: UnitResult) => `${u.unit}${u.total !== null ? ` ${u.total}` : ""}`;

export function summary(c: Catalog, r: ScoreResult, on: Handlers): HTMLElement {
  const list = (units: UnitResult[]) => (units.length ? c.list(units.map((u) => unitLabel(u))) : c.ui.none);
  return h("section", { id: "summary", class: "card", attrs: { "aria-labelledby": "summary-h" } },
    h("h2", { id: "summary-h" }, c.ui.summary),
    h("p", { class: "counts" },
      h("span", { class: "pill ok" }, `${c.ui.scored} ${r.counts.scored}`),
      h("span", { class: "pill veto" }, `${c.ui.vetoed} ${r.counts.vetoed}`),
      h("span", { class: "pill warn" }, `${c.ui.incomplete} ${r.counts.incomplete}`),
    ),
    r.assessment.rubric.mode === "attainment"
      ? h("dl", { class: "facts" },
          h("dt", {}, c.labels.attained), h("dd", { id: "attained" }, c.list(r.attained) || c.ui.none),
          h("dt", {}, c.labels.notAttained), h("dd", { id: "not-attained" }, c.list(r.notAttained) || c.ui.none),
        )
      : h("dl", { class: "facts" },
          h("dt", {}, c.ui.top), h("dd", { id: "top" }, list(r.top)),
          r.bottom.length ? h("dt", {}, c.ui.bottom) : null, r.bottom.length ? h("dd", { id: "bottom" }, list(r.bottom)) : null,
          h("dt", {}, c.ui.commended), h("dd", { id: "commended" }, c.list(r.commended) || c.ui.none),
          h("dt", {}, c.ui.laggards), h("dd", { id: "laggards" }, c.list(r.laggards) || c.ui.none),
        ),
    changes(c, r),
    problems(c, r.assessment.problems, on),
  );
}

function standing(c: Catalog, s: { status: string; rank: number | null } | null): string {
  if (!s) return c.ui.removed;
  return s.status === "incomplete" ? c.ui.incomplete : `${s.status === "vetoed" ? `${c.ui.vetoed} ` : ""}${s.rank === null ? c.ui.unranked : ui(c, "rankN", { rank: s.rank })}`;
}

function changes(c: Catalog, r: ScoreResult): HTMLElement | null {
  if (!r.changes) return null;
  return h("div", { id: "changes" },
    h("h3", {}, ui(c, "changesSince", { rubric: r.previousRubric ?? "" })),
    r.changes.length === 0 ? h("p", { class: "muted" }, c.ui.noChanges)
      : h("ul", { class: "changes" }, ...r.changes.map((ch) => h("li", {}, h("span", { class: "ind" }, ch.unit), `${ch.before ? standing(c, ch.before) : c.ui.added} → ${standing(c, ch.after)}`))),
  );
}

/** The pane lists this many problems; the results sheet has them all. */
const MAX_LISTED = 100;

function problems(c: Catalog, list: Issue[], on: Handlers): HTMLElement {
  const shown = list.slice(0, MAX_LISTED);
  return h("div", { id: "problems" },
    h("h3", {}, `${c.ui.problems} (${list.length})`),
    list.length === 0 ? h("p", { class: "muted" }, c.ui.noProblems)
      : h("ul", { class: "problems" }, ...shown.map((p) =>
          h("li", { class: p.severity },
            p.cell ? h("button", { class: "link", on: { click: () => on.selectIssue(p) } }, formatIssueWithPlace(p, c)) : formatIssueWithPlace(p, c)))),
    list.length > shown.length ? h("p", { class: "muted" }, ui(c, "moreProblems", { count: list.length - shown.length, sheet: c.labels.resultsSheet })) : null,
  );
}

export function breakdown(c: Catalog, u: UnitResult | undefined): HTMLElement {
  if (!u) return h("section", { id: "breakdown", class: "card muted" }, c.ui.selectUnit);
  const lines = u.items.filter((i) => i.deductions.length || i.findings.length);
  return h("section", { id: "breakdown", class: "card", attrs: { "aria-live": "polite" } },
    h("h2", {}, u.unit),
    h("p", { class: "counts" },
      h("span", { class: `pill ${u.status === "scored" ? "ok" : u.status === "vetoed" ? "veto" : "warn"}` }, statusText(c, u.status)),
      u.total !== null ? h("span", { class: "pill" }, `${c.labels.total} ${u.total}`) : null,
      u.rank !== null ? h("span", { class: "pill" }, ui(c, "rankN", { rank: u.rank })) : null,
    ),
    ...u.vetoReasons.map((r) => h("p", { class: "veto-line" }, formatReason(r, c))),
    u.status === "incomplete"
      ? h("ul", { class: "problems" }, ...u.problems.filter((p) => p.severity === "error").map((p) => h("li", {}, formatIssueWithPlace(p, c))))
      : h("ul", { class: "items" },
          ...lines.map((i) =>
            h("li", {},
              h("div", { class: "row" }, h("span", { class: "ind" }, i.name), i.score !== null && i.max !== null ? h("span", { class: "score" }, `${i.score}/${i.max}`) : null),
              h("ul", { class: "reasons" }, ...[...i.deductions, ...i.findings].map((d) => h("li", {}, formatReason(d.reason, c), d.cell ? h("span", { class: "muted" }, ` ${d.cell}`) : null))),
            ),
          ),
          lines.length < u.items.length ? h("li", { class: "muted" }, c.ui.fullMarks) : null,
        ),
  );
}

export function needsExcel(c: Catalog, detail: string): HTMLElement {
  return h("section", { id: "needs-excel", class: "card", attrs: { role: "alert" } }, h("h2", {}, c.ui.needsExcel), h("p", {}, detail));
}
