/**
 * The task pane's use cases, whatever the host: open the active sheet, show how the chosen rubric's
 * indicators map to its columns, map them by hand, score (replacing the earlier run's outputs, and the
 * user's edits only once confirmed), show what a rubric switch changed, clear, explain a unit.
 * What Kaohe owns is decided by its record in the workbook (core/ownership), never by header text.
 */
import type { Assessment } from "../core/assess";
import { issue, type Issue, type Result, fail, ok } from "../core/issue";
import type { ChangedCell } from "../core/ownership/compare";
import { newToken, withRecord, type SheetState, type WorkbookState } from "../core/ownership/record";
import type { OutputClear } from "../core/ownership/transaction";
import type { Compiled } from "../core/rubric/compile";
import { rubricChange } from "../core/rubric/hash";
import type { UnitResult } from "../core/score/types";
import type { ColumnMapping } from "../core/table/layout";
import { whatIf, type WhatIf } from "../core/what-if/what-if";
import type { Catalog } from "../i18n";
import { checkedClear, undoFailedRun, withoutRecord } from "./clear-run";
import { EMPTY_STATE, type ClearReport, type PaneHost, type Snapshot, type WriteReport } from "./pane-host";
import { previewOf, type Preview } from "./preview";
import { isBuiltin, RubricRegistry, type RubricChoice } from "./rubric-registry";
import { parseRubricText } from "./rubrics";
import { lastUnits, summarise, type ScoreResult } from "./score-summary";
import { planRun } from "./score-run";
import { rubricTemplateSheet, rubricToSheet } from "../core/rubric/sheet";
import { readSheetRubrics, sheetChoiceId, sheetOfChoice, sheetProblems, sheetRubric, type SheetRubrics } from "./rubric-sheet";

export type { RubricChoice } from "./rubric-registry";
export type { Change, ScoreResult } from "./score-summary";
export type { MappingRow, Preview } from "./preview";

/** A run either wrote, or stopped to ask before replacing cells the user changed. */
export type ScoreOutcome =
  | { kind: "scored"; result: ScoreResult; report: WriteReport }
  | { kind: "confirm"; sheet: string; overwrite: ChangedCell[] };

/** What 清除结果 would do, shown to the user before they confirm. */
export interface ClearPreview {
  sheet: string;
  /** Kaohe's cells to empty (0 with nothing recorded). */
  cells: number;
  resultsSheet: string | null;
  kept: ChangedCell[];
  keptResults: string | null;
}

export class PaneSession {
  state: WorkbookState = EMPTY_STATE;
  snapshot?: Snapshot;
  assessment?: Assessment;
  private readonly registry = new RubricRegistry();
  /** The workbook's 评分细则 sheets as last read (re-read with the sheet, before every score). */
  private sheetRubrics: SheetRubrics = new Map();

