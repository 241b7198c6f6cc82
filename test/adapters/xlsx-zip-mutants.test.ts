/**
 * The zip reader against crafted and hostile archives, in-process (test/cli/bad-workbooks spawns the
 * bundle and never sees a mutant): every refusal with its problem code and limit name, every limit at
 * and just past its boundary, and the archives a careful reader must still open.
 *
 * The real limits are hundreds of MiB; they are replaced by small ones with the same relations
 * (the checks are the same code), so an archive just past a limit is a few KiB, not a few GiB.
 */
import { deflateSync } from "fflate";
import { ZipArchive } from "../../src/adapters/xlsx/zip-read";
import { crc32 } from "../../src/adapters/xlsx/crc32";
import { portableCodec } from "../../src/adapters/xlsx/codec";
import { ByteSink } from "../../src/adapters/xlsx/byte-sink";
import { problemOf } from "../helpers/package-problem";

jest.mock("../../src/adapters/xlsx/limits", () => ({
  LIMITS: {
    ...jest.requireActual<typeof import("../../src/adapters/xlsx/limits")>("../../src/adapters/xlsx/limits").LIMITS,
    parts: 5,
    fileBytes: 400_000,
    partCompressedBytes: 100_000,
    partBytes: 4 * 2 ** 20,
    totalBytes: 6 * 2 ** 20,
  },
}));

const enc = new TextEncoder();

interface Raw {
  name: string;
  body: Uint8Array;
  method?: number;
  crc?: number;
  /** Declared uncompressed size (default: the body's length for stored, else required). */
  size?: number;
  flags?: number;
  localExtra?: number;
  centralExtra?: number;
  centralComment?: number;
}

/** A zip written byte by byte, so every field a hostile archive could lie in is ours to set. */
function rawZip(entries: Raw[], comment: Uint8Array = new Uint8Array()): Uint8Array {
  const chunks: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 0;
    const crc = e.crc ?? crc32(e.body);
    const size = e.size ?? e.body.length;
    const offset = chunks.length;
    u32(chunks, 0x04034b50);
    u16(chunks, 20);
    u16(chunks, e.flags ?? 0);
    u16(chunks, method);
    u32(chunks, 0);
    u32(chunks, crc);
    u32(chunks, e.body.length);
    u32(chunks, size);
    u16(chunks, name.length);
    u16(chunks, e.localExtra ?? 0);
    chunks.push(...name, ...new Uint8Array(e.localExtra ?? 0).fill(0x41), ...e.body);
    u32(central, 0x02014b50);
    u16(central, 20);
    u16(central, 20);
    u16(central, e.flags ?? 0);
    u16(central, method);
    u32(central, 0);
    u32(central, crc);
    u32(central, e.body.length);
    u32(central, size);
    u16(central, name.length);
    u16(central, e.centralExtra ?? 0);
    u16(central, e.centralComment ?? 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, offset);
    central.push(...name, ...new Uint8Array((e.centralExtra ?? 0) + (e.centralComment ?? 0)).fill(0x42));
  }
  const end: number[] = [];
  u32(end, 0x06054b50);
  u16(end, 0);
  u16(end, 0);
  u16(end, entries.length);
  u16(end, entries.length);
  u32(end, central.length);
  u32(end, chunks.length);
  u16(end, comment.length);
  return Uint8Array.from([...chunks, ...central, ...end, ...comment]);
}

const stored = (name: string, text: string, extra: Partial<Raw> = {}): Raw => ({ name, body: enc.encode(text), ...extra });
const deflated = (name: string, data: Uint8Array, extra: Partial<Raw> = {}): Raw => ({ name, body: deflateSync(data), method: 8, crc: crc32(data), size: data.length, ...extra });

const open = (bytes: Uint8Array) => new ZipArchive(bytes);
const endOf = (zip: Uint8Array) => {
  const v = new DataView(zip.buffer, zip.byteOffset);
  let end = zip.length - 22;
  while (v.getUint32(end, true) !== 0x06054b50) end--;
  return { v, end };
};

