/** The parts of a package being changed or added; everything else is copied with its stored bytes. */
import type { XlsxPackage } from "./package";
import { type OutEntry, writeZip } from "./zip-write";

/** Collects the package's changed and new parts, then writes the zip. */
export class Patch {
  readonly changed = new Map<string, string>();
  /** Parts given already encoded (large ones, built with a ByteSink). */
  private readonly encoded = new Map<string, Uint8Array>();
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
  setBytes(name: string, bytes: Uint8Array): void {
    this.set(name, "");
    this.encoded.set(name, bytes);
  }
  private encode(name: string, enc: { encode(text: string): Uint8Array }): Uint8Array {
    return this.encoded.get(name) ?? enc.encode(this.changed.get(name) ?? "");
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

