/** The task pane: state, events and rendering around a PaneSession. */
import type { Issue } from "../core/issue";
import type { ChangedCell } from "../core/ownership/compare";
import type { UnitResult } from "../core/score/types";
import type { ClearReport, PaneHost } from "../app/pane-host";
import { PaneSession, type ClearPreview, type Preview, type ScoreResult } from "../app/pane-session";
import { type Catalog, catalog, pickLocale, ui } from "../i18n";
import * as view from "./view";
import { confirmPanel, type ConfirmCell, type ConfirmOptions } from "./view-confirm";
import type { WhatIf } from "../core/what-if/what-if";
import { whatIfWords } from "../i18n/what-if";
import { whatIfSection, type WhatIfHandlers } from "./view-what-if";

/** A question the pane is waiting on the user for. */
type Pending = { kind: "overwrite"; sheet: string; cells: ChangedCell[] } | { kind: "clear"; preview: ClearPreview };

const cellList = (c: Catalog, cells: ReadonlyArray<ChangedCell>) => c.list(cells.slice(0, 10).map((x) => x.cell)) + (cells.length > 10 ? "…" : "");

export class Pane {
  private c: Catalog;
  private readonly session: PaneSession;
  private preview?: Preview;
  private result?: ScoreResult;
  private issues: Issue[] = [];
  private busy: string | null = null;
  private noticeText: string | null = null;
  /** The notice says the results are out of date (an information), not that something was done. */
  private noticeOutdated = false;

