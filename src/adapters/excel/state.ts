/**
 * Kaohe's state in the workbook itself: a custom XML part (ExcelApi 1.5), which is saved in the file
 * for every add-in instance and platform, unlike document settings (per add-in id, and lost on Mac
 * after save/reopen: office-js #6091). A v1 state in the settings gives its chosen and imported rubrics
 * until the first save moves them into the part; its output record held no fingerprints, so nothing it
 * names is treated as Kaohe's, and its hand mappings (keyed by sheet name, not token) are not carried.
 */
import { EMPTY_STATE, STATE_NAMESPACE, stateFromXml, stateXml, type WorkbookState } from "../../core/ownership/record";

export const LEGACY_KEY = "kaohe.state";

export interface StateHandle {
  part: Excel.CustomXmlPart;
  legacy: Excel.Setting;
  /** Set by queueSave: the part exists from then on, and the v1 setting is gone. */
  saved?: boolean;
}

/** Queue the loads; read with `stateOf` after the next sync, then `stateText` after the one after. */
export function queueState(context: Excel.RequestContext): StateHandle {
  const part = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).getOnlyItemOrNullObject();
  part.load("isNullObject, id");
  const legacy = context.workbook.settings.getItemOrNullObject(LEGACY_KEY);
  legacy.load("isNullObject, value");
  return { part, legacy };
}

export function queueXml(h: StateHandle): OfficeExtension.ClientResult<string> | null {
  return h.part.isNullObject ? null : h.part.getXml();
}

export function stateOf(h: StateHandle, xml: OfficeExtension.ClientResult<string> | null): WorkbookState {
  if (xml) return stateFromXml(xml.value);
  return h.legacy.isNullObject ? EMPTY_STATE : fromLegacy(h.legacy.value);
}

function fromLegacy(value: unknown): WorkbookState {
  try {
    const v1 = typeof value === "string" ? (JSON.parse(value) as { rubricId?: unknown; rubrics?: unknown }) : null;
    if (!v1) return EMPTY_STATE;
    return { ...EMPTY_STATE, ...(typeof v1.rubricId === "string" && { rubricId: v1.rubricId }), rubrics: Array.isArray(v1.rubrics) ? v1.rubrics : [] };
  } catch {
    return EMPTY_STATE;
  }
}

/** Queue saving the state: replace the part's XML (or add the part) and drop a v1 setting. */
export function queueSave(context: Excel.RequestContext, h: StateHandle, state: WorkbookState): void {
  const xml = stateXml(state);
  if (h.saved) return void h.part.setXml(xml);
  if (h.part.isNullObject) h.part = context.workbook.customXmlParts.add(xml);
  else h.part.setXml(xml);
  if (!h.legacy.isNullObject) h.legacy.delete();
  h.saved = true;
}
