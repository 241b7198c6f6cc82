/**
 * One worksheet part streamed into an engine grid: values (shared, inline and rich strings, numbers,
 * booleans, errors, cached formula results), number formats and merges. Memory follows the cells
 * present; merges stay ranges. Limits on cells, merges, characters and the sheet's edge are checked
 * as the stream goes.
 */
import { type CellRange, type CellValue, type Grid, type GridCell, UNCALCULATED, a1, columnIndex } from "../../core/grid";
import { checkLimit, fail } from "./errors";
import { LIMITS } from "./limits";
import { isDateFormat } from "./styles-part";
import { parseXml, unescapeOoxml } from "./xml";

export interface SheetContext {
  sheet: string;
  part: string;
  shared: ReadonlyArray<string>;
  formats: ReadonlyArray<string | undefined>;
  date1904: boolean;
  /** Cells whose raw content (formula as "=…") the caller wants, e.g. Kaohe's recorded outputs. */
  contentsOf?: CellRange;
}

export interface SheetRead {
  grid: Grid;
  /** Raw content of the cells inside contentsOf: "" empty, number, boolean, string or "=formula". */
  contents: Map<string, string | number | boolean>;
}

/** ExcelJS's conversion of a date serial, so dates read as they always have. */
function dateText(serial: number, date1904: boolean): string | number {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : serial;
}

function parseRef(ref: string, part: string): { row: number; col: number } {
  const m = /^([A-Z]{1,4})(\d{1,8})$/.exec(ref);
  if (!m || !m[1] || !m[2]) return fail({ code: "badPart", part, detail: `cell reference "${ref.slice(0, 20)}"` });
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  checkLimit("columns", col + 1, LIMITS.columns, part);
  checkLimit("rows", row + 1, LIMITS.rows, part);
  return { row, col };
}

export function readSheet(text: string, ctx: SheetContext): SheetRead {
  const rows: (GridCell | undefined)[][] = [];
  const merges: CellRange[] = [];
  const contents = new Map<string, string | number | boolean>();
  const { part } = ctx;
  let row = -1;
  let col = -1;
  let cells = 0;
  let type = "n";
  let style = 0;
  let inCell = false;
  let formula: string | undefined;
  let v: string | undefined;
  let buf: string[] = [];
  let collect: "v" | "f" | "t" | undefined;
  let phonetic = 0;
  let inline: string[] | undefined;

  const finish = (): void => {
    const fmt = ctx.formats[style];
    let value: CellValue = null;
    const raw = v;
    if (raw === "" && formula !== undefined) {
      // A formula whose cached result is empty text: calculated, and blank.
    } else if (raw !== undefined) {
      if (type === "s") {
        const s = ctx.shared[Number(raw)];
        if (s === undefined) fail({ code: "badPart", part, detail: `shared string ${raw.slice(0, 12)} does not exist` });
        value = s;
      } else if (type === "str" || type === "inlineStr") value = unescapeOoxml(raw);
      else if (type === "b") value = parseInt(raw, 10) !== 0;
      else if (type === "e") value = { error: raw };
      else {
        const n = parseFloat(raw);
        value = isDateFormat(fmt) && Number.isFinite(n) ? dateText(n, ctx.date1904) : n;
      }
    } else if (inline) value = unescapeOoxml(inline.join(""));
    else if (formula !== undefined) value = { error: UNCALCULATED };
    if (typeof value === "string") checkLimit("cellChars", value.length, LIMITS.cellChars, `${part} ${a1(row, col)}`);
    const want = ctx.contentsOf;
    if (want && row >= want.top && row <= want.bottom && col >= want.left && col <= want.right) {
      contents.set(`${row},${col}`, formula !== undefined ? `=${formula}` : value === null ? "" : typeof value === "object" ? value.error : value);
    }
    if (value === null) return;
    checkLimit("cells", ++cells, LIMITS.cells, part);
    const r = rows[row] ?? (rows[row] = []);
    r[col] = fmt && fmt !== "General" ? { value, numFmt: fmt } : { value };
  };

  parseXml(text, part, {
    open(tag, a) {
      switch (tag) {
        case "row":
          row = a.r !== undefined ? Number(a.r) - 1 : row + 1;
          if (!(row >= 0)) fail({ code: "badPart", part, detail: `row "${String(a.r).slice(0, 12)}"` });
          checkLimit("rows", row + 1, LIMITS.rows, part);
          col = -1;
          break;
        case "c":
          if (a.r !== undefined) {
            const at = parseRef(a.r, part);
            row = at.row;
            col = at.col;
          } else {
            col++;
            checkLimit("columns", col + 1, LIMITS.columns, part);
          }
          type = a.t ?? "n";
          style = a.s !== undefined ? Number(a.s) : 0;
          inCell = true;
          formula = undefined;
          v = undefined;
          inline = undefined;
          break;
        case "v":
          if (inCell) (collect = "v"), (buf = []);
          break;
        case "f":
          if (inCell) (collect = "f"), (buf = []);
          break;
        case "is":
          if (inCell) inline = [];
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inline && !phonetic) collect = "t";
          break;
        case "mergeCell": {
          checkLimit("merges", merges.length + 1, LIMITS.merges, part);
          const [from, to = from] = (a.ref ?? "").split(":");
          const p = parseRef(from ?? "", part);
          const q = parseRef(to ?? "", part);
          merges.push({ top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) });
          break;
        }
      }
    },
    text(t) {
      if (collect === "t" && inline) {
        inline.push(t);
        if (inline.length > 64) checkLimit("cellChars", inline.join("").length, LIMITS.cellChars * 7, part);
      } else if (collect) buf.push(t);
    },
    close(tag) {
      switch (tag) {
        case "v":
          if (collect === "v") v = buf.join("");
          collect = undefined;
          break;
        case "f":
          if (collect === "f") formula = buf.join("");
          collect = undefined;
          break;
        case "t":
          if (collect === "t") collect = undefined;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c":
          if (inCell) finish();
          inCell = false;
          break;
      }
    },
  });
  return { grid: { sheet: ctx.sheet, rows, merges }, contents };
}
