/**
 * One worksheet part into an engine grid: values (shared, inline and rich strings, numbers,
 * booleans, errors, cached formula results), number formats and merges. Memory follows the cells
 * present; merges stay ranges; limits are counted as cells arrive. The rows are read by a strict
 * scanner (sheet-scan.ts) while saxes checks everything around them; a sheet the scanner does not
 * recognise is streamed through saxes entirely.
 */
import type { Grid } from "../../core/grid";
import { checkLimit } from "./errors";
import { LIMITS } from "./limits";
import { CellSink, type SheetContext, parseRef, rowIndex } from "./sheet-sink";
import { scanSheetData } from "./sheet-scan";
import { assertNoDtd, parseXml } from "./xml";

export type { SheetContext };

export interface SheetRead {
  grid: Grid;
  /** Raw content of the cells inside contentsOf: "" empty, number, boolean, string or "=formula". */
  contents: Map<string, string | number | boolean>;
}

function done(sink: CellSink): SheetRead {
  return { grid: { sheet: sink.ctx.sheet, rows: sink.rows, merges: sink.merges }, contents: sink.contents };
}

export function readSheet(text: string, ctx: SheetContext): SheetRead {
  assertNoDtd(text, ctx.part);
  const open = /<sheetData\b[^>]*>/.exec(text);
  const close = open && !open[0].endsWith("/>") ? text.indexOf("</sheetData>", open.index) : -1;
  if (open && close > 0) {
    const sink = new CellSink(ctx);
    if (scanSheetData(text, open.index + open[0].length, close, sink)) {
      // Everything but the rows (root, merges, the rest) still goes through the XML parser.
      streamSheet(text.slice(0, open.index + open[0].length) + text.slice(close), ctx, sink);
      return done(sink);
    }
  }
  const sink = new CellSink(ctx);
  streamSheet(text, ctx, sink);
  return done(sink);
}

/** The saxes path: every element of the sheet. */
function streamSheet(text: string, ctx: SheetContext, sink: CellSink): void {
  const { part } = ctx;
  let row = -1;
  let col = -1;
  let type = "n";
  let style = 0;
  // Stryker disable next-line BooleanLiteral: every <c> sets it before a cell can close, and what it guards outside a cell is reset by the next <c>
  let inCell = false;
  let formula: string | undefined;
  let v: string | undefined;
  let buf: string[] = [];
  let collect: "v" | "f" | "t" | undefined;
  let phonetic = 0;
  let inline: string[] | undefined;
  parseXml(text, part, {
    open(tag, a) {
      switch (tag) {
        case "row":
          row = rowIndex(a.r, row, part);
          col = -1;
          break;
        case "c":
          if (a.r !== undefined) ({ row, col } = parseRef(a.r, part));
          else checkLimit("columns", ++col + 1, LIMITS.columns, part);
          type = a.t ?? "n";
          style = a.s !== undefined ? Number(a.s) : 0;
          inCell = true;
          formula = v = inline = undefined;
          break;
        case "v":
        case "f":
          if (inCell) (collect = tag), (buf = []);
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
        case "mergeCell":
          sink.merge(a.ref ?? "");
          break;
      }
    },
    text(t) {
      if (collect === "t" && inline) {
        inline.push(t);
        if (inline.length > 64) checkLimit("cellChars", inline.join("").length, LIMITS.cellChars * 7, part);
      } else if (collect) buf.push(t);
    },
    close(tag) {
      if (tag === "v" && collect === "v") v = buf.join("");
      else if (tag === "f" && collect === "f") formula = buf.join("");
      else if (tag === "rPh") phonetic--;
      else if (tag === "c" && inCell) {
        sink.cell(row, col, type, style, v, formula, inline?.join(""));
        inCell = false;
      }
      if (tag === "v" || tag === "f" || tag === "t") collect = undefined;
    },
  });
}
