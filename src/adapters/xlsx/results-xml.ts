/** The 考核明细 sheet as a fresh worksheet part: inline strings and numbers, frozen panes, widths. */
import { a1 } from "../../core/grid";
import type { PlanValue } from "../../core/plan/write-plan";
import { ByteSink } from "./byte-sink";
import { esc } from "./xml";

export function resultsSheetXml(rows: ReadonlyArray<ReadonlyArray<PlanValue>>): Uint8Array {
  const widest = rows.reduce((n, r) => Math.max(n, r.length), 1);
  const cols = Array.from({ length: widest }, (_, c) => {
    const w = c === 0 ? 16 : c === widest - 1 ? 60 : 12; // the last column holds the reasons
    return `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`;
  }).join("");
  const sink = new ByteSink();
  sink.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<dimension ref="A1:${a1(Math.max(0, rows.length - 1), widest - 1)}"/>` +
      '<sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/></sheetView></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`,
  );
  rows.forEach((row, r) => {
    const cells = row
      .map((v, c) => {
        if (v === null || v === "") return "";
        if (typeof v === "number") return Number.isFinite(v) ? `<c r="${a1(r, c)}"><v>${v}</v></c>` : "";
        const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
        return `<c r="${a1(r, c)}" t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`;
      })
      .join("");
    if (cells) sink.push(`<row r="${r + 1}">${cells}</row>`);
  });
  sink.push('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return sink.bytes();
}