describe("finding the end of the central directory", () => {
  it("opens an archive whose comment is the longest a zip allows (65,535 bytes)", () => {
    const zip = rawZip([stored("a.xml", "<a/>")], new Uint8Array(0xffff).fill(0x20));
    expect(open(zip).order).toEqual(["a.xml"]);
  });

  it("is not fooled by near-signatures in the comment, nor by a whole one in its last 22 bytes", () => {
    // Each of these differs from PK\5\6 in one byte, or only ends like it; the last is a whole
    // signature too close to the end to be an end record (22 bytes).
    const near = ["XK\u0005\u0006", "PX\u0005\u0006", "PKX\u0006", "PK\u0005X", "XXX\u0006", "XX\u0005X", "PXXX", "XKXX"].join("X");
    const comment = enc.encode(`${near}XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX${"PK\u0005\u0006"}XXXXXXXXXX`);
    const zip = rawZip([stored("a.xml", "<a/>"), stored("b.xml", "<b/>")], comment);
    const z = open(zip);
    expect(z.order).toEqual(["a.xml", "b.xml"]);
    expect(z.text("b.xml")).toBe("<b/>");
  });

  it("without any end record: truncated", () => {
    const zip = rawZip([stored("a.xml", "<a/>")]);
    expect(problemOf(() => open(zip.subarray(0, zip.length - 1)))).toEqual({ code: "truncated" });
    expect(problemOf(() => open(new Uint8Array(21)))).toEqual({ code: "truncated" });
  });
});

