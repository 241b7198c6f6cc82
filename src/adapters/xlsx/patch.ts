/** The parts of a package being changed or added; everything else is copied with its stored bytes. */
import type { XlsxPackage } from "./package";
import { type OutEntry, writeZip } from "./zip-write";

/** Collects the package's changed and new parts, then writes the zip. */
export class Patch {
  readonly changed = new Map<string, string>();
  /** Parts given in pieces (a large sheet): encoded piece by piece, never joined as one string. */
  private readonly pieces = new Map<string, ReadonlyArray<string>>();
  readonly added: string[] = [];
  constructor(readonly pkg: XlsxPackage) {}
  has(name: string): boolean {
    return this.changed.has(name) || this.pkg.zip.has(name);
  }
  text(name: string): string | undefined {
    return this.changed.get(name) ?? (this.pkg.zip.has(name) ? this.pkg.zip.text(name) : undefined);
  }
  set(name: string, xml: string): void {
    if (!this.pkg.zip.has(name) && !this.changed.has(name)) this.added.push(name);
    this.changed.set(name, xml);
  }
  setPieces(name: string, pieces: ReadonlyArray<string>): void {
    this.set(name, "");
    this.pieces.set(name, pieces);
  }
  private encode(name: string, enc: TextEncoder): Uint8Array {
    const pieces = this.pieces.get(name);
    if (!pieces) return enc.encode(this.changed.get(name) ?? "");
    const parts = pieces.map((p) => enc.encode(p));
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
  bytes(): Uint8Array {
    const enc = new TextEncoder();
    const { zip } = this.pkg;
    const entries: OutEntry[] = zip.order.map((name) => {
      const e = zip.entries.get(name);
      return this.changed.has(name) || !e ? { name, data: this.encode(name, enc) } : { name, copy: e, raw: zip.raw(e) };
    });
    for (const name of this.added) entries.push({ name, data: this.encode(name, enc) });
    return writeZip(entries, zip.codec);
  }
}

