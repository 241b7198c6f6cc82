/**
 * A run's results in the pane: counts, top/bottom, 表彰, 后进, 进步奖, vetoed units with their reasons,
 * what changed since the last run, the problems, and one unit's breakdown. Every unit name is its
 * own <bdi>, so a name holding a bidi control cannot reorder another unit's figures.
 */
import type { Issue } from "../core/issue";
import { explanationOf } from "../core/plan/explain";
import type { UnitResult } from "../core/score/types";
import type { ScoreResult } from "../app/pane-session";
import { type Catalog, ui } from "../i18n";
import { bdi, isolate, issueText, reasonText } from "./bidi";
import { rubricChangeLines, rubricIdentityText, scoredAtText } from "../i18n/rubric-change";
import { type Child, h } from "./dom";

export interface SummaryHandlers {
  selectIssue(issue: Issue): void;
  /** Show a unit's breakdown: the keyboard's way to what selecting its row in the sheet does. */
  selectUnit(unit: UnitResult): void;
}

const statusText = (c: Catalog, status: string) => (status === "scored" ? c.ui.scored : status === "vetoed" ? c.ui.vetoed : c.ui.incomplete);

interface Entry {
  name: string;
  extra?: string;
  unit?: UnitResult;
}

/**
 * Names (with an optional figure each) joined the locale's way: "甲 98、乙 97.5" / "A 98, B 97.5".
 * Each name is a button that shows the unit's breakdown.
 */
function names(c: Catalog, entries: Entry[], on: SummaryHandlers): Child[] {
  if (entries.length === 0) return [c.ui.none];
  const sep = c.list(["", ""]);
  return entries.flatMap((e, i) => {
    const unit = e.unit;
    return [
      i > 0 ? sep : null,
      h("span", { class: "unit-ref" },
        unit ? h("button", { class: "link", attrs: { type: "button" }, on: { click: () => on.selectUnit(unit) } }, bdi(e.name)) : bdi(e.name),
        e.extra ? h("span", { class: "num" }, ` ${e.extra}`) : null),
    ];
  });
}

const withTotal = (u: UnitResult): Entry => ({ name: u.unit, unit: u, ...(u.total !== null && { extra: String(u.total) }) });
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function vetoed(c: Catalog, units: UnitResult[], on: SummaryHandlers): HTMLElement {
  return h("ul", { class: "vetoed" }, ...units.map((u) => {
    const why = u.vetoReasons.map((r) => reasonText(r, c)).join(c.sep);
    return h("li", { attrs: { title: why } },
      h("button", { class: "link", attrs: { type: "button" }, on: { click: () => on.selectUnit(u) } }, bdi(u.unit, "unit")),
      why ? h("span", { class: "why" }, `${c.colon}${why}`) : null);
  }));
}

export function summary(c: Catalog, r: ScoreResult, on: SummaryHandlers): HTMLElement {
  const units = r.assessment.units;
  const named = (n: string): Entry => {
    const unit = units.find((u) => u.unit === n);
    return unit ? { name: n, unit } : { name: n };
  };
  const vetoedUnits = r.vetoed;
  const fact = (id: string, label: string, ...value: Child[]) => [h("dt", {}, label), h("dd", { id }, ...value)];
  return h("section", { id: "summary", class: "card", attrs: { "aria-labelledby": "summary-h" } },
    h("h2", { id: "summary-h" }, c.ui.summary),
    identity(c, r),
    h("p", { class: "counts" },
      h("span", { class: "pill ok" }, `${c.ui.scored} ${r.counts.scored}`),
      h("span", { class: "pill veto" }, `${c.ui.vetoed} ${r.counts.vetoed}`),
      h("span", { class: "pill warn" }, `${c.ui.incomplete} ${r.counts.incomplete}`),
    ),
    r.assessment.rubric.mode === "attainment"
      ? h("dl", { class: "facts" },
          ...fact("attained", c.labels.attained, ...names(c, r.attained.map(named), on)),
          ...fact("not-attained", c.labels.notAttained, ...names(c, r.notAttained.map(named), on)),
          ...(vetoedUnits.length ? fact("vetoed", c.ui.vetoedUnits, vetoed(c, vetoedUnits, on)) : []),
        )
      : h("dl", { class: "facts" },
          ...fact("top", c.ui.top, ...names(c, r.top.map(withTotal), on)),
          ...(r.bottom.length ? fact("bottom", c.ui.bottom, ...names(c, r.bottom.map(withTotal), on)) : []),
          ...fact("commended", c.ui.commended, ...names(c, r.commended.map(named), on)),
          ...fact("laggards", c.ui.laggards, ...names(c, r.laggards.map(named), on)),
          ...(r.comparesLastYear ? fact("progress", c.ui.progressUnits, ...names(c, r.progress.map((u) => ({ name: u.unit, unit: u, ...(u.improvement !== undefined && { extra: signed(u.improvement) }) })), on)) : []),
          ...(vetoedUnits.length ? fact("vetoed", c.ui.vetoedUnits, vetoed(c, vetoedUnits, on)) : []),
        ),
    rubricChanged(c, r),
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
      : h("ul", { class: "changes" }, ...r.changes.map((ch) =>
          h("li", {}, bdi(ch.unit, "ind"), h("span", {}, `${ch.before ? standing(c, ch.before) : c.ui.added} → ${standing(c, ch.after)}`)))),
  );
}

