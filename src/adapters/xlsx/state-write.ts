/** Kaohe's state part and anchor names written into a package being patched (see kaohe-state.ts). */
import { SHEET_NAME, type WorkbookState, outputName, resultsName, stateXml } from "../../core/ownership/record";
import { addDefault, addOverride, addRelationship, emptyRels, freshRelId } from "./bookkeeping";
import { statePart } from "./kaohe-state";
import { REL, relativeTarget, relsPartOf } from "./opc";
import type { Patch } from "./patch";
import { esc } from "./xml";

const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
// A fixed item id: the part is found by its namespace, never by this id.
const ITEM_ID = "{6B61F3A1-0E4F-4A8D-9C1B-4B616F686532}";

export function writeState(patch: Patch, state: WorkbookState): void {
  const { pkg } = patch;
  const existing = statePart(pkg);
  if (existing) {
    patch.set(existing, stateXml(state));
    return;
  }
  let n = 1;
  while (patch.has(`customXml/item${n}.xml`) || patch.has(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  patch.set(item, stateXml(state));
  patch.set(props, `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:kaohe:state:2"/></ds:schemaRefs></ds:datastoreItem>`);
  patch.set(relsPartOf(item), addRelationship(emptyRels(), "rId1", REL.customXmlProps, `itemProps${n}.xml`));
  const wbRels = relsPartOf(pkg.workbookPart);
  const rels = patch.text(wbRels) ?? emptyRels();
  patch.set(wbRels, addRelationship(rels, freshRelId(rels), REL.customXml, relativeTarget(pkg.workbookPart, item)));
  let types = patch.text("[Content_Types].xml") ?? "";
  if (!/<Default\b[^>]*Extension="xml"/i.test(types)) types = addDefault(types, "xml", "application/xml");
  patch.set("[Content_Types].xml", addOverride(types, props, PROPS_TYPE));
}

export interface AnchorNames {
  sheetIndex: number;
  token: string;
  /** `'Sheet'!$X$3:$Z$40`, or null to remove. */
  output: string | null;
  results: string | null;
}

const nameRe = /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>|<definedName\b([^>]*)\/>/g;
const attrOf = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** The workbook XML with this sheet's anchor names replaced. */
export function setAnchors(workbook: string, a: AnchorNames): string {
  const drop = (attrs: string) => {
    const name = attrOf(attrs, "name");
    const local = attrOf(attrs, "localSheetId");
    return (name === SHEET_NAME && local === String(a.sheetIndex)) || (local === undefined && (name === outputName(a.token) || name === resultsName(a.token)));
  };
  let xml = workbook.replace(nameRe, (all, attrs?: string, _t?: string, selfAttrs?: string) => (drop(attrs ?? selfAttrs ?? "") ? "" : all));
  const add = [
    `<definedName name="${SHEET_NAME}" localSheetId="${a.sheetIndex}" hidden="1">"${a.token}"</definedName>`,
    a.output ? `<definedName name="${outputName(a.token)}" hidden="1">${esc(a.output)}</definedName>` : "",
    a.results ? `<definedName name="${resultsName(a.token)}" hidden="1">${esc(a.results)}</definedName>` : "",
  ].join("");
  if (/<definedNames\s*\/>/.test(xml)) return xml.replace(/<definedNames\s*\/>/, `<definedNames>${add}</definedNames>`);
  const end = xml.indexOf("</definedNames>");
  if (end >= 0) return xml.slice(0, end) + add + xml.slice(end);
  // definedNames follows sheets, functionGroups and externalReferences (schema order).
  const after = ["</externalReferences>", "</functionGroups>", "</sheets>"].map((t) => [t, xml.indexOf(t)] as const).find(([, i]) => i >= 0);
  if (!after) return xml;
  const at = after[1] + after[0].length;
  xml = xml.slice(0, at) + `<definedNames>${add}</definedNames>` + xml.slice(at);
  return xml;
}