  private notify(text: string | null, outdated = false): void {
    this.noticeText = text;
    this.noticeOutdated = outdated;
  }
  private unit?: UnitResult;
  private pending: Pending | null = null;
  /** The last 差距分析 run, for the unit it was run on. */
  private gap?: { unit: UnitResult; report: WhatIf };

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PaneHost,
  ) {
    this.c = catalog(pickLocale(host.displayLanguage()));
    this.session = new PaneSession(host, this.c);
  }

  /**
   * Results on screen must describe the sheet: after a rubric or mapping change, a failed score, a
   * reload or another sheet they no longer do. `say` explains why they went (not needed when an error
   * says it); a pending question goes with them.
   */
  private forgetResults(say = false): void {
    if (say && this.result) this.notify(this.c.ui.resultsOutdated, true);
    this.result = undefined;
    this.unit = undefined;
    this.pending = null;
    this.gap = undefined;
  }

  /** A unit's breakdown sits below the summary: bring it into view when the selection changes it. */
  private revealUnit(): void {
    document.getElementById("breakdown")?.scrollIntoView({ block: "nearest" });
  }

  private readonly on: view.Handlers = {
    chooseRubric: (id) => void this.task(null, async () => {
      this.forgetResults(true);
      const r = await this.session.chooseRubric(id);
      if (!r.ok) return void (this.issues = r.issues);
      this.preview = r.value;
    }),
    importRubric: (file) => void this.task(null, async () => {
      const r = await this.session.importRubric(await file.text(), file.name);
      if (!r.ok) return void (this.issues = r.issues);
      this.forgetResults();
      this.preview = this.session.preview();
      this.notify(ui(this.c, "rubricImported", { name: this.session.rubric().rubric.name }));
    }),
    map: (indicator, column) => void this.task(null, async () => {
      this.forgetResults(true);
      const r = await this.session.setMapping(indicator, column);
      if (!r.ok) return void (this.issues = r.issues);
      this.preview = r.value;
    }),
    score: () => void this.score(false),
    clear: () => void this.task(this.c.ui.clearing, async () => {
      const r = await this.session.previewClear();
      if (!r.ok) return void (this.issues = r.issues);
      if (r.value.cells === 0 && !r.value.resultsSheet && !r.value.kept.length) {
        this.forgetResults();
        return void this.notify(this.c.ui.nothingToClear);
      }
      this.pending = { kind: "clear", preview: r.value };
    }),
    reload: () => void this.load(),
    newRubricSheet: (source) => void this.task(null, async () => {
      const r = await this.session.newRubricSheet(source);
      if (!r.ok) return void (this.issues = r.issues);
      this.forgetResults();
      this.preview = this.session.preview();
      this.notify(ui(this.c, "rubricSheetAdded", { sheet: r.value }));
    }),
    toggleLanguage: () => {
      this.c = catalog(this.c.locale === "zh-CN" ? "en-US" : "zh-CN");
      this.session.locale = this.c;
      this.render();
    },
    selectIssue: (i) => void this.session.selectProblem(i),
    selectUnit: (u) => {
      this.unit = u;
      this.render();
      this.revealUnit();
    },
  };

  private readonly onWhatIf: WhatIfHandlers = {
    analyse: (u) => void this.task(whatIfWords(this.c).running, async () => {
      // Let the busy text show before the sheet is re-assessed (synchronous work).
      await new Promise((r) => setTimeout(r, 0));
      const report = this.session.whatIf(u);
      if (report) this.gap = { unit: u, report };
    }),
    selectCell: (cell) => void this.session.selectCell(undefined, cell),
  };

  private score(confirmed: boolean): Promise<void> {
    return this.task(this.c.ui.scoring, async () => {
      this.forgetResults();
      const r = await this.session.score(confirmed);
      if (!r.ok) return void (this.issues = r.issues);
      // The sheet was read afresh either way: show it as it is now.
      this.preview = this.session.preview();
      if (r.value.kind === "confirm") return void (this.pending = { kind: "overwrite", sheet: r.value.sheet, cells: r.value.overwrite });
      this.result = r.value.result;
      const kept = r.value.report.kept;
      this.notify(kept.length ? `${this.c.ui.done}${this.c.sep}${ui(this.c, "scoredKept", { count: kept.length, cells: cellList(this.c, kept) })}` : this.c.ui.done);
    });
  }

  private clearNow(): Promise<void> {
    return this.task(this.c.ui.clearing, async () => {
      this.forgetResults();
      const r = await this.session.clear();
      if (!r.ok) return void (this.issues = r.issues);
      this.notify(this.clearedText(r.value));
    });
  }

  private clearedText(r: ClearReport): string {
    const c = this.c;
    const results = r.resultsSheet ? `${c.sep}${c.labels.resultsSheet}${c.paren(r.resultsSheet)}` : "";
    const parts = [ui(c, "clearedReport", { count: r.removed, highlights: r.highlights, results })];
    if (r.kept.length) parts.push(ui(c, "clearedKept", { count: r.kept.length, cells: cellList(c, r.kept) }));
    if (r.keptResults) parts.push(ui(c, "keptResults", { sheet: r.keptResults }));
    return parts.join(c.sep);
  }

  private confirmation(p: Pending): ConfirmOptions {
    const c = this.c;
    // A changed results sheet is listed as "Sheet!A1".
    const cells = (list: ReadonlyArray<ChangedCell>, sheet: string): ConfirmCell[] =>
      list.map((x) => {
        // The sheet name may itself hold "!": the address is what follows the last one.
        const bang = x.cell.lastIndexOf("!");
        return bang < 0 ? { cell: x.cell, sheet, label: x.now } : { cell: x.cell.slice(bang + 1), sheet: x.cell.slice(0, bang), label: x.now };
      });
    if (p.kind === "overwrite") {
      return { title: c.ui.confirmOverwriteTitle, body: ui(c, "confirmOverwriteBody", { count: p.cells.length }), cells: cells(p.cells, p.sheet), confirmLabel: c.ui.replace, cancelLabel: c.ui.cancel };
    }
    const v = p.preview;
    const results = v.resultsSheet ? `${c.sep}${c.labels.resultsSheet}${c.paren(v.resultsSheet)}` : "";
    const keeps = v.kept.length ? ` ${ui(c, "confirmClearKeeps", { count: v.kept.length })}` : "";
    return {
      title: c.ui.confirmClearTitle,
      body: `${ui(c, "confirmClearBody", { count: v.cells, sheet: v.sheet, results })}${keeps}`,
      cells: cells(v.kept, v.sheet),
      confirmLabel: c.ui.clearConfirm,
      cancelLabel: c.ui.cancel,
    };
  }

  async start(): Promise<void> {
    this.host.onSelectionChanged((sheet, row) => {
      const u = this.session.unitAt(sheet, row);
      if (u && u !== this.unit) {
        this.unit = u;
        this.render();
        this.revealUnit();
      }
    });
    // The pane follows the active sheet; leaving a 评分细则 sheet reads it again (it may have been edited).
    let last: string | undefined;
    this.host.onActivated((sheet) => {
      const fromRubric = this.session.isRubricSheet(last);
      last = sheet;
      if (sheet !== this.preview?.sheet || fromRubric) void this.load();
    });
    await this.load();
  }

  private async load(): Promise<void> {
    await this.task(this.c.ui.loading, async () => {
      this.forgetResults();
      const r = await this.session.open();
      if (!r.ok) return void (this.issues = r.issues);
      this.preview = r.value;
    });
  }

  /** Run one user action: busy indicator, errors shown in the pane, never an unhandled rejection. */
  private async task(busy: string | null, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = busy;
    this.issues = [];
    this.notify(null);
    this.render();
    try {
      await work();
    } catch (e) {
      this.issues = [{ code: "host.failed", severity: "error", params: { detail: e instanceof Error ? e.message : String(e) } }];
    } finally {
      this.busy = null;
      this.render();
    }
  }

  render(): void {
    const focused = (document.activeElement as HTMLElement | null)?.id;
    // Folded sections stay as the user left them across re-renders.
    const folded = new Map(Array.from(this.root.querySelectorAll<HTMLDetailsElement>("details[id]"), (d) => [d.id, d.open]));
    const c = this.c;
    const pending = this.pending;
    document.documentElement.lang = c.locale;
    // Order for a 320 px pane: the action bar comes right after what is scored with what, so 评分
    // is on the first screen however many indicators need attention; a question comes right below it.
    const nodes = [
      view.header(c, this.on),
      view.context(c, this.preview, this.session.rubrics(), this.preview?.rubricId ?? "", this.on),
      view.actions(c, this.busy, this.on),
      pending ? confirmPanel(c, this.confirmation(pending), {
        confirm: () => {
          this.pending = null;
          void (pending.kind === "overwrite" ? this.score(true) : this.clearNow());
        },
        cancel: () => {
          this.pending = null;
          this.render();
        },
        select: (x) => void this.session.selectCell(x.sheet, x.cell),
      }) : null,
      view.notice(this.noticeText, this.noticeOutdated ? "info" : "ok"),
      view.errors(c, this.issues, this.on),
      view.mapping(c, this.preview, this.on),
      this.result ? view.summary(c, this.result, this.on) : null,
      this.result ? view.breakdown(c, this.unit) : null,
      this.result && this.unit ? whatIfSection(c, this.unit, this.gap?.unit === this.unit ? this.gap.report : undefined, this.busy !== null, this.onWhatIf) : null,
      view.newRubricSheet(c, this.session.rubrics(), this.busy !== null, this.on),
    ].filter((n): n is HTMLElement => n !== null);
    this.root.replaceChildren(...nodes);
    for (const d of Array.from(this.root.querySelectorAll<HTMLDetailsElement>("details[id]"))) {
      const open = folded.get(d.id);
      if (open !== undefined) d.open = open;
    }
    // Keep keyboard users where they were across re-renders; a new question takes the focus.
    if (pending) document.getElementById("confirm-h")?.focus();
    else if (focused) document.getElementById(focused)?.focus();
  }
}
