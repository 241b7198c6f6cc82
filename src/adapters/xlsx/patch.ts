/** The parts of a package being changed or added; everything else is copied with its stored bytes. */
import type { XlsxPackage } from "./package";
import { type OutEntry, writeZip } from "./zip-write";

/** Collects the package's changed and new parts, then writes the zip. */
export class Patch {
  readonly changed = new Map<string, string>();
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
  bytes(): Uint8Array {
    const enc = new TextEncoder();
    const { zip } = this.pkg;
    const entries: OutEntry[] = zip.order.map((name) => {
      const xml = this.changed.get(name);
      const e = zip.entries.get(name);
      return xml !== undefined || !e ? { name, data: enc.encode(xml ?? "") } : { name, copy: e, raw: zip.raw(e) };
    });
    for (const name of this.added) entries.push({ name, data: enc.encode(this.changed.get(name) ?? "") });
    return writeZip(entries, zip.codec);
  }
}