  constructor(
    private readonly host: PaneHost,
    public locale: Catalog,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** The built-ins, the rubrics imported into the workbook, then its 评分细则 sheets (with their error counts). */
  rubrics(): RubricChoice[] {
    const sheets = [...this.sheetRubrics].map(([sheet, r]): RubricChoice => ({
      id: sheetChoiceId(sheet), name: r.ok ? r.value.rubric.name : sheet, fromWorkbook: true, sheet,
      problems: r.ok ? 0 : r.issues.filter((i) => i.severity === "error").length,
    }));
    return [...this.registry.choices(), ...sheets];
  }

  /** True for a 评分细则 sheet of the workbook (as last read). */
  isRubricSheet(name: string | undefined): boolean {
    return name !== undefined && this.sheetRubrics.has(name);
  }

  rubric(): Compiled {
    const sheet = sheetOfChoice(this.state.rubricId);
    const onSheet = sheet === undefined ? undefined : this.sheetRubrics.get(sheet);
    if (onSheet?.ok) return onSheet.value;
    return this.registry.find(this.state.rubricId) ?? this.registry.bestMatch(this.snapshot?.grid);
  }

  private sheetState(): SheetState | undefined {
    const token = this.snapshot?.token;
    return token ? this.state.sheets[token] : undefined;
  }

  private mapping(): ColumnMapping {
    return this.sheetState()?.mappings[this.rubric().rubric.id] ?? {};
  }

  /** Read the sheet and the workbook's state afresh: the user may have edited either since. */
  private async refresh(grid = true): Promise<Result<Snapshot>> {
    let snap = await this.host.snapshot({ grid });
    if (!snap.ok) return snap;
    if (grid) {
      const read = await readSheetRubrics((names, limit) => this.host.readSheets(names, limit), snap.value.sheetNames, [snap.value.grid]);
      if (!read.ok) return read;
      this.sheetRubrics = read.value;
    }
    // A 评分细则 sheet is what the pane scores with, not what it scores: while the user is on one (to
    // edit it, or after clicking one of its problems) the pane stays on the sheet it was scoring.
    const active = snap.value.grid.sheet;
    if (this.sheetRubrics.has(active)) {
      const names = snap.value.sheetNames;
      const previous = this.snapshot?.grid.sheet;
      const data = previous !== undefined && previous !== active && names.includes(previous) ? previous : names.find((n) => n !== active && !this.sheetRubrics.has(n));
      if (data !== undefined) {
        snap = await this.host.snapshot({ sheet: data, grid });
        if (!snap.ok) return snap;
      }
    }
    if (grid) this.snapshot = snap.value;
    this.state = snap.value.state;
    this.registry.load(this.state.rubrics);
    return snap;
  }

  async open(): Promise<Result<Preview>> {
    const snap = await this.refresh();
    return snap.ok ? ok(this.preview()) : snap;
  }

  preview(): Preview {
    const sheet = sheetOfChoice(this.state.rubricId);
    const onSheet = sheet === undefined ? undefined : this.sheetRubrics.get(sheet);
    if (!sheet || !onSheet) return previewOf(this.snapshot, this.rubric(), this.mapping());
    // A rubric sheet's own problems come first, each on its cell; with errors there is nothing to map yet.
    const base = previewOf(this.snapshot, this.rubric(), onSheet.ok ? this.mapping() : {});
    const own = sheetProblems(onSheet);
    return onSheet.ok ? { ...base, rubricId: sheetChoiceId(sheet), issues: [...own, ...base.issues] } : { ...base, rubricId: sheetChoiceId(sheet), rows: [], issues: own };
  }

  /** Save the state, giving the current sheet a token (anchored on the sheet) when it needs one. */
  private async save(update: (s: SheetState) => SheetState = (s) => s): Promise<Result<void>> {
    const snap = this.snapshot;
    if (!snap) return this.host.saveState(this.state);
    const token = snap.token ?? newToken(this.state);
    const current = this.state.sheets[token] ?? { mappings: {} };
    this.state = { ...this.state, sheets: { ...this.state.sheets, [token]: update(current) } };
    const saved = await this.host.saveState(this.state, { name: snap.grid.sheet, token });
    if (saved.ok) this.snapshot = { ...snap, token };
    return saved;
  }

  async chooseRubric(id: string): Promise<Result<Preview>> {
    const sheet = sheetOfChoice(id);
    if (this.registry.find(id) || (sheet !== undefined && this.sheetRubrics.has(sheet))) this.state = { ...this.state, rubricId: id };
    this.assessment = undefined;
    const saved = await this.host.saveState(this.state);
    return saved.ok ? ok(this.preview()) : saved;
  }

  /** Map an indicator to a column letter by hand; null returns it to automatic matching. */
  async setMapping(indicator: string, column: string | null): Promise<Result<Preview>> {
    const id = this.rubric().rubric.id;
    this.assessment = undefined;
    const saved = await this.save((s) => {
      const current = { ...(s.mappings[id] ?? {}) };
      if (column === null) delete current[indicator];
      else current[indicator] = column;
      return { ...s, mappings: { ...s.mappings, [id]: current } };
    });
    return saved.ok ? ok(this.preview()) : saved;
  }

  async importRubric(text: string, fileName: string): Promise<Result<string>> {
    const parsed = parseRubricText(text, fileName);
    if (!parsed.ok) return parsed;
    const id = parsed.value.rubric.id;
    if (isBuiltin(id)) return fail(issue("rubric.duplicateName", { name: id, path: "id" }, { path: ["id"] }));
    const others = this.state.rubrics.filter((d) => (d as { id?: unknown }).id !== id);
    this.state = { ...this.state, rubrics: [...others, parsed.value.rubric.doc], rubricId: id };
    this.registry.load(this.state.rubrics);
    this.assessment = undefined;
    const saved = await this.host.saveState(this.state);
    return saved.ok ? ok(id) : saved;
  }

  /**
   * Score the active sheet. When the run would replace cells the user changed since Kaohe wrote them,
   * nothing is written and the cells are returned for the user to confirm (score(true) replaces them).
   */
  async score(confirmed = false): Promise<Result<ScoreOutcome>> {
    this.assessment = undefined;
    const snap = await this.refresh();
    if (!snap.ok) return snap;
    // A rubric on a 评分细则 sheet was read again just now: an edit there counts, and a sheet with errors is refused.
    const sheet = sheetOfChoice(this.state.rubricId);
    if (sheet !== undefined) {
      const onSheet = sheetRubric(this.sheetRubrics, sheet);
      if (!onSheet.ok) return onSheet;
    }
    // One time for the run: the results sheet shows it and the record keeps it.
    const at = this.clock();
    const planned = planRun(snap.value, this.state, this.rubric(), this.mapping(), this.locale, this.host.supports("notes"), at);
    if (!planned.ok) return planned;
    const { tx, assessment } = planned.value;
    if (tx.overwrite.length && !confirmed) return ok({ kind: "confirm", sheet: tx.sheet, overwrite: tx.overwrite });

    const before = this.state.sheets[tx.token];
    const sheetState: SheetState = { mappings: before?.mappings ?? {}, last: { rubricId: tx.rubric.id, units: lastUnits(assessment) } };
    const next: WorkbookState = { ...this.state, rubricId: sheet === undefined ? tx.rubric.id : sheetChoiceId(sheet), sheets: { ...this.state.sheets, [tx.token]: sheetState } };
    const written = await this.host.write(tx, next, at);
    if (!written.ok) return fail(...written.issues, ...(await undoFailedRun(this.host)));
    this.state = withRecord(next, tx.token, written.value.record);
    this.snapshot = { ...snap.value, token: tx.token };
    this.assessment = assessment;
    const rubricChanged = rubricChange(before?.record?.rubric, tx.rubric);
    return ok({ kind: "scored", result: summarise(assessment, before?.last, { at, rubricChange: rubricChanged }), report: written.value });
  }

  /**
   * 新建评分细则: add a 评分细则 sheet (never over an existing one) holding a copy of the rubric
   * `source` (a choice id: built-in, imported or another sheet's), or the empty template when null.
   * Then the workbook is read again, so the new sheet is listed among the rubrics.
   */
  async newRubricSheet(source: string | null): Promise<Result<string>> {
    let sheet = rubricTemplateSheet();
    if (source !== null) {
      const from = this.choice(source);
      if (!from.ok) return from;
      sheet = rubricToSheet(from.value.rubric.doc);
    }
    const added = await this.host.addSheet(sheet);
    if (!added.ok) return added;
    const again = await this.refresh();
    return again.ok ? ok(added.value.name) : again;
  }

  /** The rubric a choice id names: a built-in, an imported one, or a 评分细则 sheet's (refused with its problems). */
  private choice(id: string): Result<Compiled> {
    const sheet = sheetOfChoice(id);
    if (sheet !== undefined) return sheetRubric(this.sheetRubrics, sheet);
    const found = this.registry.find(id);
    return found ? ok(found) : fail(issue("rubric.unknownBuiltin", { id, available: this.rubrics().map((r) => r.id).join(", ") }));
  }

  private async pendingClear(): Promise<Result<OutputClear | null>> {
    const snap = await this.refresh(false);
    return snap.ok ? checkedClear(snap.value, this.state) : snap;
  }

  /** What clearing the active sheet would remove and keep (nothing is changed). */
  async previewClear(): Promise<Result<ClearPreview>> {
    const tx = await this.pendingClear();
    if (!tx.ok) return tx;
    const sheet = this.snapshot?.grid.sheet ?? "";
    if (!tx.value) return ok({ sheet, cells: 0, resultsSheet: null, kept: [], keptResults: null });
    const v = tx.value;
    return ok({ sheet: v.sheet, cells: v.clear.length, resultsSheet: v.deleteResults, kept: v.kept, keptResults: v.keptResults });
  }

  /** Remove everything of Kaohe's on the active sheet, keep the user's edits, and check it is gone. */
  async clear(): Promise<Result<ClearReport>> {
    const tx = await this.pendingClear();
    if (!tx.ok) return tx;
    this.assessment = undefined;
    if (!tx.value) return ok({ removed: 0, highlights: 0, notes: 0, resultsSheet: null, kept: [], keptResults: null });
    const next = withoutRecord(this.state, tx.value.token, tx.value.forgetSheet);
    const cleared = await this.host.clear(tx.value, next);
    if (cleared.ok) this.state = next;
    return cleared;
  }

  /** The unit on a 0-based sheet row of the last run, if any. */
  unitAt(sheet: string, row: number): UnitResult | undefined {
    if (!this.assessment || this.assessment.sheet !== sheet) return undefined;
    return this.assessment.units.find((u) => u.row === row);
  }

  /**
   * 差距分析 for a unit of the last run: the sheet as it was scored, re-assessed with one value changed
   * at a time (src/core/what-if). Undefined when there is no run of this sheet to analyse.
   */
  whatIf(u: UnitResult): WhatIf | undefined {
    const a = this.assessment;
    const grid = this.snapshot?.grid;
    if (!a || !grid || a.sheet !== grid.sheet) return undefined;
    return whatIf(grid, this.rubric().rubric, a, u.row);
  }

  async selectCell(sheet: string | undefined, cell: string): Promise<void> {
    await this.host.select(sheet ?? this.snapshot?.grid.sheet ?? "", cell);
  }

  async selectProblem(p: Issue): Promise<void> {
    if (p.cell) await this.selectCell(p.sheet, p.cell);
  }
}

