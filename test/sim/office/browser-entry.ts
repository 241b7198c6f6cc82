/**
 * Loaded instead of office.js in browser tests: installs window.Office/Excel/OfficeExtension and
 * window.kaoheSim (the user controls plus `model()` as plain JSON). The seed comes from
 * window.kaoheSimSeed and options from window.kaoheSimOptions when present.
 */
import { createOfficeSim, type SimOptions } from "./office";
import type { SimSeed } from "./seed";
import { installGlobals } from "./typed";

interface SimWindow {
  kaoheSimSeed?: SimSeed;
  kaoheSimOptions?: SimOptions;
  kaoheSim?: unknown;
}

const w = window as unknown as SimWindow & Record<string, unknown>;
const sim = createOfficeSim(w.kaoheSimSeed, w.kaoheSimOptions ?? {});
installGlobals(sim, w);
w.kaoheSim = { ...sim.controls, model: () => sim.controls.snapshot() };