describe("the central directory", () => {
  it("a directory that claims to run past the end record: truncated, even when its entries would parse", () => {
    const zip = rawZip([stored("a.xml", "<a/>")]);
    const { v, end } = endOf(zip);
    v.setUint32(end + 12, v.getUint32(end + 12, true) + 1, true);
    expect(problemOf(() => open(zip))).toEqual({ code: "truncated" });
  });

  it("a count with more entries than the directory holds: truncated", () => {
    const zip = rawZip([stored("a.xml", "<a/>")]);
    const { v, end } = endOf(zip);
    v.setUint16(end + 10, 2, true);
    expect(problemOf(() => open(zip))).toEqual({ code: "truncated" });
  });

  it("a damaged central header signature: truncated", () => {
    const zip = rawZip([stored("a.xml", "<a/>"), stored("b.xml", "<b/>")]);
    const { v, end } = endOf(zip);
    const second = v.getUint32(end + 16, true) + 46 + 5;
    v.setUint8(second, 0x51);
    expect(problemOf(() => open(zip))).toEqual({ code: "truncated" });
  });

  it("a central header that runs into the end record is refused even when the bytes there would read as one", () => {
    // Four bytes of a header signature right before the end record; the rest of that 'header' is
    // the end record and the comment, laid out so it would name a part "z" at offset 0.
    const base = rawZip([stored("a.xml", "<a/>")]);
    const { v, end } = endOf(base);
    const dirStart = v.getUint32(end + 16, true);
    const dirSize = v.getUint32(end + 12, true);
    const comment = new Uint8Array(21);
    // header+20 (size) = end+20: comment length, then comment[0..1] = 0
    // header+28 (name length) = end+24 = comment[2..3]; +30/+32 (extra, comment) = comment[4..7]
    comment[2] = 1;
    // header+42 (local offset) = end+38 = comment[16..19]: 0, the real local header
    comment[20] = 0x7a; // header+46 = end+42: the name "z"
    const zip = Uint8Array.from([...base.subarray(0, end), 0x50, 0x4b, 0x01, 0x02, ...base.subarray(end, end + 20), comment.length, 0, ...comment]);
    const w = new DataView(zip.buffer);
    const newEnd = end + 4;
    w.setUint16(newEnd + 8, 2, true);
    w.setUint16(newEnd + 10, 2, true);
    w.setUint32(newEnd + 12, dirSize + 4, true);
    w.setUint32(newEnd + 16, dirStart, true);
    expect(problemOf(() => open(zip))).toEqual({ code: "truncated" });
  });

  it("an empty-named last entry whose header ends exactly at the end record is read", () => {
    const z = open(rawZip([stored("a.xml", "<a/>"), stored("", "")]));
    expect(z.order).toEqual(["a.xml", ""]);
    expect(z.read("")).toEqual(new Uint8Array());
  });

  it("steps over each entry's extra field and comment in the directory", () => {
    const z = open(rawZip([stored("a.xml", "<a/>", { centralExtra: 7 }), stored("b.xml", "<b/>", { centralComment: 9 }), stored("c.xml", "<c/>", { centralExtra: 3, centralComment: 4 })]));
    expect(z.order).toEqual(["a.xml", "b.xml", "c.xml"]);
    expect(["a.xml", "b.xml", "c.xml"].map((n) => z.text(n))).toEqual(["<a/>", "<b/>", "<c/>"]);
  });

  it("starts an entry's data after its local name and local extra field", () => {
    const data = enc.encode("<sheet>数据</sheet>");
    const z = open(rawZip([stored("a.xml", "<a/>", { localExtra: 5 }), deflated("b.xml", data, { localExtra: 12 })]));
    expect(z.text("a.xml")).toBe("<a/>");
    expect(z.read("b.xml")).toEqual(data);
  });

  it("an encrypted entry (flag bit 0): encrypted", () => {
    expect(problemOf(() => open(rawZip([stored("a.xml", "<a/>", { flags: 1 })])))).toEqual({ code: "encrypted" });
    expect(problemOf(() => open(rawZip([stored("a.xml", "<a/>", { flags: 0x0800 })])))).toBeUndefined();
  });

  it("a damaged local header signature: truncated", () => {
    const zip = rawZip([stored("a.xml", "<a/>")]);
    zip[0] = 0x51;
    expect(problemOf(() => open(zip))).toEqual({ code: "truncated" });
  });

  it("a local header past the end of the file: truncated", () => {
    const zip = rawZip([stored("a.xml", "<a/>")]);
    const { v, end } = endOf(zip);
    v.setUint32(v.getUint32(end + 16, true) + 42, zip.length - 10, true);
    expect(problemOf(() => open(zip))).toEqual({ code: "truncated" });
  });

  it("an entry whose data would end past the file: truncated; one ending exactly at the file's end is read", () => {
    const zip = rawZip([stored("a.xml", "<a/>")]);
    const { v, end } = endOf(zip);
    const dir = v.getUint32(end + 16, true);
    v.setUint32(dir + 20, zip.length, true);
    expect(problemOf(() => open(zip))).toEqual({ code: "truncated" });
    // A local header and its (empty) data as the archive's last 30 bytes, inside the comment.
    const local = new Uint8Array(30);
    new DataView(local.buffer).setUint32(0, 0x04034b50, true);
    const tail = rawZip([stored("a.xml", "<a/>"), stored("t", "")], local);
    const t = endOf(tail);
    const secondHeader = t.v.getUint32(t.end + 16, true) + 46 + 5;
    t.v.setUint32(secondHeader + 42, tail.length - 30, true);
    const z = open(tail);
    expect(z.order).toEqual(["a.xml", "t"]);
    expect(z.read("t")).toEqual(new Uint8Array());
  });

  it("duplicate names, also differing only in ASCII case: duplicatePart naming the second", () => {
    expect(problemOf(() => open(rawZip([stored("xl/a.xml", "1"), stored("xl/a.xml", "2")])))).toEqual({ code: "duplicatePart", part: "xl/a.xml" });
    expect(problemOf(() => open(rawZip([stored("xl/a.xml", "1"), stored("XL/A.XML", "2")])))).toEqual({ code: "duplicatePart", part: "XL/A.XML" });
    // "ß" upper-cases to "SS": two different names, both kept.
    expect(open(rawZip([stored("xl/ß.xml", "1"), stored("xl/SS.xml", "2")])).order).toEqual(["xl/ß.xml", "xl/SS.xml"]);
  });

  it("Zip64 markers (count 0xffff or directory offset 0xffffffff) are refused as beyond the file limit", () => {
    for (const [at, value, width] of [[10, 0xffff, 2], [16, 0xffffffff, 4]] as const) {
      const zip = rawZip([stored("a.xml", "<a/>")]);
      const { v, end } = endOf(zip);
      if (width === 2) v.setUint16(end + at, value, true);
      else v.setUint32(end + at, value, true);
      expect(problemOf(() => open(zip))).toEqual({ code: "limit", limit: "fileBytes", value: 2 ** 32, max: 400_000 });
    }
  });
});

