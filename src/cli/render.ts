/** Terminal output: the ranking table and the rubric list. */
import type { Assessment } from "../core/assess";
import type { Compiled } from "../core/rubric/compile";
import { attainedText, resultText } from "../core/plan/explain";
import { type Catalog, texts } from "../i18n";
import { renderTable } from "./text-table";
import { rubricIdentity } from "../core/rubric/hash";
import { shortHash } from "../i18n/rubric-change";
import { shown } from "./terminal-text";

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
  return `${shown(a.rubric.name)}${c.paren(shown(a.rubric.id))}${c.sep}${shown(a.sheet)}\n${renderTable(header, rows)}`;
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
