/** The task pane: state, events and rendering around a PaneSession. */
import type { Issue } from "../core/issue";
import type { UnitResult } from "../core/score/types";
import type { PaneHost } from "../app/pane-host";
import { PaneSession, type Preview, type ScoreResult } from "../app/pane-session";
import { type Catalog, catalog, pickLocale, ui } from "../i18n";
import * as view from "./view";

export class Pane {
  private c: Catalog;
  private readonly session: PaneSession;
  private preview?: Preview;
  private result?: ScoreResult;
  private issues: Issue[] = [];
  private busy: string | null = null;
  private noticeText: string | null = null;
  private unit?: UnitResult;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PaneHost,
  ) {
    this.c = catalog(pickLocale(host.displayLanguage()));
    this.session = new PaneSession(host, this.c);
  }

  private readonly on: view.Handlers = {
    chooseRubric: (id) => void this.task(null, async () => {
      this.forgetResult(true);
      this.preview = await this.session.chooseRubric(id);
    }),
    importRubric: (file) => void this.task(null, async () => {
      const r = await this.session.importRubric(await file.text(), file.name);
      if (!r.ok) return void (this.issues = r.issues);
      this.forgetResult(false);
      this.preview = this.session.preview();
      this.noticeText = ui(this.c, "rubricImported", { name: this.session.rubric().rubric.name });
    }),
    map: (indicator, column) => void this.task(null, async () => {
      this.forgetResult(true);
      this.preview = await this.session.setMapping(indicator, column);
    }),
    score: () => void this.task(this.c.ui.scoring, async () => {
      const r = await this.session.score();
      if (!r.ok) return void (this.issues = r.issues, this.forgetResult(false));
      this.result = r.value;
      this.unit = undefined;
      this.preview = this.session.preview();
      this.noticeText = this.c.ui.done;
    }),
    clear: () => void this.task(this.c.ui.clearing, async () => {
      const r = await this.session.clear();
      if (!r.ok) return void (this.issues = r.issues);
      this.result = undefined;
      this.unit = undefined;
      this.noticeText = this.c.ui.cleared;
    }),
    reload: () => void this.load(),
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

  async start(): Promise<void> {
    this.host.onSelectionChanged((sheet, row) => {
      const u = this.session.unitAt(sheet, row);
      if (u && u !== this.unit) {
        this.unit = u;
        this.render();
        this.revealUnit();
      }
    });
    await this.load();
  }

  /**
   * Results on screen must describe the sheet: after a rubric or mapping change, a failed score or a
   * reload they no longer do. `say` explains why they went (not needed when an error says it).
   */
  private forgetResult(say: boolean): void {
    if (say && this.result) this.noticeText = this.c.ui.resultsOutdated;
    this.result = undefined;
    this.unit = undefined;
  }

  /** A unit's breakdown sits below the summary: bring it into view when the selection changes it. */
  private revealUnit(): void {
    document.getElementById("breakdown")?.scrollIntoView({ block: "nearest" });
  }

  private async load(): Promise<void> {
    await this.task(this.c.ui.loading, async () => {
      this.forgetResult(false);
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
    this.noticeText = null;
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
    document.documentElement.lang = c.locale;
    // Order for a 320 px pane: the action bar comes right after what is scored with what, so 评分
    // is on the first screen however many indicators need attention.
    const nodes = [
      view.header(c, this.on),
      view.context(c, this.preview, this.session.rubrics(), this.preview?.rubricId ?? "", this.on),
      view.actions(c, this.busy, this.on),
      view.notice(this.noticeText, this.noticeText === c.ui.resultsOutdated ? "info" : "ok"),
      view.errors(c, this.issues, this.on),
      view.mapping(c, this.preview, this.on),
      this.result ? view.summary(c, this.result, this.on) : null,
      this.result ? view.breakdown(c, this.unit) : null,
    ].filter((n): n is HTMLElement => n !== null);
    this.root.replaceChildren(...nodes);
    for (const d of Array.from(this.root.querySelectorAll<HTMLDetailsElement>("details[id]"))) {
      const open = folded.get(d.id);
      if (open !== undefined) d.open = open;
    }
    // Keep keyboard users where they were across re-renders.
    if (focused) document.getElementById(focused)?.focus();
  }
}
