/**
 * Text from workbooks and rubrics is untrusted: before it reaches a terminal, control characters
 * (C0, DEL, C1, bidi overrides, line separators, zero-width characters) are shown escaped, so a
 * cell cannot clear the screen, move the cursor, fake a line of output or reorder what is shown.
 * The written workbook keeps the text as it was; only what is printed is changed.
 */
import { mapIssueTexts, type Issue } from "../core/issue";

/** Longest workbook/rubric value shown in a message or table cell, in characters. */
export const SHOWN_CHARS = 80;

// C0 (with \t \n \r), DEL, C1, Arabic letter mark, zero-width and bidi marks, line/paragraph
// separators, bidi embeddings/overrides/isolates, word joiner and invisible operators, BOM, and
// lone surrogates (shown instead of becoming U+FFFD or garbage).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
// The same set without the lone-surrogate alternatives, for JSON text (already valid UTF-16 from JSON.stringify).
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

function escapeChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (ch === "\n") return "\\n";
  if (ch === "\r") return "\\r";
  if (ch === "\t") return "\\t";
  return c < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
}

/** Escape every unsafe character: the result is one line with nothing a terminal acts on. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Cut to `max` characters (code points), ending in "…" when anything was cut. */
export function cut(text: string, max = SHOWN_CHARS): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, max * 2));
  return chars.length > max || text.length > max * 2 ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** One workbook or rubric value as shown in a terminal: cut, then escaped. */
export function shown(value: string, max = SHOWN_CHARS): string {
  return escapeControls(cut(value, max));
}

/** An issue whose workbook/rubric-supplied texts (params, unit, sheet) are safe to print. */
export function printableIssue(i: Issue): Issue {
  return mapIssueTexts(i, (v) => shown(v));
}

/** A whole message line: whatever went into it, it stays one line with no control characters. */
export function terminalLine(message: string): string {
  return `${escapeControls(message)}\n`;
}

/**
 * JSON for a terminal. JSON.stringify escapes C0 but leaves C1, bidi controls and U+2028/9 raw;
 * escaping them as \uXXXX inside strings keeps the same JSON value. (Outside strings JSON text is ASCII.)
 */
export function terminalJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (ch) => `\\u${hex(ch.charCodeAt(0), 4)}`)}\n`;
}
