/**
 * An .xlsx package as the app's ports: a WorkbookPort (a plain write plan) and a RecordedBook (a run
 * with Kaohe's record). Bytes in, bytes out — files are the caller's business.
 */
import type { CellRange, Grid } from "../../core/grid";
import { blockFingerprint, type CellContent } from "../../core/ownership/fingerprint";
import { outputName, resultsName, type WorkbookState } from "../../core/ownership/record";
import type { OutputWrite } from "../../core/ownership/transaction";
import type { SheetInfo, WorkbookPort } from "../../app/ports";
import type { Snapshot } from "../../app/pane-host";
import type { RecordedBook } from "../../app/score-file";
import type { Codec } from "./codec";
import { jobOfWrite } from "./jobs";
import { anchorsOf, parseAddress, readState } from "./kaohe-state";
import { type Limitation, limitations } from "./limitations";
import { type WorkbookKind, XlsxPackage } from "./package";
import type { SheetEntry } from "./workbook-part";
import { type WriteJob, type WriteOptions, writeScoredCopy } from "./write";

/** Cell contents of a rectangle, row by row ("" for empty), from a sheet read with contentsOf. */
function block(contents: Map<string, string | number | boolean>, r: CellRange): CellContent[][] {
  return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => Array.from({ length: r.right - r.left + 1 }, (_, j) => contents.get(`${r.top + i},${r.left + j}`) ?? ""));
}

export class XlsxBook implements WorkbookPort, RecordedBook {
  private job?: WriteJob;
  private readonly grids = new Map<string, Grid>();

  private constructor(readonly pkg: XlsxPackage) {}

  /** Throws PackageError for anything that is not a readable workbook within the limits. */
  static fromBytes(bytes: Uint8Array, codec?: Codec): XlsxBook {
    return new XlsxBook(XlsxPackage.open(bytes, codec));
  }

  get kind(): WorkbookKind {
    return this.pkg.kind;
  }

  async sheets(): Promise<SheetInfo[]> {
    return this.pkg.worksheets.map((s) => ({ name: s.name, title: this.pkg.a1Text(s) }));
  }

  private grid(entry: SheetEntry, contentsOf?: CellRange): { grid: Grid; contents: Map<string, string | number | boolean> } {
    const cached = this.grids.get(entry.name);
    if (cached && !contentsOf) return { grid: cached, contents: new Map() };
    const read = this.pkg.readSheet(entry, contentsOf);
    this.grids.set(entry.name, read.grid);
    return read;
  }

  async readSheet(name?: string): Promise<Grid | undefined> {
    const entry = this.pkg.sheet(name);
    return entry ? this.grid(entry).grid : undefined;
  }

  async snapshot(name?: string): Promise<Snapshot | undefined> {
    const entry = this.pkg.sheet(name);
    if (!entry) return undefined;
    const state = readState(this.pkg);
    const anchors = anchorsOf(this.pkg, entry);
    // A copy of a scored sheet carries the original's token while the record's area is on the original.
    const token = anchors.output && anchors.output.sheet !== entry.name ? null : anchors.token;
    const record = token ? state.sheets[token]?.record : undefined;
    const area = record && anchors.output ? anchors.output.range : null;
    const { grid, contents } = this.grid(entry, area ?? undefined);
    const xml = this.pkg.sheetXml(entry.part as string);
    return {
      grid,
      token,
      owned: record ? { area, cells: area ? block(contents, area) : [] } : null,
      results: record?.results && token ? this.resultsNow(anchors.results?.sheet, record.results) : null,
      locked: /<sheetProtection\b[^>]*\ssheet="(1|true)"/.test(xml),
      structureLocked: /<workbookProtection\b[^>]*\slockStructure="(1|true)"/.test(this.pkg.zip.text(this.pkg.workbookPart)),
      state,
      sheetNames: this.pkg.workbook.sheets.map((s) => s.name),
      resultsOf: this.resultsOwner(state, entry.name),
    };
  }

  /** Kaohe's results sheet as it is now: the fingerprint of its recorded block, "changed" if anything lies outside. */
  /** The sheet a results sheet belongs to, by Kaohe's defined names (so also when renamed). */
  private resultsOwner(state: WorkbookState, sheet: string): string | null {
    const names = this.pkg.workbook.definedNames;
    const at = (name: string) => {
      const n = names.find((d) => d.name === name && d.localSheetId === undefined);
      return n ? (parseAddress(n.text)?.sheet ?? null) : null;
    };
    for (const token of Object.keys(state.sheets)) if (at(resultsName(token)) === sheet) return at(outputName(token)) ?? "?";
    return null;
  }

  private resultsNow(name: string | undefined, rec: { rows: number; cols: number }): Snapshot["results"] {
    const entry = name === undefined ? undefined : this.pkg.worksheets.find((s) => s.name === name);
    if (!entry) return null;
    const box = { top: 0, left: 0, bottom: Math.max(0, rec.rows - 1), right: Math.max(0, rec.cols - 1) };
    const read = this.pkg.readSheet(entry, box, false);
    const outside = read.grid.rows.some((row, r) => row?.some((c, col) => c && (r > box.bottom || col > box.right)));
    return { name: entry.name, fingerprint: outside ? "changed" : blockFingerprint(block(read.contents, box)) };
  }

  async applyRun(tx: OutputWrite, state: WorkbookState, at: string): Promise<void> {
    this.job = jobOfWrite(tx, this.grids.get(tx.sheet) ?? { sheet: tx.sheet, rows: [], merges: [] }, state, at);
  }

  /** What the copy of the applied run could not carry over unchanged (empty before apply). */
  limitations(): Limitation[] {
    if (!this.job) return [];
    const merges = this.grids.get(this.job.sheet)?.merges ?? this.pkg.grid(this.job.sheet)?.merges ?? [];
    return limitations(this.pkg, this.job, merges);
  }

  /** The scored copy (the input unchanged when nothing was applied). */
  toBytes(opts: WriteOptions = {}): Uint8Array {
    if (!this.job) return this.pkg.zip.bytes;
    return writeScoredCopy(this.pkg, this.job, opts);
  }
}
