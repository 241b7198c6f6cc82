/**
 * The simulator seen through @types/office-js, for code typed against the real API:
 * `asOfficeJs(sim).Excel.run(async (ctx) => …)` with `ctx: Excel.RequestContext`.
 */
import type { OfficeSim } from "./office";

export interface TypedOfficeSim {
  Excel: typeof Excel;
  Office: typeof Office;
  OfficeExtension: typeof OfficeExtension;
}

export function asOfficeJs(sim: OfficeSim): TypedOfficeSim {
  return {
    Excel: sim.Excel as unknown as typeof Excel,
    Office: sim.Office as unknown as typeof Office,
    OfficeExtension: sim.OfficeExtension as unknown as typeof OfficeExtension,
  };
}

/** Install the globals office.js would define (globalThis.Excel/Office/OfficeExtension). */
export function installGlobals(sim: OfficeSim, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  target.Excel = sim.Excel;
  target.Office = sim.Office;
  target.OfficeExtension = sim.OfficeExtension;
}
