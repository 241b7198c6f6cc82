/**
 * Writes a zip archive: entries copied from another archive keep their compressed bytes as they
 * were (so their content is byte for byte the original's); new entries are deflated.
 */
import { type Codec, portableCodec } from "./codec";
import type { ZipEntry } from "./zip-read";

export type OutEntry =
  | { name: string; copy: ZipEntry; raw: Uint8Array }
  | { name: string; data: Uint8Array };

const enc = new TextEncoder();

export function writeZip(entries: ReadonlyArray<OutEntry>, codec: Codec = portableCodec): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  // 2026-01-01 00:00 in DOS format: a fixed stamp keeps output reproducible.
  const time = 0;
  const date = ((2026 - 1980) << 9) | (1 << 5) | 1;
  for (const e of entries) {
    const name = enc.encode(e.name);
    let method: number, crc: number, size: number, body: Uint8Array;
    if ("copy" in e) {
      ({ method, crc, size } = e.copy);
      body = e.raw;
    } else {
      crc = codec.crc32(e.data);
      size = e.data.length;
      const deflated = codec.deflate(e.data);
      // Tiny parts can grow when deflated: store them.
      if (deflated.length < size) {
        method = 8;
        body = deflated;
      } else {
        method = 0;
        body = e.data;
      }
    }
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, body);
    central.push(cd);
    offset += local.length + body.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
