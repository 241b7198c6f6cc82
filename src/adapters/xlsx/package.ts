/**
 * An .xlsx/.xlsm/.xltx package opened from bytes: what it is, its sheets, and the scored sheet as a
 * grid. Nothing is inflated that is not needed; no Node API (the CLI hands the bytes in).
 */
import type { CellRange, Grid } from "../../core/grid";
import { fail } from "./errors";
import { type ContentTypes, type Relationship, REL, contentTypeOf, parseContentTypes, parseRels, relsPartOf } from "./opc";
import { parseSharedStrings } from "./shared-strings";
import { type SheetRead, readSheet } from "./sheet-read";
import { parseCellFormats } from "./styles-part";
import { type SheetEntry, type WorkbookInfo, parseWorkbook } from "./workbook-part";
import { ZipArchive } from "./zip-read";
import { peekA1 } from "./peek";
import type { Codec } from "./codec";

export type WorkbookKind = "xlsx" | "xlsm" | "xltx" | "xltm";

const MAIN_TYPES: Record<string, WorkbookKind> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": "xltm",
};
export const MAIN_TYPE_OF: Record<WorkbookKind, string> = Object.fromEntries(Object.entries(MAIN_TYPES).map(([t, k]) => [k, t])) as Record<WorkbookKind, string>;

/** Compound File (OLE) files: old .xls/.et, or an .xlsx encrypted with a password. */
function oleKind(b: Uint8Array): never {
  const needle = "EncryptedPackage";
  const limit = Math.min(b.length, 4 * 2 ** 20);
  outer: for (let i = 0; i <= limit - needle.length * 2; i++) {
    for (let k = 0; k < needle.length; k++) if (b[i + 2 * k] !== needle.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return fail({ code: "encrypted" });
  }
  return fail({ code: "otherFormat", format: "xls" });
}

function identify(zip: ZipArchive): void {
  if (zip.has("mimetype") && /opendocument/.test(zip.text("mimetype"))) fail({ code: "otherFormat", format: "ods" });
  if (zip.has("word/document.xml")) fail({ code: "otherFormat", format: "docx" });
  if (zip.has("ppt/presentation.xml")) fail({ code: "otherFormat", format: "pptx" });
  if (zip.has("xl/workbook.bin")) fail({ code: "otherFormat", format: "xlsb" });
  if (!zip.has("[Content_Types].xml")) fail(zip.has("xl/workbook.xml") ? { code: "missingPart", part: "[Content_Types].xml" } : { code: "otherFormat", format: "unknownZip" });
}

export class XlsxPackage {
  readonly contentTypes: ContentTypes;
  readonly workbookPart: string;
  readonly workbookRels: Relationship[];
  readonly workbook: WorkbookInfo;
  readonly kind: WorkbookKind;
  private shared?: string[];
  /** The scored sheet's XML, decoded once and shared by reading, checking and patching. */
  private sheetText?: { part: string; text: string };
  private formats?: (string | undefined)[];

  private constructor(readonly zip: ZipArchive) {
    identify(zip);
    this.contentTypes = parseContentTypes(zip.text("[Content_Types].xml"));
    if (!zip.has("_rels/.rels")) fail({ code: "missingPart", part: "_rels/.rels" });
    const root = parseRels(zip.text("_rels/.rels"), "_rels/.rels", "");
    const main = root.find((r) => r.type === REL.officeDocument && !r.external);
    if (!main) fail({ code: "missingPart", part: "xl/workbook.xml" });
    if (!zip.has(main.target)) fail({ code: "missingPart", part: main.target });
    const kind = MAIN_TYPES[contentTypeOf(this.contentTypes, main.target) ?? ""];
    if (!kind) fail({ code: "badPart", part: main.target, detail: `content type ${contentTypeOf(this.contentTypes, main.target) ?? "none"}` });
    this.kind = kind;
    this.workbookPart = main.target;
    const relsPart = relsPartOf(main.target);
    if (!zip.has(relsPart)) fail({ code: "missingPart", part: relsPart });
    this.workbookRels = parseRels(zip.text(relsPart), relsPart, main.target);
    this.workbook = parseWorkbook(zip.text(main.target), main.target, this.workbookRels);
    for (const s of this.workbook.sheets) if (s.part && !zip.has(s.part)) fail({ code: "missingPart", part: s.part });
    if (!this.workbook.sheets.some((s) => s.part)) fail({ code: "missingPart", part: "xl/worksheets/sheet1.xml" });
  }

  static open(bytes: Uint8Array, codec?: Codec): XlsxPackage {
    if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) oleKind(bytes);
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) fail({ code: "notZip" });
    return new XlsxPackage(new ZipArchive(bytes, codec));
  }

  /** Worksheets (chart sheets have no cells and are left out). */
  get worksheets(): SheetEntry[] {
    return this.workbook.sheets.filter((s) => s.part);
  }

  sheet(name?: string): SheetEntry | undefined {
    const ws = this.worksheets;
    return name === undefined ? ws.find((s) => s.state === "visible") ?? ws[0] : ws.find((s) => s.name === name);
  }

  relTarget(type: string): string | undefined {
    return this.workbookRels.find((r) => r.type === type && !r.external && this.zip.has(r.target))?.target;
  }

  sharedStrings(): string[] {
    if (!this.shared) {
      const part = this.relTarget(REL.sharedStrings);
      this.shared = part ? parseSharedStrings(this.zip.text(part), part) : [];
    }
    return this.shared;
  }

  cellFormats(): (string | undefined)[] {
    if (!this.formats) {
      const part = this.relTarget(REL.styles);
      this.formats = part ? parseCellFormats(this.zip.text(part), part) : [];
    }
    return this.formats;
  }

  /** `keep`: remember the decoded XML for the writer (the scored sheet), else decode it for this read only. */
  readSheet(entry: SheetEntry, contentsOf?: CellRange, keep = true): SheetRead {
    const part = entry.part as string;
    return readSheet(keep ? this.sheetXml(part) : this.zip.text(part), {
      sheet: entry.name, part, shared: this.sharedStrings(), formats: this.cellFormats(), date1904: this.workbook.date1904,
      ...(contentsOf && { contentsOf }),
    });
  }

  sheetXml(part: string): string {
    if (this.sheetText?.part !== part) this.sheetText = { part, text: this.zip.text(part) };
    return this.sheetText.text;
  }

  grid(name?: string): Grid | undefined {
    const entry = this.sheet(name);
    return entry ? this.readSheet(entry).grid : undefined;
  }

  /** Text in A1, read from the start of the sheet only. */
  a1Text(entry: SheetEntry): string {
    return peekA1(this.zip, entry.part as string, () => this.sharedStrings());
  }
}
