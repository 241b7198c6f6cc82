/**
 * A fake Excel for adapter tests. Each Excel.run gets a fresh office-addin-mock tree seeded from an
 * in-memory workbook model: everything the adapter reads goes through the mock's load/sync rules
 * (an unloaded property comes back as a sentinel string, which `assertNoSentinels` turns into a
 * failure, as real Excel would throw), and every write lands in the model.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseA1, parseRange } from "../../src/core/grid";
import type { ExcelRun } from "../../src/adapters/excel/excel-host";

export interface FakeCf {
  id: string;
  address: string;
  custom: { rule: { formula?: string }; format: { fill: { color?: string }; font: { color?: string } } };
}

export interface FakeSheet {
  name: string;
  id: string;
  values: (string | number | boolean)[][];
  formats: string[][];
  merges: string[];
  protected: boolean;
  cfs: FakeCf[];
  frozenRows?: number;
}

export interface FakeBook {
  sheets: FakeSheet[];
  active: string;
  settings: Record<string, string>;
  selected?: string;
}

const SENTINELS = ["Error, property was not loaded", "Error, context.sync() was not called"];

export function assertNoSentinels(x: unknown): void {
  const text = JSON.stringify(x) ?? "";
  for (const s of SENTINELS) if (text.includes(s)) throw new Error(`the adapter read a property it had not loaded: ${s}`);
}

export function fakeSheet(name: string, rows: (string | number | boolean | null | { v: string | number; f: string })[][], extra: Partial<FakeSheet> = {}): FakeSheet {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => {
    const v = r[c];
    return v === null || v === undefined ? "" : typeof v === "object" ? v.v : v;
  }));
  const formats = rows.map((r) => Array.from({ length: width }, (_, c) => {
    const v = r[c];
    return v !== null && typeof v === "object" ? v.f : "General";
  }));
  return { name, id: `{${name}}`, values, formats, merges: [], protected: false, cfs: [], ...extra };
}

let cfCounter = 0;

function setCell(s: FakeSheet, row: number, col: number, v: string | number | boolean): void {
  while (s.values.length <= row) s.values.push([]);
  while (s.formats.length <= row) s.formats.push([]);
  const r = s.values[row] as (string | number | boolean)[];
  const f = s.formats[row] as string[];
  while (r.length <= col) r.push("");
  while (f.length <= col) f.push("General");
  r[col] = v;
}

/** Used range (valuesOnly): the bounding box of non-empty cells. */
function usedBox(s: FakeSheet): { top: number; left: number; bottom: number; right: number } | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  s.values.forEach((row, r) => row.forEach((v, c) => {
    if (v === "") return;
    top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
  }));
  return bottom < 0 ? null : { top, left, bottom, right };
}

function writer(s: FakeSheet, top: number, left: number, rows: number, cols: number) {
  return {
    set values(m: (string | number | boolean)[][]) {
      if (m.length !== rows || m.some((r) => r.length !== cols)) throw new Error(`values ${m.length}×${m[0]?.length} do not fit ${rows}×${cols}`);
      m.forEach((r, i) => r.forEach((v, j) => setCell(s, top + i, left + j, v)));
    },
  };
}

