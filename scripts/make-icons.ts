/**
 * Regenerates the add-in icons (assets/icon-16.png … icon-128.png): a Fluent-blue rounded tile with
 * a white check mark over three score bars. Pure Node (zlib), so it runs anywhere: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from "fs";
import { deflateSync } from "zlib";

const SIZES = [16, 32, 64, 80, 128];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** Distance from point p to segment ab. */
function dist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function icon(size: number): Buffer {
  const blue: [number, number, number] = [15, 108, 189]; // Fluent brand #0F6CBD
  const r = size * 0.18;
  return png(size, (x0, y0) => {
    const x = (x0 + 0.5) / size;
    const y = (y0 + 0.5) / size;
    // Rounded tile.
    const dx = Math.max(0, Math.abs(x - 0.5) - (0.5 - r / size));
    const dy = Math.max(0, Math.abs(y - 0.5) - (0.5 - r / size));
    if (Math.hypot(dx, dy) * size > r) return [0, 0, 0, 0];
    // Three bars (scores) and a check mark, in white.
    const bar = [0.28, 0.46, 0.64].some((bx, i) => x > bx - 0.06 && x < bx + 0.06 && y > 0.78 - (i + 1) * 0.13 && y < 0.82);
    const stroke = Math.max(0.075, 1.6 / size);
    const check = Math.min(dist(x, y, 0.42, 0.36, 0.55, 0.48), dist(x, y, 0.55, 0.48, 0.8, 0.2)) < stroke;
    return bar || check ? [255, 255, 255, 255] : [...blue, 255];
  });
}

for (const s of SIZES) writeFileSync(`assets/icon-${s}.png`, icon(s));
console.log(SIZES.map((s) => `assets/icon-${s}.png`).join("\n"));
