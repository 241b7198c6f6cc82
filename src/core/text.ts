/** Header and name matching: full-/half-width forms, spaces and a trailing unit in brackets are ignored. */

const TRAILING_UNIT = /[(\[【][^()\[\]【】]{0,12}[)\]】]$/u;

/**
 * NFKC folds full-width letters, digits and brackets (（％）→ (%)); whitespace and invisible
 * characters (zero-width space/joiners, word joiner, BOM, soft hyphen) are dropped: a header typed
 * or pasted with one matches as if it were absent.
 */
export function fold(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff\u3000]/gu, "");
}

// Characters that print as nothing (or act on the text around them): shown as \uXXXX where a
// suggestion must look different from the name it differs from.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]/gu;

/** `text` with invisible and control characters written as \uXXXX, so that differences show. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}

/** `计划生育率(%)`, `计划生育率（%）`, `计划生育率 ` and `计划生育率` all normalise to `计划生育率`. */
export function normalizeName(text: string): string {
  let s = fold(text).toLowerCase();
  // Strip one or more trailing bracketed units: 实际上缴金额(元), 出生率(‰)
  for (let i = 0; i < 3 && TRAILING_UNIT.test(s); i++) s = s.replace(TRAILING_UNIT, "");
  return s.replace(/[:：*＊]+$/u, "");
}

export function levenshtein(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  let prev = Array.from({ length: cb.length + 1 }, (_, i) => i);
  for (let i = 1; i <= ca.length; i++) {
    const cur = [i];
    for (let j = 1; j <= cb.length; j++) {
      const cost = ca[i - 1] === cb[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[cb.length] ?? 0;
}

/** The candidate most like `name` (by edit distance on normalised forms), or undefined when nothing is close. */
export function closest(name: string, candidates: ReadonlyArray<string>): string | undefined {
  const n = normalizeName(name);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    // A candidate that normalises to nothing shares no character: `enough` below passes it by.
    const cn = normalizeName(c);
    const d = levenshtein(n, cn);
    const shared = [...n].filter((ch) => cn.includes(ch)).length;
    // Prefer candidates sharing characters; penalise distance relative to length.
    const score = d - shared * 0.5;
    // Suggest only what looks related: a good share of the characters in common.
    const enough = shared >= Math.max(2, Math.ceil(Math.min([...n].length, [...cn].length) / 2));
    if (enough && score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
