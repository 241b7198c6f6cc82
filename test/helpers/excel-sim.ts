/**
 * The Excel task pane's session over the real Excel adapter, on the Office.js simulator
 * (test/sim/office): what the adapter tests and the benchmark drive.
 */
import { ExcelHost, type ExcelRun } from "../../src/adapters/excel/excel-host";
import type { ReadLimits } from "../../src/adapters/excel/read";
import { PaneSession } from "../../src/app/pane-session";
import { catalog, type Locale } from "../../src/i18n";
import type { Result } from "../../src/core/issue";
import { asOfficeJs, createOfficeSim, type ModelSnapshot, type SimOptions, type SimSeed } from "../sim/office";

export const TIME = "2026-11-23T10:00:00.000Z";

export interface SimHooks {
  limits?: ReadLimits;
  /** Called before every context.sync() the adapter makes (count from 1): the user acting while Kaohe works. */
  beforeSync?: (n: number) => void;
}

export function simSession(seed: SimSeed, options: SimOptions = {}, locale: Locale = "zh-CN", hooks: SimHooks = {}) {
  const sim = createOfficeSim(seed, { displayLanguage: locale, ...options });
  const typed = asOfficeJs(sim);
  let syncs = 0;
  const run: ExcelRun = (o, batch) => typed.Excel.run(o, (ctx) => {
    const sync = ctx.sync.bind(ctx);
    ctx.sync = <T>(passThrough?: T) => {
      hooks.beforeSync?.(++syncs);
      return sync(passThrough);
    };
    return batch(ctx);
  });
  const host = new ExcelHost(run, () => locale, (n, v) => typed.Office.context.requirements.isSetSupported(n, v), hooks.limits);
  const session = new PaneSession(host, catalog(locale), () => TIME);
  return { sim, host, session, user: sim.controls, syncs: () => syncs };
}

/** What the user can see and touch: everything but Kaohe's invisible state part, the undo counter and the selection. */
export function userModel(m: ModelSnapshot) {
  const { customXmlParts: _parts, undo: _undo, selection: _sel, activeSheet: _active, ...rest } = m;
  return rest;
}

export const cellsOf = (m: ModelSnapshot, sheet: string) => m.sheets.find((s) => s.name === sheet)?.cells ?? {};
export const valueAt = (m: ModelSnapshot, sheet: string, a1: string) => cellsOf(m, sheet)[a1]?.value;

/** A result's issues as [code, params] pairs (none when it succeeded), for exact comparison. */
export const codes = (r: Result<unknown>) => (r.ok ? [] : r.issues.map((i) => [i.code, i.params]));
