/**
 * A short, stable hash of what a cell holds, so Kaohe can tell later whether a cell is still exactly
 * what it wrote. Content is what the host reports for the cell: a formula as text starting with "="
 * (Office.js `Range.formulas`; an .xlsx `<f>`), else its value. Empty cells have the empty fingerprint.
 */
export type CellContent = string | number | boolean | null | undefined;

export const EMPTY_FINGERPRINT = "";

/** Canonical text: the kind of value and its exact form ("n:97.5", "s:已评分", "b:1", "f:=A1"). */
function canonical(c: CellContent): string {
  if (c === null || c === undefined || c === "") return "";
  // A template prints -0 as "0", so -0 and 0 share a fingerprint.
  if (typeof c === "number") return `n:${c}`;
  if (typeof c === "boolean") return c ? "b:1" : "b:0";
  return c.startsWith("=") ? `f:${c}` : `s:${c}`;
}

/** FNV-1a over UTF-16 code units, 32 bits, in base 36 (at most 7 characters). */
export function fingerprint(c: CellContent): string {
  const text = canonical(c);
  if (text === "") return EMPTY_FINGERPRINT;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A leading kind letter keeps a fingerprint from ever being empty or numeric-looking.
  return `h${h.toString(36)}`;
}

/** One fingerprint for a block of cells (a results sheet): row by row, trailing empties ignored. */
export function blockFingerprint(rows: ReadonlyArray<ReadonlyArray<CellContent>>): string {
  const lines = rows.map((r) => {
    const f = r.map(fingerprint);
    while (f.length && f[f.length - 1] === EMPTY_FINGERPRINT) f.pop();
    return f.join(",");
  });
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return fingerprint(lines.join(";"));
}
