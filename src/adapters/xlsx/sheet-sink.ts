/** Where a sheet reader puts each cell it finds: values as the engine reads them, limits counted. */
import { type CellRange, type CellValue, type GridCell, UNCALCULATED, a1 } from "../../core/grid";
import { checkLimit, fail } from "./errors";
import { LIMITS } from "./limits";
import { isDateFormat } from "./styles-part";
import { unescapeOoxml } from "./xml";

export interface SheetContext {
  sheet: string;
  part: string;
  shared: ReadonlyArray<string>;
  formats: ReadonlyArray<string | undefined>;
  date1904: boolean;
  /** Cells whose raw content (formula as "=…") the caller wants, e.g. Kaohe's recorded outputs. */
  contentsOf?: CellRange;
}

/** ExcelJS's conversion of a date serial, so dates read as they always have. */
function dateText(serial: number, date1904: boolean): string | number {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : serial;
}

/** The 0-based index of a <row> with attribute r (1-based; absent: the row after `previous`), refused unless a whole row number in range. */
export function rowIndex(r: string | undefined, previous: number, part: string): number {
  const row = r !== undefined ? Number(r) - 1 : previous + 1;
  if (!(row >= 0) || !Number.isInteger(row)) fail({ code: "badPart", part, detail: `row "${String(r).slice(0, 12)}"` });
  checkLimit("rows", row + 1, LIMITS.rows, part);
  return row;
}

/** "AB12" → row 11, col 27; anything but 1–4 capitals and 1–8 digits is a damaged part. (Once per cell: no regex.) */
export function parseRef(ref: string, part: string): { row: number; col: number } {
  let i = 0;
  let col = 0;
  for (let c = ref.charCodeAt(0); c >= 65 && c <= 90 && i < 4; c = ref.charCodeAt(++i)) col = col * 26 + c - 64;
  let row = 0;
  const digits = i;
  for (let c = ref.charCodeAt(i); c >= 48 && c <= 57 && i - digits < 8; c = ref.charCodeAt(++i)) row = row * 10 + c - 48;
  if (digits === 0 || i === digits || i !== ref.length || row === 0) return fail({ code: "badPart", part, detail: `cell reference "${ref.slice(0, 20)}"` });
  col -= 1;
  row -= 1;
  checkLimit("columns", col + 1, LIMITS.columns, part);
  checkLimit("rows", row + 1, LIMITS.rows, part);
  return { row, col };
}

export class CellSink {
  readonly rows: (GridCell | undefined)[][] = [];
  readonly merges: CellRange[] = [];
  readonly contents = new Map<string, string | number | boolean>();
  private count = 0;
  private readonly dates: boolean[];

  constructor(readonly ctx: SheetContext) {
    this.dates = ctx.formats.map((f) => isDateFormat(f));
  }

  /** One <c>: its type (t), style (s), cached value (v), formula text, inline string text. */
  cell(row: number, col: number, type: string, style: number, v: string | undefined, formula: string | undefined, inline: string | undefined): void {
    const { ctx } = this;
    const fmt = ctx.formats[style];
    let value: CellValue = null;
    if (v === "" && formula !== undefined) {
      // A formula whose cached result is empty text: calculated, and blank.
    } else if (v !== undefined) {
      if (type === "s") {
        const s = ctx.shared[Number(v)];
        if (s === undefined) fail({ code: "badPart", part: ctx.part, detail: `shared string ${v.slice(0, 12)} does not exist` });
        value = s;
      } else if (type === "str" || type === "inlineStr") value = unescapeOoxml(v);
      else if (type === "b") value = parseInt(v, 10) !== 0;
      else if (type === "e") value = { error: v };
      else {
        const n = parseFloat(v);
        value = this.dates[style] && Number.isFinite(n) ? dateText(n, ctx.date1904) : n;
      }
    } else if (inline !== undefined) value = unescapeOoxml(inline);
    else if (formula !== undefined) value = { error: UNCALCULATED };
    if (typeof value === "string") checkLimit("cellChars", value.length, LIMITS.cellChars, `${ctx.part} ${a1(row, col)}`);
    const want = ctx.contentsOf;
    if (want && row >= want.top && row <= want.bottom && col >= want.left && col <= want.right) {
      this.contents.set(`${row},${col}`, formula !== undefined ? `=${formula}` : value === null ? "" : typeof value === "object" ? value.error : value);
    }
    if (value === null) return;
    checkLimit("cells", ++this.count, LIMITS.cells, ctx.part);
    const r = this.rows[row] ?? (this.rows[row] = []);
    r[col] = fmt && fmt !== "General" ? { value, numFmt: fmt } : { value };
  }

  merge(ref: string): void {
    checkLimit("merges", this.merges.length + 1, LIMITS.merges, this.ctx.part);
    const [from, to = from] = ref.split(":");
    const p = parseRef(from ?? "", this.ctx.part);
    const q = parseRef(to ?? "", this.ctx.part);
    this.merges.push({ top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) });
  }
}
