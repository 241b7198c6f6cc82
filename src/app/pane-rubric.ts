/** The pane's rubric and mapping use cases: choose, map by hand, import, 新建评分细则. */
import { type Result, ok } from "../core/issue";
import { newToken } from "../core/ownership/record";
import { rubricTemplateSheet, rubricToSheet } from "../core/rubric/sheet";
import type { PaneContext } from "./pane-context";
import type { Preview } from "./preview";
import { withImported } from "./rubric-choices";

/** After a change of rubric or mapping: the last run no longer explains the sheet; the new preview. */
function previewAfter(ctx: PaneContext, saved: Result<void>): Result<Preview> {
  ctx.assessment = undefined;
  return saved.ok ? ok(ctx.preview()) : saved;
}

export async function chooseRubric(ctx: PaneContext, id: string): Promise<Result<Preview>> {
  if (ctx.choices.knows(id)) ctx.state = { ...ctx.state, rubricId: id };
  return previewAfter(ctx, await ctx.host.saveState(ctx.state));
}

/** Map an indicator to a column letter by hand; null returns it to automatic matching. */
export async function setMapping(ctx: PaneContext, indicator: string, column: string | null): Promise<Result<Preview>> {
  const snap = ctx.snapshot;
  if (!snap) return previewAfter(ctx, await ctx.host.saveState(ctx.state));
  // The sheet gets a token (anchored on it) when it has none yet.
  const id = ctx.rubric().rubric.id;
  const token = snap.token ?? newToken(ctx.state);
  const current = ctx.state.sheets[token] ?? { mappings: {} };
  const mapped = { ...(current.mappings[id] ?? {}) };
  if (column === null) delete mapped[indicator];
  else mapped[indicator] = column;
  ctx.state = { ...ctx.state, sheets: { ...ctx.state.sheets, [token]: { ...current, mappings: { ...current.mappings, [id]: mapped } } } };
  const saved = await ctx.host.saveState(ctx.state, { name: snap.grid.sheet, token });
  if (saved.ok) ctx.snapshot = { ...snap, token };
  return previewAfter(ctx, saved);
}

/** Import a rubric file into the workbook and choose it; the rubric's id. */
export async function importRubric(ctx: PaneContext, text: string, fileName: string): Promise<Result<string>> {
  const imported = withImported(ctx.state, text, fileName);
  if (!imported.ok) return imported;
  ctx.state = imported.value.state;
  ctx.choices.load(ctx.state.rubrics);
  ctx.assessment = undefined;
  const saved = await ctx.host.saveState(ctx.state);
  return saved.ok ? ok(imported.value.id) : saved;
}

/**
 * 新建评分细则: add a 评分细则 sheet (never over an existing one) holding a copy of the rubric
 * `source` (a choice id: built-in, imported or another sheet's), or the empty template when null.
 * Then the workbook is read again, so the new sheet is listed among the rubrics. The new sheet's name.
 */
export async function newRubricSheet(ctx: PaneContext, source: string | null): Promise<Result<string>> {
  let sheet = rubricTemplateSheet();
  if (source !== null) {
    const from = ctx.choices.choice(source);
    if (!from.ok) return from;
    sheet = rubricToSheet(from.value.rubric.doc);
  }
  const added = await ctx.host.addSheet(sheet);
  if (!added.ok) return added;
  const again = await ctx.refresh();
  return again.ok ? ok(added.value.name) : again;
}