/** Which rubric (version and checksum) scored, and when: what a result needs to be reproduced. */
function identity(c: Catalog, r: ScoreResult): HTMLElement {
  const a = r.assessment.rubric;
  return h("p", { id: "rubric-identity", class: "muted" },
    rubricIdentityText(c, { id: a.id, version: isolate(a.version), hash: a.hash }),
    r.scoredAt ? h("span", { class: "at" }, `${c.sep}${scoredAtText(c, r.scoredAt)}`) : null);
}

/** Re-scored with a changed version of the same rubric: say that the rules changed, and which. */
function rubricChanged(c: Catalog, r: ScoreResult): HTMLElement | null {
  if (!r.rubricChange) return null;
  const [headline, ...details] = rubricChangeLines(c, r.rubricChange, isolate);
  return h("div", { id: "rubric-change", attrs: { role: "status" } },
    h("h3", {}, headline ?? ""),
    details.length ? h("ul", { class: "changes" }, ...details.map((d) => h("li", {}, d))) : null);
}

/** The pane lists this many problems; the results sheet has them all. */
const MAX_LISTED = 100;

function problems(c: Catalog, list: Issue[], on: SummaryHandlers): HTMLElement {
  const shown = list.slice(0, MAX_LISTED);
  return h("div", { id: "problems" },
    h("h3", {}, `${c.ui.problems} (${list.length})`),
    list.length === 0 ? h("p", { class: "muted" }, c.ui.noProblems)
      : h("ul", { class: "problems" }, ...shown.map((p) =>
          h("li", { class: p.severity },
            p.cell ? h("button", { class: "link", on: { click: () => on.selectIssue(p) } }, issueText(p, c)) : issueText(p, c)))),
    list.length > shown.length ? h("p", { class: "muted" }, ui(c, "moreProblems", { count: list.length - shown.length, sheet: c.labels.resultsSheet })) : null,
  );
}

/** A unit's breakdown: what core/plan/explain says of it (as the note and the 考核明细 row do), as a card. */
export function breakdown(c: Catalog, u: UnitResult | undefined): HTMLElement {
  if (!u) return h("section", { id: "breakdown", class: "card muted" }, c.ui.selectUnit);
  const e = explanationOf(u);
  return h("section", { id: "breakdown", class: "card", attrs: { "aria-live": "polite", "aria-labelledby": "breakdown-h" } },
    h("h2", { id: "breakdown-h" }, bdi(u.unit)),
    h("p", { class: "counts" },
      h("span", { class: `pill ${u.status === "scored" ? "ok" : u.status === "vetoed" ? "veto" : "warn"}` }, statusText(c, u.status)),
      u.total !== null ? h("span", { class: "pill" }, `${c.labels.total} ${u.total}`) : null,
      u.rank !== null ? h("span", { class: "pill" }, ui(c, "rankN", { rank: u.rank })) : null,
    ),
    ...e.outcomeReasons.map((r) => h("p", { class: "outcome-line" }, reasonText(r, c))),
    ...e.vetoes.map((r) => h("p", { class: "veto-line" }, reasonText(r, c))),
    e.problems.length ? h("ul", { class: "problems" }, ...e.problems.map((p) => h("li", {}, issueText(p, c)))) : null,
    h("ul", { class: "items" },
      ...e.items.map((i) =>
        h("li", {},
          h("div", { class: "row" }, bdi(i.name, "ind"), i.score !== null && i.max !== null ? h("span", { class: "score" }, `${i.score}/${i.max}`) : null),
          h("ul", { class: "reasons" }, ...i.reasons.map((d) => h("li", {}, reasonText(d.reason, c), d.cell ? h("span", { class: "muted" }, ` ${d.cell}`) : null))),
        ),
      ),
      e.fullMarks ? h("li", { class: "muted" }, c.ui.fullMarks) : null,
    ),
  );
}
