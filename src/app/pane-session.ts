/**
 * The task pane's use cases, whatever the host: open the active sheet, show how the chosen rubric's
 * indicators map to its columns, map them by hand, score (replacing earlier outputs), show what a
 * rubric switch changed, clear, and explain a selected unit. State lives in the workbook.
 */
import { assess, type Assessment } from "../core/assess";
import { columnLetter, parseRange, rangeA1 } from "../core/grid";
import { issue, type Issue } from "../core/issue";
import { buildWritePlan, relocateOwnedArea } from "../core/plan/write-plan";
import { compileRubric, type Compiled } from "../core/rubric/compile";
import { locateTable, type ColumnMapping } from "../core/table/layout";
import type { UnitResult } from "../core/score/types";
import { texts, type Catalog } from "../i18n";
import { builtinRubrics, parseRubricText } from "./rubrics";
import { ownedHeaders } from "./owned-outputs";
import { pickResultsSheet } from "./results-sheet";
import { EMPTY_STATE, withoutOutputs, type HostResult, type LastUnit, type OwnedRecord, type PaneHost, type PaneState, type Snapshot } from "./pane-host";

export interface MappingRow {
  indicator: string;
  required: boolean;
  /** Column letter the indicator reads, or null when it has none. */
  column: string | null;
  header: string | null;
  /** Derived from other columns (no column needed). */
  derived: boolean;
  /** False for optional inputs of a derivation whose result has its own column: nothing to map. */
  needed: boolean;
  manual: boolean;
}

export interface Preview {
  sheet: string;
  headerRow: number | null;
  unitColumn: string | null;
  rubricId: string;
  rows: MappingRow[];
  headers: { letter: string; text: string }[];
  issues: Issue[];
}

export interface Change {
  unit: string;
  before: { status: string; rank: number | null } | null;
  after: { status: string; rank: number | null } | null;
}

export interface ScoreResult {
  assessment: Assessment;
  counts: { scored: number; vetoed: number; incomplete: number };
  top: UnitResult[];
  bottom: UnitResult[];
  commended: string[];
  laggards: string[];
  /** Attainment rubrics: units that met every target, and those that did not. */
  attained: string[];
  notAttained: string[];
  /** Present when there was an earlier run: units whose rank or status changed. */
  changes?: Change[];
  previousRubric?: string;
}

export interface RubricChoice {
  id: string;
  name: string;
  fromWorkbook: boolean;
}

export class PaneSession {
  state: PaneState = EMPTY_STATE;
  snapshot?: Snapshot;
  assessment?: Assessment;
  private workbookRubrics: Compiled[] = [];

  constructor(
    private readonly host: PaneHost,
    public locale: Catalog,
  ) {}

  rubrics(): RubricChoice[] {
    return [
      ...builtinRubrics().map((c) => ({ id: c.rubric.id, name: c.rubric.name, fromWorkbook: false })),
      ...this.workbookRubrics.map((c) => ({ id: c.rubric.id, name: c.rubric.name, fromWorkbook: true })),
    ];
  }

  private compiled(id: string | undefined): Compiled | undefined {
    return [...this.workbookRubrics, ...builtinRubrics()].find((c) => c.rubric.id === id);
  }

  rubric(): Compiled {
    return this.compiled(this.state.rubricId) ?? this.bestMatch();
  }

