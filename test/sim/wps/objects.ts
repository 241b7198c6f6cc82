/**
 * The simulated WPS 表格 object model over a SimBook (model.ts), implementing exactly the interfaces
 * the adapter is written against (src/adapters/wps/wps-types.ts). Behaviour follows WPS/VBA as the
 * et typings and Excel's VBA documentation describe it; see README.md for each part and its source.
 */
import type { CellRange } from "../../../src/core/grid";
import type {
  WpsApiEvent, WpsApplication, WpsComment, WpsCustomXmlPart, WpsCustomXmlParts, WpsFormatCondition, WpsFormatConditions,
  WpsName, WpsNames, WpsRange, WpsSheets, WpsValidation, WpsValue, WpsWorkbook, WpsWorksheet,
} from "../../../src/adapters/wps/wps-types";
import { XL_VALIDATE_LIST } from "../../../src/adapters/wps/wps-types";
import {
  type SimBook, type SimCell, type SimName, type SimRule, type SimSheet, type SimValue, WHOLE, absoluteA1, areaA1, inside, key,
  newSheet, overlaps, parseAreas, quoteSheet, unkey,
} from "./model";

/** Faults and calls: every change made through the object model is counted, and one can be made to fail. */
export class SimControl {
  changes = 0;
  failAt: number | null = null;
  /** The next change whose description starts with this fails once (e.g. "Validation.Add"). */
  failOn: string | null = null;
  /** The change that was made to fail. */
  failed: string | null = null;
  /**
   * The next change whose description starts with this returns as if done and changes nothing, once
   * (a call WPS accepts without effect): how the tests check that the adapter reads its work back.
   */
  holdOn: string | null = null;
  readonly log: string[] = [];
  readonly listeners = new Map<string, ((...args: never[]) => void)[]>();

  change(what: string): void {
    this.changes++;
    this.log.push(what);
    const on = this.failOn !== null && what.startsWith(this.failOn);
    if (on || (this.failAt !== null && this.changes === this.failAt)) {
      if (on) this.failOn = null;
      else this.failAt = null;
      this.failed = what;
      throw new Error(`simulated WPS failure at change ${this.changes} (${what})`);
    }
  }

  /** True, once, for the change `holdOn` names: the caller then leaves the workbook as it is. */
  held(what: string): boolean {
    if (this.holdOn === null || !what.startsWith(this.holdOn)) return false;
    this.holdOn = null;
    return true;
  }

