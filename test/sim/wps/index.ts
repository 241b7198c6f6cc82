/**
 * A simulated WPS 表格 for adapter tests: seed it with plain data, hand `app` to the WPS host, act as
 * the user (edit, insert a column, rename, add a rule, protect, select), read the workbook back as
 * plain data, and make one object-model call fail. See README.md for what each part models.
 */
import { columnIndex } from "../../../src/core/grid";
import type { PlainBook, PlainCell, PlainSheet, SeedBook, SeedCell } from "../../contract/plain-book";
import { type SimBook, type SimSheet, areaA1, key, newSheet, parseAreas, unkey } from "./model";
import { fullName, refersToText, SimWps, typeInto } from "./objects";

function seedCell(sheet: SimSheet, row: number, col: number, c: SeedCell): void {
  if (c === null) return;
  const k = key(row, col);
  if (typeof c !== "object") return void sheet.cells.set(k, { value: c });
  if (c.format && c.format !== "General") sheet.formats.set(k, c.format);
  if (c.formula !== undefined) sheet.cells.set(k, { formula: c.formula });
  else if (c.value !== undefined) sheet.cells.set(k, { value: c.value });
}

export function simBook(seed: SeedBook): SimBook {
  const sheets = seed.sheets.map((s) => {
    const sheet = newSheet(s.name);
    s.rows.forEach((line, r) => line.forEach((c, col) => seedCell(sheet, r, col, c)));
    sheet.merges = (s.merges ?? []).flatMap(parseAreas);
    sheet.protectContents = s.protected ?? false;
    return sheet;
  });
  const active = sheets.find((s) => s.name === seed.active) ?? sheets[0];
  if (!active) throw new Error("a seed needs a sheet");
  return { sheets, active, names: [], parts: [], protectStructure: seed.structureProtected ?? false, selection: `${active.name}!A1` };
}

function plainSheet(s: SimSheet): PlainSheet {
  const cells: Record<string, PlainCell> = {};
  const keys = [...new Set([...s.cells.keys(), ...s.formats.keys()])].map(unkey).sort((a, b) => a.row - b.row || a.col - b.col);
  for (const { row, col } of keys) {
    const c = s.cells.get(key(row, col));
    const format = s.formats.get(key(row, col));
    cells[areaA1({ top: row, left: col, bottom: row, right: col })] = { ...(c && ("formula" in c ? { formula: c.formula } : { value: c.value })), ...(format && { format }) };
  }
  const notes: Record<string, string> = {};
  for (const [k, text] of s.comments) {
    const { row, col } = unkey(k);
    notes[areaA1({ top: row, left: col, bottom: row, right: col })] = text;
  }
  const bold = [...s.bold].map(unkey).sort((a, b) => a.row - b.row || a.col - b.col).map(({ row, col }) => areaA1({ top: row, left: col, bottom: row, right: col }));
  return {
    name: s.name, cells, merges: s.merges.map(areaA1), rules: s.rules.map((r) => ({ address: r.areas.map(areaA1).join(","), formula: r.formula1 })), notes, protected: s.protectContents,
    validations: s.validations.map((v) => ({ address: areaA1(v.range), list: [...v.list] })), bold,
  };
}

export function plainBook(book: SimBook): PlainBook {
  return {
    sheets: book.sheets.map(plainSheet),
    names: book.names.map((n) => ({ name: fullName(n), refersTo: refersToText(n) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    structureProtected: book.protectStructure,
  };
}

/** Shift everything at or right of column `at` one column right (cells, formats, notes, merges, rules, names). */
function insertColumn(book: SimBook, sheet: SimSheet, at: number): void {
  const shiftMap = <T>(m: Map<string, T>) => {
    const entries = [...m.entries()].map(([k, v]) => {
      const { row, col } = unkey(k);
      return [key(row, col >= at ? col + 1 : col), v] as const;
    });
    m.clear();
    for (const [k, v] of entries) m.set(k, v);
  };
  shiftMap(sheet.cells);
  shiftMap(sheet.formats);
  shiftMap(sheet.comments);
  const grow = (r: { left: number; right: number }) => {
    if (r.left >= at) r.left++;
    if (r.right >= at) r.right++;
  };
  sheet.merges.forEach(grow);
  sheet.rules.forEach((rule) => rule.areas.forEach(grow));
  for (const n of book.names) if ("sheet" in n.ref && n.ref.sheet === sheet) grow(n.ref.range);
}

export interface WpsSim {
  sim: SimWps;
  read(): PlainBook;
  user: {
    edit(sheet: string, cell: string, content: SeedCell): void;
    insertColumn(sheet: string, column: string): void;
    renameSheet(from: string, to: string): void;
    addRule(sheet: string, address: string, formula: string): void;
    activate(sheet: string): void;
    select(sheet: string, cell: string): void;
    protectSheet(sheet: string, on: boolean): void;
    protectStructure(on: boolean): void;
  };
}

export function createWpsSim(seed: SeedBook): WpsSim {
  const sim = new SimWps(simBook(seed));
  const book = sim.book;
  const sheet = (name: string): SimSheet => {
    const s = sim.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  return {
    sim,
    read: () => plainBook(book),
    user: {
      // The user types: the same rules as a value written through the object model.
      edit(name, cell, content) {
        const s = sheet(name);
        const at = parseAreas(cell)[0];
        if (!at) return;
        if (content !== null && typeof content === "object") {
          if (content.format) s.formats.set(key(at.top, at.left), content.format);
          typeInto(s, at.top, at.left, content.formula ?? content.value ?? "");
        } else typeInto(s, at.top, at.left, content ?? "");
      },
      insertColumn: (name, column) => insertColumn(book, sheet(name), columnIndex(column)),
      renameSheet(from, to) {
        sheet(from).name = to;
      },
      addRule(name, address, formula) {
        sheet(name).rules.push({ areas: parseAreas(address), type: 2, formula1: formula, interior: 0xffff00 });
      },
      activate(name) {
        sim.sheetObject(sheet(name)).Activate();
      },
      select(name, cell) {
        const s = sheet(name);
        book.active = s;
        book.selection = `${name}!${cell}`;
        sim.control.fire("SheetSelectionChange", sim.sheetObject(s), sim.sheetObject(s).Range(cell));
      },
      protectSheet(name, on) {
        sheet(name).protectContents = on;
      },
      protectStructure(on) {
        book.protectStructure = on;
      },
    },
  };
}


