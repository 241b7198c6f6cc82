/** The pane's state in the workbook's document settings (ExcelApi 1.4), saved with the workbook. */
import { EMPTY_STATE, type PaneState } from "../../app/pane-host";

export const STATE_KEY = "kaohe.state";

/** A state from an older or damaged workbook becomes the empty state rather than an error. */
export function parseState(value: unknown): PaneState {
  try {
    const s = typeof value === "string" ? (JSON.parse(value) as Partial<PaneState>) : null;
    if (!s || s.version !== 1) return EMPTY_STATE;
    return { ...EMPTY_STATE, ...s, mappings: s.mappings ?? {}, rubrics: Array.isArray(s.rubrics) ? s.rubrics : [] };
  } catch {
    return EMPTY_STATE;
  }
}

export function serializeState(state: PaneState): string {
  return JSON.stringify(state);
}