  fire(event: string, ...args: unknown[]): void {
    for (const cb of this.listeners.get(event) ?? []) (cb as (...a: unknown[]) => void)(...args);
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DATE = /^(\d{1,2})\/(\d{1,2})$/;

/** Serial number of month/day in 2026 (the simulator's fixed "current year"). */
function dateSerial(month: number, day: number): number {
  return Math.round((Date.UTC(2026, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What a cell stores when a value is written to Value2/Formula, as typing it would: "=…" becomes a
 * formula, number- and date-like text a number (a date also gets a date format), "TRUE"/"FALSE" a
 * boolean, "" empties the cell — unless the cell's number format is Text ("@"), which keeps text as text.
 */
export function typeInto(sheet: SimSheet, row: number, col: number, input: unknown): void {
  const k = key(row, col);
  if (input === "" || input === null || input === undefined) return void sheet.cells.delete(k);
  const fmt = sheet.formats.get(k) ?? "General";
  let cell: SimCell = { value: input as SimValue };
  if (typeof input === "string" && fmt !== "@") {
    const date = DATE.exec(input.trim());
    if (input.startsWith("=") && input.length > 1) cell = { formula: input };
    else if (NUMBER.test(input.trim())) cell = { value: Number(input) };
    else if (/^(true|false)$/i.test(input.trim())) cell = { value: input.trim().toUpperCase() === "TRUE" };
    else if (date && Number(date[1]) <= 12 && Number(date[2]) <= 31) {
      cell = { value: dateSerial(Number(date[1]), Number(date[2])) };
      if (fmt === "General") sheet.formats.set(k, "m/d");
    }
  } else if (typeof input !== "string" && typeof input !== "number" && typeof input !== "boolean") {
    throw new Error(`cannot write ${typeof input} to a cell`);
  }
  sheet.cells.set(k, cell);
}

const cellsOf = (r: CellRange): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function* each(r: CellRange): Generator<{ row: number; col: number }> {
  if (cellsOf(r) > 2_000_000) throw new Error("the simulator does not read or write this many cells one by one");
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield { row, col };
}

/** Stored entries of a map that fall inside an area (works for the whole sheet too). */
function keysIn(map: Map<string, unknown>, r: CellRange): string[] {
  if (cellsOf(r) < map.size) return [...each(r)].map(({ row, col }) => key(row, col)).filter((k) => map.has(k));
  return [...map.keys()].filter((k) => {
    const { row, col } = unkey(k);
    return inside(r, row, col);
  });
}

export class SimWps {
  readonly control = new SimControl();
  readonly app: SimApplication;
  constructor(readonly book: SimBook) {
    this.app = new SimApplication(this);
  }

  /** Throws as WPS does when a protected sheet is changed. */
  guard(sheet: SimSheet, what: string): void {
    if (sheet.protectContents) throw new Error(`您试图更改的单元格或图表位于受保护的工作表中 (${sheet.name}: ${what})`);
    this.control.change(`${what} ${sheet.name}`);
  }

  guardStructure(what: string): void {
    if (this.book.protectStructure) throw new Error(`工作簿结构受保护，无法${what}`);
    this.control.change(what);
  }

  sheetObject(sheet: SimSheet): SimWorksheet {
    return new SimWorksheet(this, sheet);
  }

  findSheet(name: string): SimSheet | undefined {
    return this.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

class SimComment implements WpsComment {
  constructor(private readonly sim: SimWps, private readonly sheet: SimSheet, private readonly k: string) {}
  Text(text?: string): string {
    if (text !== undefined) {
      this.sim.guard(this.sheet, "Comment.Text");
      this.sheet.comments.set(this.k, text);
    }
    return this.sheet.comments.get(this.k) ?? "";
  }
  Delete(): void {
    this.sim.guard(this.sheet, "Comment.Delete");
    this.sheet.comments.delete(this.k);
  }
}

export class SimRange implements WpsRange {
  constructor(private readonly sim: SimWps, readonly sheet: SimSheet, readonly areas: CellRange[]) {}

  private get first(): CellRange {
    return this.areas[0] ?? WHOLE;
  }

  private read<T>(get: (row: number, col: number) => T): T | T[][] {
    const r = this.first;
    if (r.top === r.bottom && r.left === r.right) return get(r.top, r.left);
    const out: T[][] = [];
    for (const { row, col } of each(r)) (out[row - r.top] ??= []).push(get(row, col));
    return out;
  }

  private write(x: unknown, what: string): void {
    this.sim.guard(this.sheet, what);
    for (const r of this.areas) {
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      if (Array.isArray(x)) {
        if (x.length !== rows || x.some((line) => !Array.isArray(line) || line.length !== cols)) throw new Error(`${what}: an array of ${x.length} rows does not fit ${areaA1(r)}`);
        for (const { row, col } of each(r)) typeInto(this.sheet, row, col, (x[row - r.top] as unknown[])[col - r.left]);
      } else for (const { row, col } of each(r)) typeInto(this.sheet, row, col, x);
    }
  }

  get Value2(): WpsValue | WpsValue[][] {
    return this.read((row, col) => {
      const c = this.sheet.cells.get(key(row, col));
      if (!c) return undefined;
      return "value" in c ? c.value : 0; // formulas are not computed: they read as 0
    });
  }
  set Value2(x: WpsValue | WpsValue[][]) {
    this.write(x, "Value2");
  }

  get Formula(): string | string[][] {
    return this.read((row, col) => {
      const c = this.sheet.cells.get(key(row, col));
      if (!c) return "";
      if ("formula" in c) return c.formula;
      return typeof c.value === "boolean" ? (c.value ? "TRUE" : "FALSE") : String(c.value);
    });
  }
  set Formula(x: string | string[][]) {
    this.write(x, "Formula");
  }

  get NumberFormat(): string | null {
    const r = this.first;
    const stored = keysIn(this.sheet.formats, r).map((k) => this.sheet.formats.get(k) ?? "General");
    const all = new Set(stored);
    if (stored.length < cellsOf(r)) all.add("General");
    return all.size === 1 ? [...all][0] ?? "General" : null;
  }
  set NumberFormat(f: string | null) {
    this.sim.guard(this.sheet, "NumberFormat");
    for (const r of this.areas) for (const { row, col } of each(r)) {
      if (f === "General" || f === null) this.sheet.formats.delete(key(row, col));
      else this.sheet.formats.set(key(row, col), f);
    }
  }

  private mergeAt(row: number, col: number): CellRange | undefined {
    return this.sheet.merges.find((m) => inside(m, row, col));
  }

  get MergeCells(): boolean | null {
    const r = this.first;
    let merged = 0;
    for (const { row, col } of each(r)) if (this.mergeAt(row, col)) merged++;
    return merged === 0 ? false : merged === cellsOf(r) ? true : null;
  }

  get MergeArea(): WpsRange {
    const r = this.first;
    return new SimRange(this.sim, this.sheet, [this.mergeAt(r.top, r.left) ?? { top: r.top, left: r.left, bottom: r.top, right: r.left }]);
  }

  get Row(): number {
    return this.first.top + 1;
  }
  get Column(): number {
    return this.first.left + 1;
  }
  get Rows(): { Count: number } {
    return { Count: this.first.bottom - this.first.top + 1 };
  }
  get Columns(): { Count: number } {
    return { Count: this.first.right - this.first.left + 1 };
  }
  get Worksheet(): WpsWorksheet {
    return this.sim.sheetObject(this.sheet);
  }
  get FormatConditions(): WpsFormatConditions {
    return new SimFormatConditions(this.sim, this.sheet, this.areas);
  }
  /** A list drop-down on every area (xlValidateList only; the modelled case); Delete removes the rules inside. */
  get Validation(): WpsValidation {
    const { sim, sheet, areas } = this;
    return {
      Add(type: number, _alert?: number, _op?: number, formula1?: string): void {
        sim.guard(sheet, "Validation.Add");
        if (type !== XL_VALIDATE_LIST || !formula1) throw new Error("Validation.Add: only list rules with a source are simulated");
        if (sheet.validations.some((v) => areas.some((a) => overlaps(a, v.range)))) throw new Error("Validation.Add: the range already has a rule (delete it first)");
        for (const range of areas) sheet.validations.push({ range, list: formula1.split(",") });
      },
      Delete(): void {
        sim.guard(sheet, "Validation.Delete");
        sheet.validations = sheet.validations.filter((v) => !areas.some((a) => overlaps(a, v.range)));
      },
    };
  }

  /** Bold reads true only when every cell of the first area is bold. */
  get Font(): { Bold: boolean } {
    const { sim, sheet, areas, first } = this;
    return {
      get Bold(): boolean {
        return [...each(first)].every(({ row, col }) => sheet.bold.has(key(row, col)));
      },
      set Bold(on: boolean) {
        sim.guard(sheet, "Font.Bold");
        for (const r of areas) for (const { row, col } of each(r)) {
          if (on) sheet.bold.add(key(row, col));
          else sheet.bold.delete(key(row, col));
        }
      },
    };
  }

  get Comment(): WpsComment | null {
    const k = key(this.first.top, this.first.left);
    return this.sheet.comments.has(k) ? new SimComment(this.sim, this.sheet, k) : null;
  }

  /** VBA's Address(): absolute ("$A$1:$B$2") unless told otherwise; areas joined by ",". */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    return this.areas.map((r) => (rowAbsolute && columnAbsolute ? absoluteA1(r) : areaA1(r))).join(",");
  }

  Resize(rows?: number, cols?: number): WpsRange {
    const r = this.first;
    return new SimRange(this.sim, this.sheet, [{ ...r, bottom: r.top + (rows ?? r.bottom - r.top + 1) - 1, right: r.left + (cols ?? r.right - r.left + 1) - 1 }]);
  }

  AddComment(text?: string): WpsComment {
    this.sim.guard(this.sheet, "AddComment");
    const k = key(this.first.top, this.first.left);
    if (this.sheet.comments.has(k)) throw new Error("AddComment: the cell already has a comment");
    this.sheet.comments.set(k, text ?? "");
    return new SimComment(this.sim, this.sheet, k);
  }

  ClearContents(): boolean {
    this.sim.guard(this.sheet, "ClearContents");
    if (this.sim.control.held("ClearContents")) return true;
    for (const r of this.areas) for (const k of keysIn(this.sheet.cells, r)) this.sheet.cells.delete(k);
    return true;
  }

  /** Contents, formats (with merges and conditional formats inside) and comments. */
  Clear(): boolean {
    this.sim.guard(this.sheet, "Clear");
    for (const r of this.areas) {
      for (const map of [this.sheet.cells, this.sheet.formats, this.sheet.comments]) for (const k of keysIn(map, r)) map.delete(k);
      for (const k of [...this.sheet.bold]) if (inside(r, unkey(k).row, unkey(k).col)) this.sheet.bold.delete(k);
      this.sheet.validations = this.sheet.validations.filter((v) => !overlaps(v.range, r));
      this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, r));
      this.sheet.rules = this.sheet.rules.filter((rule) => !rule.areas.every((a) => inside(r, a.top, a.left) && inside(r, a.bottom, a.right)));
    }
    return true;
  }

  /** Like VBA, selecting cells of a sheet that is not the active one fails. */
  Select(): boolean {
    if (this.sim.book.active !== this.sheet) throw new Error("Range.Select: the sheet is not active");
    this.sim.book.selection = `${this.sheet.name}!${this.Address(false, false)}`;
    return true;
  }
}

class SimFormatCondition implements WpsFormatCondition {
  constructor(private readonly sim: SimWps, private readonly sheet: SimSheet, private readonly rule: SimRule) {}
  get Type(): number {
    return this.rule.type;
  }
  get Formula1(): string {
    return this.rule.formula1;
  }
  get AppliesTo(): WpsRange {
    return new SimRange(this.sim, this.sheet, this.rule.areas);
  }
  get Interior(): { Color: unknown } {
    const rule = this.rule;
    return { get Color() { return rule.interior; }, set Color(c: unknown) { rule.interior = c; } };
  }
  get Font(): { Color: unknown } {
    const rule = this.rule;
    return { get Color() { return rule.font; }, set Color(c: unknown) { rule.font = c; } };
  }
  Delete(): void {
    this.sim.guard(this.sheet, "FormatCondition.Delete");
    if (this.sim.control.held("FormatCondition.Delete")) return;
    this.sheet.rules = this.sheet.rules.filter((r) => r !== this.rule);
  }
}

/** The rules that apply to any cell of the range, in priority order (Cells.FormatConditions: all of the sheet's). */
class SimFormatConditions implements WpsFormatConditions {
  constructor(private readonly sim: SimWps, private readonly sheet: SimSheet, private readonly areas: CellRange[]) {}
  private get rules(): SimRule[] {
    return this.sheet.rules.filter((rule) => rule.areas.some((a) => this.areas.some((b) => overlaps(a, b))));
  }
  get Count(): number {
    return this.rules.length;
  }
  Item(index: number): WpsFormatCondition {
    const rule = this.rules[index - 1];
    if (!rule) throw new Error(`FormatConditions.Item(${index}): no such rule`);
    return new SimFormatCondition(this.sim, this.sheet, rule);
  }
  Add(type: number, _operator?: unknown, formula1?: unknown): WpsFormatCondition {
    this.sim.guard(this.sheet, "FormatConditions.Add");
    if (type !== 2) throw new Error(`the simulator models only xlExpression (2) rules, not ${type}`);
    if (typeof formula1 !== "string" || !formula1.startsWith("=")) throw new Error("FormatConditions.Add: Formula1 must be a formula");
    const rule: SimRule = { areas: this.areas.map((a) => ({ ...a })), type, formula1 };
    this.sheet.rules.push(rule);
    return new SimFormatCondition(this.sim, this.sheet, rule);
  }
}

export function refersToText(n: SimName): string {
  const ref = n.ref;
  if ("constant" in ref) return ref.constant;
  if ("ref" in ref) return "=#REF!";
  return `=${quoteSheet(ref.sheet.name)}!${absoluteA1(ref.range)}`;
}

export const fullName = (n: SimName): string => (n.scope ? `${quoteSheet(n.scope.name)}!${n.name}` : n.name);

class SimNameObject implements WpsName {
  constructor(private readonly sim: SimWps, private readonly n: SimName) {}
  get Name(): string {
    return fullName(this.n);
  }
  set Name(v: string) {
    this.n.name = v;
  }
  get RefersTo(): unknown {
    return refersToText(this.n);
  }
  set RefersTo(v: unknown) {
    const ref = parseRef(this.sim, v);
    this.sim.control.change(`Name.RefersTo ${this.n.name}`);
    this.n.ref = ref;
  }
  get Visible(): boolean {
    return this.n.visible;
  }
  set Visible(v: boolean) {
    this.n.visible = v;
  }
  Delete(): void {
    this.sim.control.change(`Name.Delete ${this.n.name}`);
    this.sim.book.names = this.sim.book.names.filter((x) => x !== this.n);
  }
}

function parseRef(sim: SimWps, v: unknown): SimName["ref"] {
  if (typeof v !== "string" || !v.startsWith("=")) throw new Error(`Names.Add: RefersTo must start with "=": ${String(v)}`);
  if (/^="[^"]*"$/.test(v) || /^=-?\d/.test(v)) return { constant: v };
  const text = v.slice(1);
  const i = text.lastIndexOf("!");
  if (i < 0) throw new Error(`Names.Add: the simulator needs a sheet in RefersTo: ${v}`);
  const raw = text.slice(0, i);
  const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  const sheet = sim.findSheet(name);
  const areas = parseAreas(text.slice(i + 1));
  if (!sheet || areas.length !== 1 || !areas[0]) throw new Error(`Names.Add: no sheet or range ${v}`);
  return { sheet, range: areas[0] };
}

const NAME = /^[A-Za-z_\\\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/;

/** Workbook.Names (every name, sheet-scoped ones as "Sheet!name") or Worksheet.Names (that sheet's). */
class SimNames implements WpsNames {
  constructor(private readonly sim: SimWps, private readonly scope: SimSheet | null) {}
  private get list(): SimName[] {
    return this.sim.book.names.filter((n) => this.scope === null || n.scope === this.scope);
  }
  get Count(): number {
    return this.list.length;
  }
  Item(index: string | number): WpsName {
    const n = typeof index === "number" ? this.list[index - 1] : this.list.find((x) => fullName(x) === index || (x.scope === this.scope && x.name === index));
    if (!n) throw new Error(`Names.Item(${String(index)}): no such name`);
    return new SimNameObject(this.sim, n);
  }
  Add(name?: string, refersTo?: unknown, visible = true): WpsName {
    if (!name || !NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new Error(`Names.Add: invalid name ${String(name)}`);
    this.sim.control.change(`Names.Add ${name}`);
    const ref = parseRef(this.sim, refersTo);
    this.sim.book.names = this.sim.book.names.filter((x) => !(x.scope === this.scope && x.name.toLowerCase() === name.toLowerCase()));
    const n: SimName = { name, scope: this.scope, ref, visible };
    this.sim.book.names.push(n);
    return new SimNameObject(this.sim, n);
  }
}

const FORBIDDEN = /[\\/?*[\]:]/;

export class SimWorksheet implements WpsWorksheet {
  constructor(private readonly sim: SimWps, readonly sheet: SimSheet) {}
  get Name(): string {
    return this.sheet.name;
  }
  /** Renaming is refused when the workbook's structure is protected, the name is taken or invalid. */
  set Name(v: string) {
    if (v === this.sheet.name) return;
    this.sim.guardStructure(`重命名工作表 ${this.sheet.name}`);
    if (!v || v.length > 31 || FORBIDDEN.test(v) || (this.sim.findSheet(v) && this.sim.findSheet(v) !== this.sheet)) throw new Error(`invalid or taken sheet name: ${v}`);
    this.sheet.name = v;
  }
  get ProtectContents(): boolean {
    return this.sheet.protectContents;
  }
  /** The bounding box of cells with content, a format or a comment (A1 on an empty sheet). */
  get UsedRange(): WpsRange {
    let box: CellRange | null = null;
    for (const map of [this.sheet.cells, this.sheet.formats, this.sheet.comments]) {
      for (const k of map.keys()) {
        const { row, col } = unkey(k);
        box = box
          ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
          : { top: row, left: col, bottom: row, right: col };
      }
    }
    return new SimRange(this.sim, this.sheet, [box ?? { top: 0, left: 0, bottom: 0, right: 0 }]);
  }
  get Cells(): WpsRange {
    return new SimRange(this.sim, this.sheet, [WHOLE]);
  }
  get Names(): WpsNames {
    return new SimNames(this.sim, this.sheet);
  }
  Range(address: string): WpsRange {
    return new SimRange(this.sim, this.sheet, parseAreas(address));
  }
  Activate(): void {
    if (this.sim.book.active === this.sheet) return;
    this.sim.book.active = this.sheet;
    this.sim.control.fire("SheetActivate", this);
  }
  /** Deleting asks the user first unless DisplayAlerts is off; the simulator fails instead of asking. */
  Delete(): void {
    if (this.sim.app.DisplayAlerts) throw new Error("Worksheet.Delete with DisplayAlerts on: WPS would ask the user to confirm");
    this.sim.guardStructure(`删除工作表 ${this.sheet.name}`);
    if (this.sim.control.held("Worksheet.Delete")) return;
    const book = this.sim.book;
    if (book.sheets.length === 1) throw new Error("a workbook must keep at least one sheet");
    const i = book.sheets.indexOf(this.sheet);
    book.sheets = book.sheets.filter((s) => s !== this.sheet);
    book.names = book.names.filter((n) => n.scope !== this.sheet);
    for (const n of book.names) if ("sheet" in n.ref && n.ref.sheet === this.sheet) n.ref = { ref: "#REF!" };
    if (book.active === this.sheet) book.active = book.sheets[Math.max(0, i - 1)] ?? book.sheets[0] ?? book.active;
  }
}

class SimSheets implements WpsSheets {
  constructor(private readonly sim: SimWps) {}
  get Count(): number {
    return this.sim.book.sheets.length;
  }
  Item(index: string | number): WpsWorksheet {
    const s = typeof index === "number" ? this.sim.book.sheets[index - 1] : this.sim.findSheet(index);
    if (!s) throw new Error(`Worksheets.Item(${String(index)}): 下标越界`);
    return this.sim.sheetObject(s);
  }
  /** A new sheet "SheetN" after `after` (else before the active sheet), made the active sheet. */
  Add(before?: unknown, after?: unknown): WpsWorksheet {
    this.sim.guardStructure("插入工作表");
    const book = this.sim.book;
    let n = book.sheets.length + 1;
    while (this.sim.findSheet(`Sheet${n}`)) n++;
    const sheet = newSheet(`Sheet${n}`);
    const anchor = (after ?? before) as SimWorksheet | undefined;
    const at = anchor ? book.sheets.indexOf(anchor.sheet) + (after ? 1 : 0) : book.sheets.indexOf(book.active);
    book.sheets.splice(Math.max(0, at), 0, sheet);
    book.active = sheet;
    return this.sim.sheetObject(sheet);
  }
}

class SimPartObject implements WpsCustomXmlPart {
  constructor(private readonly sim: SimWps, private readonly id: number) {}
  private get part() {
    const p = this.sim.book.parts.find((x) => x.id === this.id);
    if (!p) throw new Error("the custom XML part was deleted");
    return p;
  }
  get NamespaceURI(): string {
    return this.part.namespace;
  }
  get XML(): string {
    return this.part.xml;
  }
  Delete(): void {
    this.sim.control.change("CustomXMLPart.Delete");
    this.sim.book.parts = this.sim.book.parts.filter((x) => x.id !== this.id);
  }
}

let partIds = 0;

class SimParts implements WpsCustomXmlParts {
  constructor(private readonly sim: SimWps) {}
  get Count(): number {
    return this.sim.book.parts.length;
  }
  Item(index: string | number): WpsCustomXmlPart {
    const p = typeof index === "number" ? this.sim.book.parts[index - 1] : this.sim.book.parts.find((x) => String(x.id) === index);
    if (!p) throw new Error(`CustomXMLParts.Item(${String(index)}): no such part`);
    return new SimPartObject(this.sim, p.id);
  }
  /** Adds a part; its namespace is the root element's default namespace. Text that is not one XML element fails. */
  Add(xml = ""): WpsCustomXmlPart {
    const body = xml.replace(/^<\?xml[^>]*\?>/, "").trim();
    const root = /^<([A-Za-z_][\w.-]*)([^>]*)>[\s\S]*<\/\1>$/.exec(body);
    if (!root || /[<>]/.test(body.slice(body.indexOf(">") + 1, body.lastIndexOf("</")))) throw new Error("CustomXMLParts.Add: not well-formed XML");
    this.sim.control.change("CustomXMLParts.Add");
    const id = ++partIds;
    this.sim.book.parts.push({ id, xml, namespace: /\sxmlns="([^"]*)"/.exec(root[2] ?? "")?.[1] ?? "" });
    return new SimPartObject(this.sim, id);
  }
}

class SimWorkbook implements WpsWorkbook {
  constructor(private readonly sim: SimWps) {}
  get Worksheets(): WpsSheets {
    return new SimSheets(this.sim);
  }
  get Names(): WpsNames {
    return new SimNames(this.sim, null);
  }
  get ProtectStructure(): boolean {
    return this.sim.book.protectStructure;
  }
  get ActiveSheet(): WpsWorksheet {
    return this.sim.sheetObject(this.sim.book.active);
  }
  get CustomXMLParts(): WpsCustomXmlParts {
    return new SimParts(this.sim);
  }
}

export class SimApplication implements WpsApplication {
  DisplayAlerts = true;
  ScreenUpdating = true;
  readonly ApiEvent: WpsApiEvent;
  constructor(private readonly sim: SimWps) {
    const listeners = sim.control.listeners;
    this.ApiEvent = {
      AddApiEventListener(name: string, cb: (...args: never[]) => void): void {
        listeners.set(name, [...(listeners.get(name) ?? []), cb]);
      },
    } as WpsApiEvent;
  }
  get ActiveWorkbook(): WpsWorkbook {
    return new SimWorkbook(this.sim);
  }
}
