/**
 * A zip archive read lazily: the central directory first, every declared size checked against
 * LIMITS before anything is inflated, each part inflated only when asked for (and never past its
 * declared size). Refuses encrypted entries, duplicate names and archives that are not whole.
 */
import { type Codec, portableCodec } from "./codec";
import { checkLimit, fail } from "./errors";
import { LIMITS } from "./limits";

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed bytes start in the archive. */
  dataStart: number;
}

const u16 = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
const utf8 = new TextDecoder("utf-8");

function endOfDirectory(b: Uint8Array): number {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return fail({ code: "truncated" });
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  /** Names in archive order. */
  readonly order: string[] = [];

  constructor(readonly bytes: Uint8Array, readonly codec: Codec = portableCodec) {
    checkLimit("fileBytes", bytes.length, LIMITS.fileBytes);
    const end = endOfDirectory(bytes);
    const count = u16(bytes, end + 10);
    const dirSize = u32(bytes, end + 12);
    const dirStart = u32(bytes, end + 16);
    // Zip64 markers: only archives far beyond every limit need them.
    if (count === 0xffff || dirStart === 0xffffffff) fail({ code: "limit", limit: "fileBytes", value: 2 ** 32, max: LIMITS.fileBytes });
    checkLimit("parts", count, LIMITS.parts);
    if (dirStart + dirSize > end) fail({ code: "truncated" });
    const lower = new Set<string>();
    let total = 0;
    let p = dirStart;
    for (let k = 0; k < count; k++) {
      if (p + 46 > end || u32(bytes, p) !== 0x02014b50) fail({ code: "truncated" });
      const flags = u16(bytes, p + 8);
      const nameLen = u16(bytes, p + 28);
      const next = p + 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
      const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      if (flags & 1) fail({ code: "encrypted" });
      const entry = { name, method: u16(bytes, p + 10), crc: u32(bytes, p + 16), compressedSize: u32(bytes, p + 20), size: u32(bytes, p + 24), dataStart: 0 };
      const local = u32(bytes, p + 42);
      if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) fail({ code: "truncated" });
      entry.dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      if (entry.dataStart + entry.compressedSize > bytes.length) fail({ code: "truncated" });
      // Part names are case-insensitive in a package (OPC).
      const key = name.toLowerCase();
      if (lower.has(key)) fail({ code: "duplicatePart", part: name });
      lower.add(key);
      checkLimit("partCompressedBytes", entry.compressedSize, LIMITS.partCompressedBytes, name);
      checkLimit("partBytes", entry.size, LIMITS.partBytes, name);
      if (entry.size > 2 ** 20) checkLimit("ratio", Math.floor(entry.size / Math.max(1, entry.compressedSize)), LIMITS.ratio, name);
      total += entry.size;
      checkLimit("totalBytes", total, LIMITS.totalBytes);
      this.entries.set(name, entry);
      this.order.push(name);
      p = next;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The stored (compressed) bytes of an entry, for copying it unchanged. */
  raw(e: ZipEntry): Uint8Array {
    return this.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  }

  /** Inflate one entry into a buffer of its declared size (one byte more to catch a lying size). */
  read(name: string): Uint8Array {
    const e = this.entries.get(name);
    if (!e) return fail({ code: "missingPart", part: name });
    let out: Uint8Array;
    if (e.method === 0) out = this.raw(e);
    else if (e.method === 8) {
      try {
        out = this.codec.inflate(this.raw(e), e.size + 1);
      } catch (x) {
        return fail({ code: "badPart", part: name, detail: x instanceof Error ? x.message : String(x) });
      }
    } else return fail({ code: "badPart", part: name, detail: `compression method ${e.method}` });
    if (out.length !== e.size) fail({ code: "badPart", part: name, detail: `size ${out.length} ≠ declared ${e.size}` });
    if (this.codec.crc32(out) !== e.crc) fail({ code: "badPart", part: name, detail: "CRC mismatch" });
    return out;
  }

  text(name: string): string {
    return utf8.decode(this.read(name));
  }
}
