/**
 * The shared PaneHost contract (test/contract) run against the Excel adapter on the Office.js
 * simulator: the same scenarios the WPS adapter passes.
 */
import { ExcelHost } from "../../src/adapters/excel/excel-host";
import { paneHostContract, type HostFactory } from "../contract/pane-host-contract";
import type { PlainBook, PlainCell, SeedCell as PlainSeedCell } from "../contract/plain-book";
import { asOfficeJs, createOfficeSim, type ModelSnapshot, type SeedCell } from "../sim/office";

const toSim = (c: PlainSeedCell): SeedCell => {
  if (c === null || typeof c !== "object") return c;
  return { ...(c.value !== undefined && { v: c.value }), ...(c.formula !== undefined && { f: c.formula }), ...(c.format !== undefined && { nf: c.format }) };
};

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

function plain(m: ModelSnapshot): PlainBook {
  return {
    sheets: m.sheets.map((s) => ({
      name: s.name,
      cells: Object.fromEntries(Object.entries(s.cells).flatMap(([a, c]): [string, PlainCell][] => {
        const format = c.numberFormat !== "General" ? { format: c.numberFormat } : {};
        if (c.formula) return [[a, { formula: c.formula, ...format }]];
        if (c.value === "" || c.value === null) return c.numberFormat !== "General" ? [[a, format]] : [];
        return [[a, { value: c.value as string | number | boolean, ...format }]];
      })),
      merges: s.merges,
      rules: s.conditionalFormats.map((r) => ({ address: r.areas.join(","), formula: r.formula })),
      notes: s.notes,
      protected: s.protected,
      validations: s.validations.map((v) => ({ address: v.area, list: v.list })),
      bold: Object.entries(s.cells).filter(([, c]) => c.style?.["font.bold"] === true).map(([a]) => a),
    })),
    names: m.names
      .map((n) => ({ name: n.scope ? `${n.scope}!${n.name}` : n.name, refersTo: "formula" in n.ref ? n.ref.formula : `=${quote(n.ref.sheet)}!${n.ref.area}` }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    structureProtected: m.structureProtected,
  };
}

const factory: HostFactory = (seed) => {
  const sim = createOfficeSim({
    sheets: seed.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(toSim)), merges: s.merges ?? [], protected: s.protected ?? false })),
    active: seed.active,
    structureProtected: seed.structureProtected ?? false,
  }, { displayLanguage: "zh-CN" });
  const typed = asOfficeJs(sim);
  const u = sim.controls;
  return {
    host: new ExcelHost((o, b) => typed.Excel.run(o, b), () => "zh-CN", (n, v) => typed.Office.context.requirements.isSetSupported(n, v)),
    read: () => plain(u.snapshot()),
    user: {
      edit: (sheet, cell, content) => {
        if (content !== null && typeof content === "object") {
          if (content.format) u.setNumberFormat(sheet, cell, content.format);
          u.editCell(sheet, cell, content.formula ?? content.value ?? "");
        } else u.editCell(sheet, cell, content ?? "");
      },
      insertColumn: (sheet, column) => u.insertColumns(sheet, column),
      renameSheet: (from, to) => u.renameSheet(from, to),
      addRule: (sheet, address, formula) => u.addConditionalFormat(sheet, address, formula),
      activate: (sheet) => u.activate(sheet),
      protectSheet: (sheet, on) => (on ? u.protectSheet(sheet) : u.unprotectSheet(sheet)),
      protectStructure: (on) => (on ? u.protectStructure() : u.unprotectStructure()),
    },
    failNextValidation: () => u.failNext("DataValidation.rule"),
  };
};

paneHostContract("Excel (Office.js simulator)", factory);