  /** The rubric whose indicators the sheet's headers answer best. */
  private bestMatch(): Compiled {
    const all = [...this.workbookRubrics, ...builtinRubrics()];
    const grid = this.snapshot?.grid;
    let best = all[0] as Compiled;
    let bestScore = -1;
    for (const c of all) {
      const found = grid ? locateTable(grid, c.rubric).partial?.columns.size ?? 0 : 0;
      const score = found / Math.max(1, c.rubric.indicators.filter((i) => i.required).length);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  private mapping(): ColumnMapping {
    const sheet = this.snapshot?.grid.sheet ?? "";
    return this.state.mappings[sheet]?.[this.rubric().rubric.id] ?? {};
  }

  private ownedHeaders(): Set<string> {
    return ownedHeaders(this.workbookRubrics);
  }

  private loadWorkbookRubrics(): void {
    this.workbookRubrics = [];
    for (const doc of this.state.rubrics) {
      const c = compileRubric(doc);
      if (c.ok && !builtinRubrics().some((b) => b.rubric.id === c.value.rubric.id)) this.workbookRubrics.push(c.value);
    }
  }

  /**
   * The previous run's record with its sheet area checked against the sheet as it is now (see
   * relocateOwnedArea): an empty area means there is nothing of Kaohe's to clear on that sheet.
   */
  private async verifiedOwned(owned: OwnedRecord | undefined, current: Snapshot): Promise<OwnedRecord | undefined> {
    if (!owned) return undefined;
    let grid = current.grid;
    if (owned.sheet !== grid.sheet) {
      const other = await this.host.snapshot(owned.sheet);
      if (!other.ok) return { ...owned, area: "" };
      grid = other.value.grid;
    }
    const recorded = parseRange(owned.area);
    const found = recorded ? relocateOwnedArea(grid, recorded, this.ownedHeaders()) : null;
    return { ...owned, area: found ? rangeA1(found) : "" };
  }

  /** Read the sheet and the workbook's state afresh: the user may have edited either since. */
  private async refresh(): Promise<HostResult<Snapshot>> {
    const snap = await this.host.snapshot();
    if (!snap.ok) return snap;
    this.snapshot = snap.value;
    this.state = snap.value.state;
    this.loadWorkbookRubrics();
    return snap;
  }

  async open(): Promise<HostResult<Preview>> {
    const snap = await this.refresh();
    return snap.ok ? { ok: true, value: this.preview() } : snap;
  }

  preview(): Preview {
    const grid = this.snapshot?.grid;
    const compiled = this.rubric();
    const base: Preview = { sheet: grid?.sheet ?? "", headerRow: null, unitColumn: null, rubricId: compiled.rubric.id, rows: [], headers: [], issues: [] };
    if (!grid) return base;
    const manual = this.mapping();
    const located = locateTable(grid, compiled.rubric, manual, this.ownedHeaders());
    const part = located.partial;
    const headers = part?.headers ?? [];
    const rows: MappingRow[] = compiled.rubric.indicators.map((ind) => {
      const col = part?.columns.get(ind.key);
      const status = part?.status.get(ind.key) ?? "missing";
      return {
        indicator: ind.name,
        required: ind.required,
        column: col === undefined ? null : columnLetter(col),
        header: col === undefined ? null : (headers.find((h) => h.col === col)?.text ?? null),
        derived: status === "derived",
        needed: status !== "unneeded",
        manual: ind.name in manual,
      };
    });
    return {
      ...base,
      headerRow: part ? part.headerRow + 1 : null,
      unitColumn: located.layout ? columnLetter(located.layout.unitCol) : null,
      rows,
      headers: headers.map((h) => ({ letter: columnLetter(h.col), text: h.text })),
      issues: located.issues,
    };
  }

  async chooseRubric(id: string): Promise<Preview> {
    if (this.compiled(id)) this.state = { ...this.state, rubricId: id };
    await this.host.saveState(this.state);
    return this.preview();
  }

  /** Map an indicator to a column letter by hand; null returns it to automatic matching. */
  async setMapping(indicator: string, column: string | null): Promise<Preview> {
    const sheet = this.snapshot?.grid.sheet ?? "";
    const id = this.rubric().rubric.id;
    const bySheet = { ...(this.state.mappings[sheet] ?? {}) };
    const current = { ...(bySheet[id] ?? {}) };
    if (column === null) delete current[indicator];
    else current[indicator] = column;
    bySheet[id] = current;
    this.state = { ...this.state, mappings: { ...this.state.mappings, [sheet]: bySheet } };
    await this.host.saveState(this.state);
    return this.preview();
  }

  async importRubric(text: string, fileName: string): Promise<HostResult<string>> {
    const parsed = parseRubricText(text, fileName);
    if (!parsed.ok) return parsed;
    const id = parsed.value.rubric.id;
    if (builtinRubrics().some((b) => b.rubric.id === id)) {
      return { ok: false, issues: [issue("rubric.duplicateName", { name: id, path: "id" }, { path: ["id"] })] };
    }
    const others = this.state.rubrics.filter((d) => (d as { id?: unknown }).id !== id);
    this.state = { ...this.state, rubrics: [...others, parsed.value.rubric.doc], rubricId: id };
    this.loadWorkbookRubrics();
    const saved = await this.host.saveState(this.state);
    return saved.ok ? { ok: true, value: id } : saved;
  }

  async score(): Promise<HostResult<ScoreResult>> {
    const snap = await this.refresh();
    if (!snap.ok) return snap;
    const { grid } = snap.value;
    if (snap.value.locked) return { ok: false, issues: [protectedSheet(grid.sheet)] };

    const compiled = this.rubric();
    const ownedHeaders = this.ownedHeaders();
    const { assessment, issues } = assess(grid, compiled.rubric, { mapping: this.mapping(), ownedHeaders });
    if (!assessment) return { ok: false, issues };

    const t = texts(this.locale);
    const plan = buildWritePlan(grid, assessment, t, {
      resultsSheet: pickResultsSheet(t.label("resultsSheet"), new Set(snap.value.takenSheetNames), this.state.owned?.resultsSheet),
      ownedHeaders,
      strict: true,
    });
    if (!plan.ok) return plan;
    const previous = this.state.last;
    const owned = await this.verifiedOwned(this.state.owned, snap.value);
    const next: PaneState = {
      ...this.state,
      ...(owned && { owned }),
      rubricId: compiled.rubric.id,
      last: { rubricId: compiled.rubric.id, sheet: grid.sheet, units: assessment.units.map((u): LastUnit => [u.unit, u.status, u.rank, u.total]) },
    };
    const applied = await this.host.apply(plan.value, next);
    if (!applied.ok) return applied;
    this.state = { ...next, owned: applied.value };
    this.assessment = assessment;
    return { ok: true, value: this.summarise(assessment, previous) };
  }

  private summarise(a: Assessment, previous: PaneState["last"]): ScoreResult {
    const count = (s: string) => a.units.filter((u) => u.status === s).length;
    const ranked = a.units.filter((u) => u.rank !== null).sort((x, y) => (x.rank ?? 0) - (y.rank ?? 0));
    const clean = ranked.filter((u) => u.status === "scored");
    const result: ScoreResult = {
      assessment: a,
      counts: { scored: count("scored"), vetoed: count("vetoed"), incomplete: count("incomplete") },
      top: clean.slice(0, 3),
      bottom: clean.length > 3 ? clean.slice(-3).reverse() : [],
      commended: a.units.filter((u) => u.outcomes.includes("commended")).map((u) => u.unit),
      laggards: a.units.filter((u) => u.outcomes.includes("laggard")).map((u) => u.unit),
      attained: a.units.filter((u) => u.outcomes.includes("attained")).map((u) => u.unit),
      notAttained: a.units.filter((u) => u.outcomes.includes("notAttained")).map((u) => u.unit),
    };
    if (previous && previous.sheet === a.sheet) {
      result.changes = diff(previous.units, a.units);
      result.previousRubric = previous.rubricId;
    }
    return result;
  }

  async clear(): Promise<HostResult<void>> {
    const snap = await this.refresh();
    if (!snap.ok) return snap;
    const { grid } = snap.value;
    if (snap.value.locked && this.state.owned?.sheet === grid.sheet) return { ok: false, issues: [protectedSheet(grid.sheet)] };
    const owned = await this.verifiedOwned(this.state.owned, snap.value);
    const cleared = await this.host.clear({ ...this.state, ...(owned && { owned }) });
    if (!cleared.ok) return cleared;
    this.state = withoutOutputs(this.state);
    this.assessment = undefined;
    return cleared;
  }

  /** The unit on a 0-based sheet row of the last run, if any. */
  unitAt(sheet: string, row: number): UnitResult | undefined {
    if (!this.assessment || this.assessment.sheet !== sheet) return undefined;
    return this.assessment.units.find((u) => u.row === row);
  }

  async selectProblem(p: Issue): Promise<void> {
    if (p.cell) await this.host.select(p.sheet ?? this.snapshot?.grid.sheet ?? "", p.cell);
  }
}

const protectedSheet = (sheet: string): Issue => issue("sheet.protected", { sheet }, { sheet });

export function diff(before: ReadonlyArray<LastUnit>, after: ReadonlyArray<UnitResult>): Change[] {
  const old = new Map(before.map(([unit, status, rank]) => [unit, { status, rank }]));
  const changes: Change[] = [];
  for (const u of after) {
    const b = old.get(u.unit) ?? null;
    old.delete(u.unit);
    if (!b || b.status !== u.status || b.rank !== u.rank) changes.push({ unit: u.unit, before: b, after: { status: u.status, rank: u.rank } });
  }
  for (const [unit, b] of old) changes.push({ unit, before: b, after: null });
  return changes;
}
