/** Terminal output: the ranking table and the rubric list. */
import type { Assessment } from "../core/assess";
import type { Compiled } from "../core/rubric/compile";
import { attainedText, resultText } from "../core/plan/explain";
import { type Catalog, texts } from "../i18n";
import { renderTable } from "./text-table";
import { escapeControls, shown } from "./terminal-text";
import type { Reason } from "../core/score/types";
import { rubricIdentity } from "../core/rubric/hash";
import { shortHash } from "../i18n/rubric-change";

export function renderScoreTable(a: Assessment, c: Catalog): string {
  const t = texts(c);
  const L = c.labels;
  const points = a.rubric.mode === "points";
  const composites = (a.units[0]?.composites ?? []).filter((_, i) => a.units.some((u) => u.composites[i]?.value !== null)).map((x) => x.name);
  const sorted = [...a.units].sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || x.row - y.row);
  const header = points
    ? [L.rank, L.unit, L.status, L.total, ...composites, L.result]
    : [L.unit, L.status, L.attainedCount, L.result];
  const rows = sorted.map((u) => {
    const result = resultText(u, t);
    if (!points) return [u.unit, L[u.status], attainedText(u) ?? "", result];
    const comp = composites.map((n) => String(u.composites.find((x) => x.name === n)?.value ?? ""));
    return [u.rank === null ? "" : String(u.rank), u.unit, L[u.status], u.total === null ? "" : String(u.total), ...comp, result];
  });
  // Why a grade is not the one the total earns (等次名额, 否决后等次): one line per reason below the table.
  // Each rubric- or workbook-supplied text is cut and escaped on its own (as printableIssue does), the line as a whole escaped.
  const safe = (r: Reason): Reason => ({ ...r, params: Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, typeof v === "string" ? shown(v) : v])) });
  const why = sorted.flatMap((u) =>
    (u.outcomeReasons ?? []).filter((r) => r.code.startsWith("grade.")).map((r) => `${shown(u.unit)}${c.colon}${escapeControls(t.reason(safe(r)))}`),
  );
  const notes = why.length ? `\n${why.join("\n")}` : "";
  return `${shown(a.rubric.name)}${c.paren(shown(a.rubric.id))}${c.sep}${shown(a.sheet)}\n${renderTable(header, rows)}${notes}`;
}

export function renderRubricList(list: ReadonlyArray<Compiled>, c: Catalog, json: boolean): string {
  if (json) {
    return JSON.stringify(
      list.map(({ rubric: r }) => ({ id: r.id, name: r.name, version: r.version, hash: rubricIdentity(r.doc).hash, mode: r.mode, items: r.items.length })),
      null,
      2,
    );
  }
  return renderTable(
    ["id", c.labels.rubric, "version", "sha256", "mode", c.labels.item],
    list.map(({ rubric: r }) => [r.id, r.name, r.version, shortHash(rubricIdentity(r.doc).hash), r.mode, String(r.items.length)]),
  );
}