describe("limits, at and just past", () => {
  const parts = (n: number) => Array.from({ length: n }, (_, i) => stored(`p${i}.xml`, "<p/>"));

  it("parts", () => {
    expect(open(rawZip(parts(5))).order).toHaveLength(5);
    expect(problemOf(() => open(rawZip(parts(6))))).toEqual({ code: "limit", limit: "parts", value: 6, max: 5 });
  });

  it("file bytes", () => {
    // Four parts (each under the part limit) filling the file to exactly n bytes.
    const fill = (n: number) => {
      const names = ["f0", "f1", "f2", "f3"];
      const extra = n - rawZip(names.map((name) => ({ name, body: new Uint8Array(0) }))).length;
      return rawZip(names.map((name, i) => ({ name, body: new Uint8Array(Math.floor(extra / 4) + (i === 0 ? extra % 4 : 0)) })));
    };
    expect(fill(400_000)).toHaveLength(400_000);
    expect(open(fill(400_000)).order).toEqual(["f0", "f1", "f2", "f3"]);
    expect(problemOf(() => open(fill(400_001)))).toEqual({ code: "limit", limit: "fileBytes", value: 400_001, max: 400_000 });
  });

  it("one part's compressed bytes", () => {
    expect(open(rawZip([{ name: "big", body: new Uint8Array(100_000) }])).order).toEqual(["big"]);
    expect(problemOf(() => open(rawZip([{ name: "big", body: new Uint8Array(100_001) }])))).toEqual({ code: "limit", limit: "partCompressedBytes", value: 100_001, max: 100_000, part: "big" });
  });

  it("one part's declared size, checked before anything is inflated", () => {
    const body = new Uint8Array(20_000);
    expect(open(rawZip([{ name: "s", body, method: 8, size: 4 * 2 ** 20 }])).order).toEqual(["s"]);
    expect(problemOf(() => open(rawZip([{ name: "s", body, method: 8, size: 4 * 2 ** 20 + 1 }])))).toEqual({ code: "limit", limit: "partBytes", value: 4 * 2 ** 20 + 1, max: 4 * 2 ** 20, part: "s" });
  });

  it("all parts' declared sizes together", () => {
    const body = new Uint8Array(20_000);
    const three = (last: number) => [{ name: "a", body, method: 8, size: 3 * 2 ** 20 }, { name: "b", body, method: 8, size: 2 * 2 ** 20 }, { name: "c", body, method: 8, size: last }];
    expect(open(rawZip(three(2 ** 20))).order).toEqual(["a", "b", "c"]);
    expect(problemOf(() => open(rawZip(three(2 ** 20 + 1))))).toEqual({ code: "limit", limit: "totalBytes", value: 6 * 2 ** 20 + 1, max: 6 * 2 ** 20 });
  });

  it("compression ratio of a part above 1 MiB: 400 passes, 401 is refused; at or below 1 MiB it is not asked", () => {
    const body = new Uint8Array(2622);
    expect(open(rawZip([{ name: "r", body, method: 8, size: 400 * 2622 }])).order).toEqual(["r"]);
    expect(problemOf(() => open(rawZip([{ name: "r", body, method: 8, size: 401 * 2622 }])))).toEqual({ code: "limit", limit: "ratio", value: 401, max: 400, part: "r" });
    // Exactly 1 MiB declared from 100 bytes, and a small, very compressible real part: both fine.
    expect(open(rawZip([{ name: "m", body: new Uint8Array(100), method: 8, size: 2 ** 20 }])).order).toEqual(["m"]);
    const zeros = new Uint8Array(50_000);
    const z = open(rawZip([deflated("zeros", zeros)]));
    expect(z.read("zeros")).toEqual(zeros);
  });

  it("a declared size that lies is caught on reading (never inflated past it)", () => {
    const data = enc.encode("<a>0123456789</a>");
    const short = open(rawZip([deflated("a.xml", data, { size: 10 })]));
    expect(problemOf(() => short.read("a.xml"))).toEqual({ code: "badPart", part: "a.xml", detail: `size 11 ≠ declared 10` });
    const long = open(rawZip([deflated("a.xml", data, { size: 40 })]));
    expect(problemOf(() => long.read("a.xml"))).toEqual({ code: "badPart", part: "a.xml", detail: `size ${data.length} ≠ declared 40` });
    const storedLie = open(rawZip([stored("s.xml", "<s/>", { size: 3 })]));
    expect(problemOf(() => storedLie.read("s.xml"))).toEqual({ code: "badPart", part: "s.xml", detail: "size 4 ≠ declared 3" });
  });
});

