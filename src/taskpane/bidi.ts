/**
 * Bidirectional-text isolation for workbook text. A unit name holding U+202E (RIGHT-TO-LEFT OVERRIDE)
 * or right-to-left letters must not reorder anything around it: names shown as their own element go
 * in a <bdi>; names inside a sentence (issue and reason messages, <option> labels, which cannot hold
 * elements) are wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (Unicode UAX #9, X5c).
 */
import { mapIssueTexts, type Issue } from "../core/issue";
import type { Reason } from "../core/score/types";
import { type Catalog, formatIssueWithPlace, formatReason } from "../i18n";
import { h } from "./dom";

const FSI = "\u2068";
const PDI = "\u2069";
/** Characters that can change the order of what follows: RTL letters, bidi controls and marks. */
const BIDI_RISK = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

const PDF = "\u202c";
const EMBEDDINGS = new Set(["\u202a", "\u202b", "\u202d", "\u202e"]); // LRE RLE LRO RLO, closed by PDF
const ISOLATES = new Set(["\u2066", "\u2067", FSI]); // LRI RLI FSI, closed by PDI

/**
 * The text with its explicit bidi controls balanced: a stray PDF or PDI is dropped, and every
 * embedding, override or isolate the text opens is closed at its end. Letters are untouched; only
 * display changes. Needed even inside <bdi>: Chromium lets a literal PDI in the content end the
 * element's isolation, and an RLO after it then reverses the rest of the line (pane-layout test).
 */
export function balanceBidi(text: string): string {
  if (!BIDI_RISK.test(text)) return text;
  const open: string[] = [];
  let out = "";
  for (const ch of text) {
    if (EMBEDDINGS.has(ch) || ISOLATES.has(ch)) {
      open.push(ch);
    } else if (ch === PDF) {
      // A PDF closes the innermost embedding, but never across an isolate (UAX #9, X7).
      if (!EMBEDDINGS.has(open[open.length - 1] ?? "")) continue;
      open.pop();
    } else if (ch === PDI) {
      // A PDI closes the innermost isolate and every embedding opened inside it (X6a).
      let at = open.length - 1;
      while (at >= 0 && !ISOLATES.has(open[at] ?? "")) at--;
      if (at < 0) continue;
      open.length = at;
    }
    out += ch;
  }
  return out + open.reverse().map((o) => (ISOLATES.has(o) ? PDI : PDF)).join("");
}

/**
 * The text isolated inside a sentence. Text that cannot affect ordering is returned as it is, so
 * ordinary Chinese and Latin names stay byte-identical (copy/paste, tests, screen readers).
 */
export function isolate(text: string): string {
  return BIDI_RISK.test(text) ? `${FSI}${balanceBidi(text)}${PDI}` : text;
}

function isolateParams<T extends Record<string, unknown>>(params: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === "string" ? isolate(v) : Array.isArray(v) ? v.map((x: unknown) => (typeof x === "string" ? isolate(x) : x)) : v;
  }
  return out as T;
}

/** An issue's message with where it happened, every piece of workbook text in it isolated. */
export function issueText(i: Issue, c: Catalog): string {
  return formatIssueWithPlace(mapIssueTexts(i, isolate), c);
}

export function reasonText(r: Reason, c: Catalog): string {
  return formatReason({ ...r, params: isolateParams(r.params) }, c);
}

/** A piece of workbook text as its own element, isolated from its neighbours. */
export function bdi(text: string, cls?: string): HTMLElement {
  return h("bdi", cls ? { class: cls } : {}, balanceBidi(text));
}
