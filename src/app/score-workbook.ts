/** The main use case: read the sheet, assess it with a rubric, build the write plan, apply it. */
import { assess, type Assessment } from "../core/assess";
import type { ColumnMapping } from "../core/table/layout";
import { issue, type Issue } from "../core/issue";
import type { Compiled } from "../core/rubric/compile";
import { buildWritePlan, type NotesChoice, type WritePlan } from "../core/plan/write-plan";
import { texts, type Catalog } from "../i18n";
import { ownedHeaders, RESULTS_TITLES } from "./owned-outputs";
import type { WorkbookPort } from "./ports";
import { pickResultsSheet } from "./results-sheet";

export interface ScoreOptions {
  sheet?: string;
  mapping?: ColumnMapping;
  /** Which units get an explanation note (default: those with something to explain). */
  notes?: NotesChoice;
  locale: Catalog;
  /** Build and apply the write plan (false: assess only, as `--format json` without `--out`). */
  write: boolean;
}

export type ScoreOutcome = { ok: true; assessment: Assessment; plan?: WritePlan; warnings: Issue[] } | { ok: false; issues: Issue[] };

export async function scoreWorkbook(wb: WorkbookPort, rubric: Compiled, opts: ScoreOptions): Promise<ScoreOutcome> {
  const grid = await wb.readSheet(opts.sheet);
  if (!grid) return { ok: false, issues: [issue("table.empty", { sheet: opts.sheet ?? "" }, { sheet: opts.sheet ?? "" })] };
  const owned = ownedHeaders([rubric]);
  const { assessment, issues } = assess(grid, rubric.rubric, { ownedHeaders: owned, ...(opts.mapping && { mapping: opts.mapping }) });
  if (!assessment) return { ok: false, issues };
  if (!opts.write) return { ok: true, assessment, warnings: rubric.warnings };

  const t = texts(opts.locale);
  const sheets = await wb.sheets();
  const planned = buildWritePlan(grid, assessment, t, {
    // Sheets whose A1 is a Kaohe title are Kaohe's results from an earlier run: not taken.
    resultsSheet: pickResultsSheet(t.label("resultsSheet"), new Set(sheets.filter((s) => !RESULTS_TITLES.has(s.title)).map((s) => s.name))),
    ownedHeaders: owned,
    ...(opts.notes && { notes: opts.notes }),
  });
  if (!planned.ok) return { ok: false, issues: planned.issues };
  await wb.apply(planned.value);
  return { ok: true, assessment, plan: planned.value, warnings: rubric.warnings };
}
