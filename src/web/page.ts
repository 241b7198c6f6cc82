/**
 * The offline page: a workbook picked or dropped, its table, mapping and rubric shown, scored in the
 * browser by the CLI's reader/writer (scoreFile over XlsxBook), the same summary and per-unit
 * breakdown as the pane, and the scored copy offered for download. Nothing leaves the browser.
 * Each run opens the bytes read afresh, so changing the rubric or a column and scoring again starts
 * from the original, which is never changed.
 */
import type { XlsxBook } from "../adapters/xlsx/xlsx-book";
import type { Grid } from "../core/grid";
import { ok, type Issue } from "../core/issue";
import type { Compiled } from "../core/rubric/compile";
import type { UnitResult } from "../core/score/types";
import { previewOf, type Preview } from "../app/preview";
import { readRubricSheet, readSheetRubrics, sheetChoiceId, sheetOfChoice } from "../app/rubric-sheet";
import { builtinRubrics, parseRubricBytes } from "../app/rubrics";
import { scoreFile } from "../app/score-file";
import { summarise, type ScoreResult } from "../app/score-summary";
import { catalog, pickLocale, ui, type Catalog } from "../i18n";
import { isolate, issueText } from "../taskpane/bidi";
import { append, h } from "../taskpane/dom";
import { breakdown, mapping, summary } from "../taskpane/view";
import { openBook, problemText, readBytes } from "./workbook-bytes";

interface Loaded {
  name: string;
  /** The file as read; only ever copied from. */
  bytes: Uint8Array;
  book: XlsxBook;
  sheets: string[];
  /** The 评分细则 sheets among them, found by their layout. */
  rubricSheets: string[];
}

type Tone = "ok" | "info" | "error";


export class OfflinePage {
  private c: Catalog = catalog(pickLocale(navigator.language));
  private loaded?: Loaded;
  private sheet = "";
  /** "builtin:<id>", "file:<n>" or "sheet:<name>". */
  private rubricKey = "";
  private imported: Compiled[] = [];
  private manual: Record<string, string> = {};
  private rubric?: Compiled;
  private preview?: Preview;
  private issues: Issue[] = [];
  private result?: ScoreResult;
  private unit?: UnitResult;
  private message: { text: string; tone: Tone } | null = null;
  private download?: { url: string; file: string };

  constructor(private readonly root: HTMLElement) {}

  start(): void {
    // Dropping a file anywhere on the page opens it (instead of the browser navigating to it).
    document.addEventListener("dragover", (e) => e.preventDefault());
    document.addEventListener("drop", (e) => {
      e.preventDefault();
      const f = e.dataTransfer?.files[0];
      if (f) void this.open(f);
    });
    this.render();
  }

