/**
 * A new, minimal .xlsx written from scratch: worksheets of plain values (text as shared strings in
 * a text number format, numbers as numbers), bold heading rows, column widths and list drop-downs
 * (<dataValidations>). Used for `kaohe rubric export --format sheet` and the examples; no Node APIs,
 * only fflate, so the pane could use it too. Bytes are stable: fixed zip dates, no clock.
 */
import { strToU8, zipSync } from "fflate";
import { columnLetter } from "../../core/grid";
import { esc } from "./xml";

export type FileCell = string | number | null;

export interface SheetFile {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<FileCell>>;
  /** A1 range → the choices offered in each of its cells. */
  validations?: ReadonlyArray<{ ref: string; list: ReadonlyArray<string> }>;
  /** 0-based rows shown in bold (block titles, column names). */
  headings?: ReadonlyArray<number>;
  /** Column widths in characters, from column A. */
  widths?: ReadonlyArray<number>;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel refuses a list whose formula is longer than this. */
const MAX_LIST_CHARS = 255;
/** Sheet names Excel accepts: 1–31 characters, none of : \ / ? * [ ]. */
const BAD_SHEET_NAME = /[:\\/?*[\]]/;

class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;

  of(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("");
    return `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

// Styles: 0 General, 1 text (@) for text cells, 2 bold text for headings.
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
  `<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function cellXml(ref: string, v: FileCell, bold: boolean, sst: SharedStrings): string {
  if (v === null || v === "") return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`cell ${ref}: ${v} is not a finite number`);
    // A template writes -0 as "0".
    return `<c r="${ref}"${bold ? ' s="2"' : ""}><v>${v}</v></c>`;
  }
  return `<c r="${ref}" s="${bold ? 2 : 1}" t="s"><v>${sst.of(v)}</v></c>`;
}

function validationXml(v: { ref: string; list: ReadonlyArray<string> }): string {
  const formula = `"${v.list.join(",")}"`;
  if (formula.length > MAX_LIST_CHARS + 2 || v.list.some((x) => x.includes(",") || x.includes('"'))) {
    throw new Error(`drop-down list for ${v.ref} cannot be written inline`);
  }
  return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${esc(v.ref)}"><formula1>${esc(formula)}</formula1></dataValidation>`;
}

function sheetXml(s: SheetFile, sst: SharedStrings): string {
  // Stryker disable next-line LogicalOperator,ArrayDeclaration: without headings any of these sets holds no row number
  const bold = new Set(s.headings ?? []);
  const rows = s.rows
    .map((row, r) => {
      const cells = row.map((v, c) => cellXml(`${columnLetter(c)}${r + 1}`, v, bold.has(r), sst)).join("");
      return cells ? `<row r="${r + 1}">${cells}</row>` : "";
    })
    .join("");
  const cols = s.widths?.length
    ? `<cols>${s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const dv = s.validations?.length ? `<dataValidations count="${s.validations.length}">${s.validations.map(validationXml).join("")}</dataValidations>` : "";
  return `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData>${dv}</worksheet>`;
}

/** The .xlsx package of these sheets, in order (the first is the one Excel opens on). */
export function workbookBytes(sheets: ReadonlyArray<SheetFile>): Uint8Array {
  if (!sheets.length) throw new Error("a workbook needs a sheet");
  const names = new Set<string>();
  for (const s of sheets) {
    if (!s.name || s.name.length > 31 || BAD_SHEET_NAME.test(s.name) || names.has(s.name.toLowerCase())) throw new Error(`bad sheet name: ${s.name}`);
    names.add(s.name.toLowerCase());
  }
  const sst = new SharedStrings();
  const sheetParts = sheets.map((s) => sheetXml(s, sst));
  const n = sheets.length;
  const files: Record<string, string> = {
    "[Content_Types].xml":
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    "_rels/.rels": `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/styles.xml": STYLES,
    "xl/sharedStrings.xml": sst.xml(),
  };
  sheetParts.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  const mtime = new Date(1980, 0, 1);
  const zippable = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [strToU8(v), { mtime }] as [Uint8Array, { mtime: Date }]]));
  // Stryker disable next-line ObjectLiteral: 6 is fflate's default level; stated so the bytes do not depend on it
  return zipSync(zippable, { level: 6 });
}

/** A 评分细则 sheet as a file: its drop-downs, bold titles and column names, readable widths. */
export function rubricSheetFile(sheet: { name: string; rows: ReadonlyArray<ReadonlyArray<FileCell>>; validations: SheetFile["validations"]; headings: ReadonlyArray<number> }): SheetFile {
  return { ...sheet, widths: [14, 18, 8, 22, 16, 12, 8, 10, 8, 6, 8, 14, 12, 14, 10, 12, 24, 24, 28, 40] };
}
