/**
 * An .xlsx package as a WorkbookPort: reads through the package reader, and after `apply` gives
 * the scored copy's bytes. Bytes in, bytes out — files are the caller's business.
 */
import type { Grid } from "../../core/grid";
import type { WritePlan } from "../../core/plan/write-plan";
import type { SheetInfo, WorkbookPort } from "../../app/ports";
import { type WorkbookKind, XlsxPackage } from "./package";
import { type WriteOptions, writeScoredCopy } from "./write";
import type { Codec } from "./codec";
import { type Limitation, limitations } from "./limitations";

export class XlsxBook implements WorkbookPort {
  private plan?: WritePlan;
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

  async readSheet(name?: string): Promise<Grid | undefined> {
    const entry = this.pkg.sheet(name);
    if (!entry) return undefined;
    let grid = this.grids.get(entry.name);
    if (!grid) this.grids.set(entry.name, (grid = this.pkg.readSheet(entry).grid));
    return grid;
  }

  async apply(plan: WritePlan): Promise<void> {
    this.plan = plan;
  }

  /** What the copy of the applied plan could not carry over unchanged (empty before apply). */
  limitations(): Limitation[] {
    if (!this.plan) return [];
    const merges = this.grids.get(this.plan.sheet)?.merges ?? this.pkg.grid(this.plan.sheet)?.merges ?? [];
    return limitations(this.pkg, this.plan, merges);
  }

  /** The scored copy (the input unchanged when nothing was applied). */
  toBytes(opts: WriteOptions = {}): Uint8Array {
    if (!this.plan) return this.pkg.zip.bytes;
    return writeScoredCopy(this.pkg, this.plan, opts);
  }
}