  async open(file: File): Promise<void> {
    this.reset();
    this.say(this.c.ui.opening, "info");
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(file);
    } catch (e) {
      return this.say(this.c.cli.fileUnreadable({ file: file.name, detail: e instanceof Error ? e.message : String(e) }), "error");
    }
    const opened = openBook(bytes, file.name, this.c);
    if (!opened.ok) return this.say(opened.message, "error");
    const sheets = (await opened.book.sheets()).map((s) => s.name);
    const book = opened.book;
    const found = await readSheetRubrics(async (names) => ok((await Promise.all(names.map((n) => book.readSheet(n)))).filter((g): g is Grid => g !== undefined)), sheets, []);
    const rubricSheets = found.ok ? [...found.value.keys()] : [];
    this.loaded = { name: file.name, bytes, book, sheets, rubricSheets };
    const ruleSheet = rubricSheets[0];
    this.sheet = sheets.find((s) => s !== ruleSheet) ?? sheets[0] ?? "";
    this.rubricKey = ruleSheet !== undefined ? sheetChoiceId(ruleSheet) : "";
    this.message = null;
    await this.refresh();
  }

  private reset(): void {
    this.loaded = undefined;
    this.manual = {};
    this.rubric = undefined;
    this.preview = undefined;
    this.issues = [];
    this.clearResult();
  }

  private clearResult(): void {
    this.result = undefined;
    this.unit = undefined;
    if (this.download) URL.revokeObjectURL(this.download.url);
    this.download = undefined;
  }

  private say(text: string, tone: Tone): void {
    this.message = { text, tone };
    this.render();
  }

  /** The chosen rubric (a built-in that fits the sheet best when none is chosen), then the preview. */
  private async refresh(): Promise<void> {
    const l = this.loaded;
    if (!l) return this.render();
    this.issues = [];
    this.rubric = undefined;
    try {
      const snap = await l.book.snapshot(this.sheet);
      const onSheet = sheetOfChoice(this.rubricKey);
      if (onSheet !== undefined) {
        const read = await readRubricSheet(l.book, onSheet);
        if (read.ok) this.rubric = read.value;
        else this.issues = read.issues;
      } else if (this.rubricKey.startsWith("file:")) {
        this.rubric = this.imported[Number(this.rubricKey.slice("file:".length))];
      } else {
        const id = this.rubricKey.slice("builtin:".length);
        this.rubric = builtinRubrics().find((r) => r.rubric.id === id) ?? this.bestBuiltin(snap ? previewScore(snap) : () => 0);
        this.rubricKey = `builtin:${this.rubric.rubric.id}`;
      }
      this.preview = this.rubric ? previewOf(snap, this.rubric, this.manual) : undefined;
    } catch (e) {
      this.loaded = undefined;
      return this.say(problemText(e, l.name, this.c), "error");
    }
    this.render();
  }

  private bestBuiltin(fit: (c: Compiled) => number): Compiled {
    const all = builtinRubrics();
    return all.reduce((best, c) => (fit(c) > fit(best) ? c : best), all[0] as Compiled);
  }

  private async importRubric(file: File): Promise<void> {
    const read = parseRubricBytes(await readBytes(file), file.name);
    if (!read.ok) {
      this.issues = read.issues;
      return this.render();
    }
    this.imported.push(read.value);
    this.rubricKey = `file:${this.imported.length - 1}`;
    this.clearResult();
    await this.refresh();
  }

  private async score(): Promise<void> {
    const l = this.loaded;
    const rubric = this.rubric;
    if (!l || !rubric) return;
    this.clearResult();
    this.say(this.c.ui.scoring, "info");
    const opened = openBook(l.bytes, l.name, this.c);
    if (!opened.ok) return this.say(opened.message, "error");
    const book = opened.book;
    try {
      const at = new Date().toISOString();
      const out = await scoreFile(book, rubric, { sheet: this.sheet, mapping: this.manual, notes: "shortfalls", locale: this.c, write: true, at });
      if (!out.ok) {
        this.issues = out.issues;
        this.message = null;
        return this.render();
      }
        // A scored copy scored again with a changed rubric of the same id: the summary says what changed.
        this.result = summarise(out.value.assessment, undefined, { at, rubricChange: out.value.rubricChange ?? null });
        this.issues = out.value.warnings;
      const notes: string[] = [];
      for (const lim of book.limitations()) {
        const params = { file: l.name, ...lim };
        if (lim.severity === "block") return this.say(this.c.cli.cannotWrite(params), "error");
        notes.push(this.c.cli.changes(params));
      }
      const file = copyName(l.name);
      const blob = new Blob([new Uint8Array(book.toBytes())], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      this.download = { url: URL.createObjectURL(blob), file };
      this.say([ui(this.c, "downloadHint", { file }), ...notes].join(" "), "ok");
    } catch (e) {
      this.say(problemText(e, l.name, this.c), "error");
    }
  }

  private render(): void {
    const c = this.c;
    document.documentElement.lang = c.locale;
    document.title = c.ui.webTitle;
    const l = this.loaded;
    while (this.root.firstChild) this.root.removeChild(this.root.firstChild); // replaceChildren: Chrome 86
    append(this.root, [
      h("header", { class: "bar" },
        h("h1", {}, c.ui.webTitle),
        h("button", { id: "lang", class: "subtle", attrs: { type: "button" }, on: { click: () => this.toggleLanguage() } }, c.ui.language)),
      this.opener(),
      this.message ? h("p", { id: "notice", class: `notice ${this.message.tone}`, attrs: { role: this.message.tone === "error" ? "alert" : "status" } }, this.message.text) : null,
      l ? this.context(l) : null,
      l && this.preview ? mapping(c, this.preview, { map: (ind, col) => this.map(ind, col), selectIssue: () => undefined }) : null,
      this.issues.some((i) => i.severity === "error")
        ? h("section", { id: "errors", class: "card error", attrs: { role: "alert" } }, h("ul", {}, ...this.issues.filter((i) => i.severity === "error").map((i) => h("li", {}, issueText(i, c)))))
        : null,
      l ? h("section", { class: "actions" },
        h("button", { id: "score", class: "primary", attrs: { type: "button", disabled: !this.rubric }, on: { click: () => void this.score() } }, c.ui.score),
        this.download ? h("a", { id: "download", class: "button", attrs: { href: this.download.url, download: this.download.file } }, c.ui.download) : null) : null,
      this.result ? summary(c, this.result, { selectIssue: () => undefined, selectUnit: (u) => this.showUnit(u) }) : null,
      this.result ? breakdown(c, this.unit) : null,
    ]);
  }

  private opener(): HTMLElement {
    const c = this.c;
    const input = h("input", { id: "workbook", attrs: { type: "file", accept: ".xlsx,.xlsm,.xltx,.xltm" } });
    input.addEventListener("change", () => {
      const f = input.files?.[0];
      if (f) void this.open(f);
    });
    return h("section", { id: "open", class: "card" },
      h("p", {}, c.ui.webIntro),
      h("label", { class: "button", attrs: { for: "workbook" } }, c.ui.pickWorkbook),
      input,
      h("span", { class: "muted" }, ` ${c.ui.dropHere}`),
      this.loaded ? h("p", {}, `${c.ui.workbook}${c.colon}`, h("bdi", { id: "workbook-name" }, this.loaded.name)) : null);
  }

  private context(l: Loaded): HTMLElement {
    const c = this.c;
    const sheetSelect = h("select", { id: "sheet", attrs: { "aria-label": c.ui.sheet }, on: { change: (e) => void this.chooseSheet((e.target as HTMLSelectElement).value) } },
      ...l.sheets.map((s) => option(s, isolate(s), s === this.sheet)));
    const rubricSelect = h("select", { id: "rubric", attrs: { "aria-label": c.ui.rubric }, on: { change: (e) => void this.chooseRubric((e.target as HTMLSelectElement).value) } },
      ...builtinRubrics().map((r) => option(`builtin:${r.rubric.id}`, r.rubric.name, this.rubricKey === `builtin:${r.rubric.id}`)),
      ...this.imported.map((r, i) => option(`file:${i}`, `${isolate(r.rubric.name)}${c.ui.rubricFromFile}`, this.rubricKey === `file:${i}`)),
      ...l.rubricSheets.map((s) => option(sheetChoiceId(s), ui(c, "rubricFromSheet", { sheet: isolate(s) }), this.rubricKey === sheetChoiceId(s))));
    const file = h("input", { id: "rubric-file", attrs: { type: "file", accept: ".json,.yaml,.yml" } });
    file.addEventListener("change", () => {
      const f = file.files?.[0];
      if (f) void this.importRubric(f);
      file.value = "";
    });
    const p = this.preview;
    return h("section", { id: "context", class: "card" },
      h("label", {}, c.ui.sheet, " ", sheetSelect),
      h("dl", { class: "inline-facts" },
        h("dt", {}, c.ui.headerRow), h("dd", { id: "header-row" }, p?.headerRow ?? "—"),
        h("dt", {}, c.ui.unitColumn), h("dd", { id: "unit-column" }, p?.unitColumn ?? "—")),
      h("label", {}, c.ui.rubric, " ", rubricSelect),
      h("label", { class: "button subtle", attrs: { for: "rubric-file" } }, c.ui.importRubric),
      file);
  }

  private async chooseSheet(name: string): Promise<void> {
    this.sheet = name;
    this.manual = {};
    this.clearResult();
    await this.refresh();
  }

  private async chooseRubric(key: string): Promise<void> {
    this.rubricKey = key;
    this.manual = {};
    this.clearResult();
    await this.refresh();
  }

  private async map(indicator: string, column: string | null): Promise<void> {
    const next = { ...this.manual };
    if (column === null) delete next[indicator];
    else next[indicator] = column;
    this.manual = next;
    this.clearResult();
    await this.refresh();
  }

  private showUnit(u: UnitResult): void {
    this.unit = u;
    this.render();
    document.getElementById("breakdown")?.scrollIntoView();
  }

  private toggleLanguage(): void {
    this.c = catalog(this.c.locale === "zh-CN" ? "en-US" : "zh-CN");
    this.render();
  }
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  const o = h("option", { attrs: { value } }, label);
  o.selected = selected;
  return o;
}

/** "考核表.xlsx" → "考核表-考核.xlsx": the copy's name says what it is and keeps the kind. */
export function copyName(name: string): string {
  const m = /^(.*?)(\.[^.]*)?$/.exec(name);
  return `${m?.[1] || "workbook"}-考核${m?.[2] ?? ".xlsx"}`;
}

/** How well a rubric's indicators fit the sheet (found / required), for picking a built-in. */
function previewScore(snap: NonNullable<Awaited<ReturnType<XlsxBook["snapshot"]>>>): (c: Compiled) => number {
  return (c) => {
    const p = previewOf(snap, c, {});
    const required = p.rows.filter((r) => r.required).length;
    return p.rows.filter((r) => r.column !== null || r.derived).length / Math.max(1, required);
  };
}