function sheetSeed(book: FakeBook, s: FakeSheet, removeSheet: (s: FakeSheet) => void) {
  const box = usedBox(s);
  const sliceOf = (m: unknown[][]) => (box ? m.slice(box.top, box.bottom + 1).map((r) => Array.from({ length: box.right - box.left + 1 }, (_, c) => r[box.left + c] ?? "")) : []);
  const cfSeeds: Record<string, unknown> = {};
  for (const cf of s.cfs) cfSeeds[`cf_${cf.id}`] = { isNullObject: false, delete() { s.cfs = s.cfs.filter((x) => x !== cf); } };
  return {
    isNullObject: false,
    name: s.name,
    id: s.id,
    protection: { protected: s.protected },
    used: {
      isNullObject: box === null,
      rowIndex: box?.top ?? 0,
      columnIndex: box?.left ?? 0,
      rowCount: box ? box.bottom - box.top + 1 : 0,
      columnCount: box ? box.right - box.left + 1 : 0,
      values: sliceOf(s.values),
      numberFormat: sliceOf(s.formats),
      merged: { isNullObject: s.merges.length === 0, address: s.merges.map((m) => `${s.name}!${m}`).join(", ") },
      getMergedAreasOrNullObject() { return this.merged; },
    },
    whole: {
      conditionalFormats: {
        ...cfSeeds,
        missing: { isNullObject: true },
        getItemOrNullObject(this: Record<string, unknown>, id: string): unknown { return this[`cf_${id}`] ?? this.missing; },
      },
    },
    getUsedRangeOrNullObject() { return this.used; },
    getRange(address?: string) {
      if (address === undefined) return this.whole;
      return {
        clear(what: string) {
          if (what !== "Contents") throw new Error(`unexpected clear(${what})`);
          const r = parseRange(address);
          if (!r) throw new Error(`bad address ${address}`);
          for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) if (s.values[i]?.[j] !== undefined) setCell(s, i, j, "");
        },
        select() { book.selected = `${s.name}!${address}`; },
      };
    },
    getRangeByIndexes(top: number, left: number, rows: number, cols: number) { return writer(s, top, left, rows, cols); },
    getRanges(address: string) {
      return {
        conditionalFormats: {
          add(type: string) {
            if (type !== "Custom") throw new Error(`unexpected CF type ${type}`);
            const cf: FakeCf & { load: () => unknown } = { id: `cf-${++cfCounter}`, address, custom: { rule: {}, format: { fill: {}, font: {} } }, load() { return this; } };
            s.cfs.push(cf);
            return cf;
          },
        },
      };
    },
    activate() { book.active = s.name; },
    delete() { removeSheet(s); },
  };
}

/** Builds the office-addin-mock tree for one Excel.run over the current model. */
export function excelMock(book: FakeBook): { context: OfficeMockObject & Record<string, unknown> } {
  const removeSheet = (s: FakeSheet) => {
    book.sheets = book.sheets.filter((x) => x !== s);
  };
  const sheetSeeds: Record<string, unknown> = {};
  book.sheets.forEach((s, i) => (sheetSeeds[`s${i}`] = sheetSeed(book, s, removeSheet)));
  const keyOf = (nameOrId: string) => {
    const i = book.sheets.findIndex((s) => s.name === nameOrId || s.id === nameOrId);
    return i < 0 ? undefined : `s${i}`;
  };
  const setting = book.settings["kaohe.state"];
  const seed = {
    context: {
      workbook: {
        worksheets: {
          ...sheetSeeds,
          missingSheet: { isNullObject: true },
          getActiveWorksheet(this: Record<string, unknown>): unknown { return this[keyOf(book.active) ?? "missingSheet"]; },
          getItem(this: Record<string, unknown>, nameOrId: string): unknown {
            const k = keyOf(nameOrId);
            if (!k) throw Object.assign(new Error(`no sheet ${nameOrId}`), { code: "ItemNotFound" });
            return this[k];
          },
          getItemOrNullObject(this: Record<string, unknown>, name: string): unknown {
            const k = keyOf(name);
            return k ? this[k] : this.missingSheet;
          },
          add(name: string) {
            if (book.sheets.some((s) => s.name === name)) throw Object.assign(new Error(`sheet ${name} exists`), { code: "ItemAlreadyExists" });
            const s = fakeSheet(name, []);
            book.sheets.push(s);
            return {
              getRangeByIndexes(top: number, left: number, rows: number, cols: number) { return writer(s, top, left, rows, cols); },
              freezePanes: { freezeRows(n: number) { s.frozenRows = n; } },
            };
          },
        },
        settings: {
          item: { isNullObject: setting === undefined, value: setting ?? "" },
          getItemOrNullObject() { return this.item; },
          add(key: string, value: string) { book.settings[key] = value; },
        },
      },
    },
  };
  return new OfficeMockObject(seed) as unknown as { context: OfficeMockObject & Record<string, unknown> };
}

/** An Excel.run over the fake that counts context.sync() calls. */
export function fakeRun(book: FakeBook): { run: ExcelRun; syncs: () => number } {
  let syncs = 0;
  const run: ExcelRun = async (batch) => {
    const mock = excelMock(book);
    const ctx = mock.context;
    const original = (ctx.sync as () => Promise<void>).bind(ctx);
    (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
      syncs++;
      await original();
    };
    return batch(ctx as unknown as Excel.RequestContext);
  };
  return { run, syncs: () => syncs };
}

export const cellOf = (s: FakeSheet | undefined, address: string) => {
  const at = parseA1(address);
  return at ? s?.values[at.row]?.[at.col] : undefined;
};

