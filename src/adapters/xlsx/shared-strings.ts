/** xl/sharedStrings.xml: every entry's plain text (rich runs joined, phonetic runs left out). */
import { checkLimit } from "./errors";
import { LIMITS } from "./limits";
import { parseXml, unescapeOoxml } from "./xml";

export function parseSharedStrings(text: string, part: string): string[] {
  const out: string[] = [];
  let cur: string[] | undefined;
  let inT = false;
  let phonetic = 0;
  let chars = 0;
  parseXml(text, part, {
    open(tag, a) {
      if (tag === "sst" && a.uniqueCount !== undefined) checkLimit("sharedStrings", Number(a.uniqueCount) || 0, LIMITS.sharedStrings, part);
      if (tag === "si") {
        checkLimit("sharedStrings", out.length + 1, LIMITS.sharedStrings, part);
        cur = [];
        chars = 0;
      } else if (tag === "rPh") phonetic++;
      else if (tag === "t" && !phonetic) inT = true;
    },
    text(t) {
      if (!inT || !cur) return;
      chars += t.length;
      // Escapes (_xHHHH_) are 7 characters for one: the exact check follows once decoded.
      checkLimit("cellChars", chars, LIMITS.cellChars * 7, part);
      cur.push(t);
    },
    close(tag) {
      if (tag === "t") inT = false;
      else if (tag === "rPh") phonetic--;
      else if (tag === "si" && cur) {
        const s = unescapeOoxml(cur.join(""));
        checkLimit("cellChars", s.length, LIMITS.cellChars, part);
        out.push(s);
        cur = undefined;
      }
    },
  });
  return out;
}
