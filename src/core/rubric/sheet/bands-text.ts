/**
 * 分档 in one cell: "95:100%；90:50%" (lower bound : share of the full marks) or "95:10；90:6"
 * (lower bound : points). Shares are written as exact percentages — the decimal point moved in the
 * number's own digits, never ×100 in binary — so every band reads back as the same number.
 */
import { BAND_COLON, BAND_SEPARATOR } from "./layout";

export interface Band {
  min: number;
  points?: number;
  share?: number;
}

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** A decimal numeral with its point moved `by` places (2: ×100, −2: ÷100), exactly. */
export function shiftDecimal(text: string, by: number): string | undefined {
  const m = NUMBER.exec(text);
  if (!m || `${m[2] ?? ""}${m[3] ?? ""}` === "") return undefined;
  const digits = `${m[2] ?? ""}${m[3] ?? ""}`;
  let point = (m[2] ?? "").length + Number(m[4] ?? 0) + by;
  let d = digits;
  if (point <= 0) {
    d = "0".repeat(1 - point) + d;
    point = 1;
  } else if (point > d.length) d += "0".repeat(point - d.length);
  const int = d.slice(0, point).replace(/^0+(?=\d)/, "");
  const frac = d.slice(point).replace(/0+$/, "");
  return `${m[1] === "-" ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

function numberOf(text: string): number | undefined {
  if (!NUMBER.test(text) || !/\d/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export function bandsText(bands: ReadonlyArray<Band>): string {
  return bands
    .map((b) => `${String(b.min)}${BAND_COLON}${b.share !== undefined ? `${shiftDecimal(String(b.share), 2) ?? ""}%` : String(b.points ?? "")}`)
    .join(BAND_SEPARATOR);
}

/** The bands of a cell's text; undefined when any entry cannot be read. */
export function parseBands(text: string): Band[] | undefined {
  const entries = text.normalize("NFKC").split(/[;；]/).map((e) => e.replace(/\s+/g, "")).filter((e) => e !== "");
  if (!entries.length) return undefined;
  const out: Band[] = [];
  for (const e of entries) {
    const m = /^([^:]+):(.+)$/.exec(e);
    // A lower bound may carry its unit: 95% or 6‰ is 95 or 6 in the indicator's own unit.
    const min = m ? numberOf((m[1] ?? "").replace(/[%‰]$/, "")) : undefined;
    if (!m || min === undefined) return undefined;
    const value = m[2] ?? "";
    if (value.endsWith("%")) {
      const shifted = shiftDecimal(value.slice(0, -1), -2);
      const share = shifted === undefined ? undefined : numberOf(shifted);
      if (share === undefined) return undefined;
      out.push({ min, share });
    } else {
      const points = numberOf(value);
      if (points === undefined) return undefined;
      out.push({ min, points });
    }
  }
  return out;
}
