/** xl/workbook.xml: sheets (name, visibility, part), defined names and the date system. */
import { fail } from "./errors";
import { type Relationship, REL } from "./opc";
import { parseXml } from "./xml";

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The worksheet part; undefined for chart sheets and dialog sheets. */
  part?: string;
}

export interface DefinedName {
  name: string;
  localSheetId?: number;
  hidden: boolean;
  text: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  date1904: boolean;
}

export function parseWorkbook(text: string, part: string, rels: ReadonlyArray<Relationship>): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], definedNames: [], date1904: false };
  let name: DefinedName | undefined;
  parseXml(text, part, {
    open(tag, a) {
      if (tag === "workbookPr") info.date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (tag === "sheet") {
        const relId = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
        const rel = rels.find((r) => r.id === relId);
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        info.sheets.push({ name: a.name ?? "", sheetId: a.sheetId ?? "", relId, state, ...(rel?.type === REL.worksheet && { part: rel.target }) });
      } else if (tag === "definedName") {
        name = { name: a.name ?? "", hidden: a.hidden === "1" || a.hidden === "true", text: "", ...(a.localSheetId !== undefined && { localSheetId: Number(a.localSheetId) }) };
      }
    },
    text(t) {
      if (name) name.text += t;
    },
    close(tag) {
      if (tag === "definedName" && name) {
        info.definedNames.push(name);
        name = undefined;
      }
    },
  });
  const seen = new Set<string>();
  for (const s of info.sheets) {
    if (seen.has(s.name.toLowerCase())) fail({ code: "duplicatePart", part: `${part}: sheet "${s.name}"` });
    seen.add(s.name.toLowerCase());
  }
  return info;
}
