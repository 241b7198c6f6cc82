/**
 * Kaohe's state in a WPS workbook: the same custom XML part (namespace urn:kaohe:state:2) the Excel
 * pane and the CLI keep, so a workbook scored in one host is recognised by the others. The et typings
 * declare `Workbook.CustomXMLParts` (Kso.CustomXMLParts: Add, Item, Count, XML, Delete). The
 * alternatives are worse: a custom document property holds at most 255 characters of text, a very
 * hidden sheet is one more sheet that structure protection blocks and formulas can see, and
 * `PluginStorage` is not saved with the document at all.
 */
import { EMPTY_STATE, STATE_NAMESPACE, stateFromXml, stateXml, type WorkbookState } from "../../core/ownership/record";
import type { WpsCustomXmlPart, WpsWorkbook } from "./wps-types";

function stateParts(wb: WpsWorkbook): WpsCustomXmlPart[] {
  const parts = wb.CustomXMLParts;
  const out: WpsCustomXmlPart[] = [];
  for (let i = 1; i <= parts.Count; i++) {
    const p = parts.Item(i);
    if (p.NamespaceURI === STATE_NAMESPACE) out.push(p);
  }
  return out;
}

/** The state saved in the workbook (the newest part, should an earlier save have left two). */
export function readState(wb: WpsWorkbook): WorkbookState {
  const parts = stateParts(wb);
  const last = parts[parts.length - 1];
  return last ? stateFromXml(last.XML) : EMPTY_STATE;
}

/**
 * Save the state: the new part is added before the old one goes, so a failure never leaves none. Once
 * the new part is there the state is saved (it is the one read); an old part that could not be deleted
 * is stale, and goes with the next save.
 */
export function saveState(wb: WpsWorkbook, state: WorkbookState): void {
  const old = stateParts(wb);
  wb.CustomXMLParts.Add(stateXml(state));
  for (const p of old) {
    try {
      p.Delete();
    } catch {
      // stale: see above
    }
  }
}