describe("reading a part", () => {
  it("stored and deflated parts come back as written", () => {
    const data = enc.encode("<x>考核</x>".repeat(50));
    const z = open(rawZip([stored("s.xml", "<s>存</s>"), deflated("d.xml", data)]));
    expect(z.text("s.xml")).toBe("<s>存</s>");
    expect(z.read("d.xml")).toEqual(data);
    expect(z.raw(z.entries.get("d.xml") as NonNullable<ReturnType<typeof z.entries.get>>)).toEqual(deflateSync(data));
  });

  it("a part that is not there: missingPart naming it", () => {
    expect(problemOf(() => open(rawZip([stored("a.xml", "")])).read("b.xml"))).toEqual({ code: "missingPart", part: "b.xml" });
  });

  it("a CRC that does not match: badPart 'CRC mismatch', stored or deflated", () => {
    const data = enc.encode("<a>hello</a>");
    const z = open(rawZip([stored("s.xml", "<s/>", { crc: 1 }), deflated("d.xml", data, { crc: crc32(data) ^ 1 })]));
    expect(problemOf(() => z.read("s.xml"))).toEqual({ code: "badPart", part: "s.xml", detail: "CRC mismatch" });
    expect(problemOf(() => z.read("d.xml"))).toEqual({ code: "badPart", part: "d.xml", detail: "CRC mismatch" });
  });

  it("an unknown compression method: badPart naming it, nothing inflated", () => {
    const data = enc.encode("<a>hello</a>");
    const z = open(rawZip([{ ...deflated("b.xml", data), method: 12 }]));
    expect(problemOf(() => z.read("b.xml"))).toEqual({ code: "badPart", part: "b.xml", detail: "compression method 12" });
  });

  it("deflate data that is damaged: badPart", () => {
    const z = open(rawZip([{ name: "x.xml", body: Uint8Array.from([0xff, 0xff, 0xff, 0xff]), method: 8, size: 10, crc: 0 }]));
    expect(problemOf(() => z.read("x.xml"))).toMatchObject({ code: "badPart", part: "x.xml" });
  });
});

describe("checksum and codec", () => {
  it("CRC-32 of known strings", () => {
    expect(crc32(enc.encode(""))).toBe(0);
    expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(Uint8Array.from([0xff]))).toBe(0xff000000);
    expect(crc32(enc.encode("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
  });

  it("inflate never returns more than it is allowed; deflate round-trips", () => {
    const data = enc.encode("a".repeat(1000));
    const packed = portableCodec.deflate(data);
    expect(packed.length).toBeLessThan(100);
    expect(portableCodec.inflate(packed, 1001)).toEqual(data);
    expect(portableCodec.inflate(packed, 10)).toEqual(data.subarray(0, 10));
  });
});

describe("ByteSink encodes exactly what TextEncoder would, across its 1 MiB blocks", () => {
  const BLOCK = 1 << 20;
  const sinkOf = (...texts: string[]) => {
    const s = new ByteSink();
    for (const t of texts) s.push(t);
    return s.bytes();
  };
  const same = (...texts: string[]) => expect(Buffer.from(sinkOf(...texts)).equals(Buffer.from(enc.encode(texts.join(""))))).toBe(true);

  it("short text, CJK, a pair at the end, a lone high surrogate at the end", () => {
    same("ab", "考核", "x😀");
    same("ab\uD83D");
    same("全角！");
  });

  it("a surrogate pair where the first block's slice would end (at 349,525 units)", () => {
    const cut = Math.floor(BLOCK / 3);
    for (const pair of ["😀", "\uD800\uDC00", "\uDBFF\uDFFF"]) same(`${"a".repeat(cut - 1)}${pair}bc`);
  });

  it("a pair arriving when only 5 bytes are left in a block", () => {
    same("a".repeat(BLOCK - 5), "😀b");
  });

  it("several blocks of three-byte characters", () => {
    same("考".repeat(BLOCK / 2), "核".repeat(10));
  });
});
