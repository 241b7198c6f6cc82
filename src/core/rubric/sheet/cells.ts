/**
 * Reading the cells of a 评分细则 sheet: text, numbers, closed choices, 是/否. Each problem is an
 * Issue on its cell (sheet + A1); each value read for the rubric remembers its cell, so that a later
 * schema error at `sections.0.items.2.max` can be shown at the cell the official typed it in.
 */
import { a1, cellAt, displayValue, isBlank, isErrorValue, type CellValue, type Grid } from "../../grid";
import { issue, type Issue, type IssueCode, type IssueParamsByCode } from "../../issue";
import { echo, isPercentFormat, scanDecimal } from "../../values";
import { NO_WORDS, YES_WORDS } from "./layout";

type Choice<T> = ReadonlyArray<readonly [T, string]>;

/** How a number cell is read: `rate` turns a %-formatted 0.88 (or the text 88%) into 88. */
export type NumberMode = "rate" | "plain";

/** Merged cells looked up at most (a real 评分细则 sheet has a few hundred). */
const MAX_MERGED_CELLS = 200_000;

const fold = (s: string) => s.normalize("NFKC").replace(/[\s\u3000]+/g, "").toLowerCase();

export class SheetCells {
  readonly issues: Issue[] = [];
  /** Rubric path ("sections.0.items.1.max") → the cell it was read from. */
  readonly sources = new Map<string, string>();
  private readonly masters = new Map<string, { row: number; col: number }>();

  constructor(readonly grid: Grid) {
    // A merged cell's value sits in its top-left cell; the others read as that value. Merges are
    // clipped to the cells the sheet has, and the whole map is bounded: a hostile A1:XFD1048576
    // costs no more than the sheet itself.
    const lastRow = grid.rows.length - 1;
    const lastCol = grid.rows.reduce((n, r) => Math.max(n, (r?.length ?? 0) - 1), 0);
    for (const m of grid.merges) {
      for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) for (let c = m.left; c <= Math.min(m.right, lastCol); c++) {
        if (this.masters.size >= MAX_MERGED_CELLS) return;
        if (r !== m.top || c !== m.left) this.masters.set(`${r},${c}`, { row: m.top, col: m.left });
      }
    }
  }

  get sheet(): string {
    return this.grid.sheet;
  }

  raw(row: number, col: number): CellValue {
    const at = this.masters.get(`${row},${col}`) ?? { row, col };
    return cellAt(this.grid, at.row, at.col)?.value ?? null;
  }

  blank(row: number, col: number): boolean {
    return isBlank(this.raw(row, col));
  }

  problem<C extends IssueCode>(code: C, row: number, col: number, params: IssueParamsByCode[C]): undefined {
    // C is generic here; the signature already ties params to code.
    this.issues.push(issue<IssueCode>(code, params, { sheet: this.sheet, cell: a1(row, col) }));
    return undefined;
  }

  /** Remember where a rubric path's value came from. */
  source(path: ReadonlyArray<string | number>, row: number, col: number): void {
    this.sources.set(path.join("."), a1(row, col));
  }

  /** Text as written (numbers as their digits); undefined when blank. */
  text(row: number, col: number): string | undefined {
    const v = this.raw(row, col);
    if (isBlank(v)) return undefined;
    if (typeof v === "boolean") return v ? "是" : "否";
    return isErrorValue(v) ? v.error : String(v);
  }

  number(row: number, col: number, label: string, mode: NumberMode = "plain"): number | undefined {
    const v = this.raw(row, col);
    if (isBlank(v)) return undefined;
    if (typeof v === "number") {
      const pct = mode === "rate" && isPercentFormat(cellAt(this.grid, row, col)?.numFmt);
      // 0.88 shown as 88% is 88 in a rate's own unit; toPrecision drops the binary noise of ×100.
      return pct ? Number((v * 100).toPrecision(15)) : v;
    }
    if (typeof v === "string") {
      const m = scanDecimal(v.normalize("NFKC").replace(/[\s,]/g, ""));
      const n = m ? Number(m.text) : NaN;
      if (m && Number.isFinite(n)) {
        if (m.suffix === "") return n;
        if (mode === "rate") return n;
        return Number((n / (m.suffix === "%" ? 100 : 1000)).toPrecision(15));
      }
    }
    return this.problem("rubricSheet.notNumber", row, col, { label, value: echo(displayValue(v)) });
  }

  choice<T>(row: number, col: number, label: string, choices: Choice<T>, accept?: ReadonlyArray<T>): T | undefined {
    const t = this.text(row, col);
    if (t === undefined) return undefined;
    const key = fold(t);
    const allowed = choices.filter(([v]) => !accept || accept.includes(v));
    // The sheet's word, or the rubric schema's own (target, atLeast…) for those who know it.
    const found = allowed.find(([v, word]) => fold(word) === key || (typeof v === "string" && fold(v) === key));
    if (found) return found[0];
    return this.problem("rubricSheet.badChoice", row, col, { label, value: echo(t), choices: allowed.map(([, w]) => w).join("、") });
  }

  yesNo(row: number, col: number, label: string): boolean | undefined {
    const v = this.raw(row, col);
    if (isBlank(v)) return undefined;
    if (typeof v === "boolean") return v;
    if (v === 1 || v === 0) return v === 1;
    const t = fold(String(displayValue(v)));
    if (YES_WORDS.includes(t)) return true;
    if (NO_WORDS.includes(t)) return false;
    return this.problem("rubricSheet.badChoice", row, col, { label, value: echo(displayValue(v)), choices: "是、否" });
  }

  /** A block's header row: each known label's column; unknown headers are errors. */
  header<K extends string>(row: number, columns: Record<K, string>, blockTitle: string, required: ReadonlyArray<K>): Map<K, number> | undefined {
    const byLabel = new Map(Object.entries<string>(columns).map(([k, label]) => [fold(label), k as K]));
    const found = new Map<K, number>();
    const cells = this.grid.rows[row] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const t = this.text(row, c);
      if (t === undefined) continue;
      const k = byLabel.get(fold(t));
      if (k === undefined) {
        this.problem("rubricSheet.unknownColumn", row, c, { value: echo(t), block: blockTitle, choices: Object.values<string>(columns).join("、") });
      } else if (found.has(k)) {
        this.problem("rubricSheet.duplicateLabel", row, c, { value: echo(t) });
      } else found.set(k, c);
    }
    const missing = required.filter((k) => !found.has(k));
    for (const k of missing) this.problem("rubricSheet.missingColumn", row, 0, { label: columns[k], block: blockTitle });
    return missing.length ? undefined : found;
  }
}

export const foldLabel = fold;
