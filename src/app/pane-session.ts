/**
 * The task pane's use cases, whatever the host: open the active sheet, show how the chosen rubric's
 * indicators map to its columns, map them by hand, score (replacing the earlier run's outputs, and the
 * user's edits only once confirmed), show what a rubric switch changed, clear, explain a unit.
 * What Kaohe owns is decided by its record in the workbook (core/ownership), never by header text.
 * One object for the shells; each concern lives in its own module: rubric choices and mappings
 * (pane-rubric), scoring and the change list (pane-score), clearing (pane-clear), shared state (pane-context).
 */
import type { Assessment } from "../core/assess";
import { type Issue, type Result, ok } from "../core/issue";
import type { WorkbookState } from "../core/ownership/record";
import type { Compiled } from "../core/rubric/compile";
import type { UnitResult } from "../core/score/types";
import { whatIf, type WhatIf } from "../core/what-if/what-if";
import type { Catalog } from "../i18n";
import { clearSheet, previewClear, type ClearPreview } from "./pane-clear";
import { PaneContext } from "./pane-context";
import type { ClearReport, PaneHost, Snapshot } from "./pane-host";
import { chooseRubric, importRubric, newRubricSheet, setMapping } from "./pane-rubric";
import { scoreSheet, type ScoreOutcome } from "./pane-score";
import type { Preview } from "./preview";
import type { RubricChoice } from "./rubric-registry";

export type { ClearPreview } from "./pane-clear";
export type { ScoreOutcome } from "./pane-score";
export type { RubricChoice } from "./rubric-registry";
export type { Change, ScoreResult } from "./score-summary";
export type { MappingRow, Preview } from "./preview";

export class PaneSession {
  private readonly ctx: PaneContext;

  constructor(host: PaneHost, locale: Catalog, clock: () => string = () => new Date().toISOString()) {
    this.ctx = new PaneContext(host, locale, clock);
  }

  get state(): WorkbookState {
    return this.ctx.state;
  }
  get snapshot(): Snapshot | undefined {
    return this.ctx.snapshot;
  }
  /** The last run of the active sheet, if it still explains it. */
  get assessment(): Assessment | undefined {
    return this.ctx.assessment;
  }
  get locale(): Catalog {
    return this.ctx.locale;
  }
  set locale(c: Catalog) {
    this.ctx.locale = c;
  }

  /** The built-ins, the rubrics imported into the workbook, then its 评分细则 sheets (with their error counts). */
  rubrics(): RubricChoice[] {
    return this.ctx.choices.list();
  }

  /** True for a 评分细则 sheet of the workbook (as last read). */
  isRubricSheet(name: string | undefined): boolean {
    return this.ctx.choices.isSheet(name);
  }

  rubric(): Compiled {
    return this.ctx.rubric();
  }

  async open(): Promise<Result<Preview>> {
    const snap = await this.ctx.refresh();
    return snap.ok ? ok(this.ctx.preview()) : snap;
  }

  preview(): Preview {
    return this.ctx.preview();
  }

  chooseRubric(id: string): Promise<Result<Preview>> {
    return chooseRubric(this.ctx, id);
  }

  /** Map an indicator to a column letter by hand; null returns it to automatic matching. */
  setMapping(indicator: string, column: string | null): Promise<Result<Preview>> {
    return setMapping(this.ctx, indicator, column);
  }

  importRubric(text: string, fileName: string): Promise<Result<string>> {
    return importRubric(this.ctx, text, fileName);
  }

  /** Score the active sheet; with cells the user changed, ask first (score(true) replaces them). */
  score(confirmed = false): Promise<Result<ScoreOutcome>> {
    return scoreSheet(this.ctx, confirmed);
  }

  /** 新建评分细则 from a rubric choice, or the empty template when null: the new sheet's name. */
  newRubricSheet(source: string | null): Promise<Result<string>> {
    return newRubricSheet(this.ctx, source);
  }

  /** What clearing the active sheet would remove and keep (nothing is changed). */
  previewClear(): Promise<Result<ClearPreview>> {
    return previewClear(this.ctx);
  }

  /** Remove everything of Kaohe's on the active sheet, keep the user's edits, and check it is gone. */
  clear(): Promise<Result<ClearReport>> {
    return clearSheet(this.ctx);
  }

  /** The unit on a 0-based sheet row of the last run, if any. */
  unitAt(sheet: string, row: number): UnitResult | undefined {
    const a = this.ctx.assessment;
    return a && a.sheet === sheet ? a.units.find((u) => u.row === row) : undefined;
  }

  /**
   * 差距分析 for a unit of the last run: the sheet as it was scored, re-assessed with one value changed
   * at a time (src/core/what-if). Undefined when there is no run of this sheet to analyse.
   */
  whatIf(u: UnitResult): WhatIf | undefined {
    const a = this.ctx.assessment;
    const grid = this.ctx.snapshot?.grid;
    if (!a || !grid || a.sheet !== grid.sheet) return undefined;
    return whatIf(grid, this.ctx.rubric().rubric, a, u.row);
  }

  async selectCell(sheet: string | undefined, cell: string): Promise<void> {
    await this.ctx.host.select(sheet ?? this.ctx.snapshot?.grid.sheet ?? "", cell);
  }

  async selectProblem(p: Issue): Promise<void> {
    if (p.cell) await this.selectCell(p.sheet, p.cell);
  }
}
