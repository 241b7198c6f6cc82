/** The text of A1 without inflating the whole sheet: only the first rows are decompressed. */
import { Inflate } from "fflate";
import type { ZipArchive } from "./zip-read";
import { unescapeOoxml } from "./xml";

const STEP = 16_384;
const MAX_TEXT = 1 << 20;

function startOf(zip: ZipArchive, part: string): string {
  const e = zip.entries.get(part);
  // Stryker disable next-line StringLiteral: any text without a <c> start tag gives "" below
  if (!e) return "";
  if (e.method === 0) return new TextDecoder().decode(zip.raw(e).subarray(0, MAX_TEXT));
  const dec = new TextDecoder();
  // Stryker disable next-line StringLiteral: text before the XML holds no <c r="A1"> and cannot change the match
  let text = "";
  let done = false;
  const inf = new Inflate((chunk) => {
    text += dec.decode(chunk, { stream: true });
  });
  const raw = zip.raw(e);
  try {
    for (let p = 0; p < raw.length && !done; p += STEP) {
      inf.push(raw.subarray(p, p + STEP), p + STEP >= raw.length);
      done = text.length > MAX_TEXT || /<\/row>|<\/sheetData>|<sheetData\/>/.test(text);
    }
  } catch {
    // A damaged part: the full read reports it properly.
  }
  return text;
}

export function peekA1(zip: ZipArchive, part: string, shared: () => string[]): string {
  const text = startOf(zip, part);
  const m = /<c\b[^>]*\br="A1"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/.exec(text);
  if (!m || !m[1]) return "";
  const type = /\bt="(\w+)"/.exec(m[0].slice(0, m[0].indexOf(">")))?.[1];
  const v = /<v>([^<]*)<\/v>/.exec(m[1])?.[1];
  const unent = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (_x, n: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[n] ?? "");
  if (type === "s" && v !== undefined) return shared()[Number(v)] ?? "";
  if (type === "inlineStr") return unescapeOoxml(unent([...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((x) => x[1]).join("")));
  if (type === "str" && v !== undefined) return unescapeOoxml(unent(v));
  return "";
}
