/**
 * Imports flow one way: core ← app ← adapters ← {taskpane, commands, cli}. i18n and the built-in
 * rubric data sit beside core (they import core types only). Office.js only in adapters/excel.
 */
import { readFileSync, readdirSync, statSync } from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");
const LAYER: Record<string, number> = { core: 0, i18n: 1, rubrics: 1, app: 2, adapters: 3, taskpane: 4, commands: 4, cli: 4, web: 4 };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const layerOf = (file: string) => path.relative(SRC, file).split(path.sep)[0] ?? "";

describe("architecture", () => {
  const all = files(SRC);

  it.each(all.map((f) => [path.relative(SRC, f), f]))("%s imports only from its own layer or below", (_rel, file) => {
    const from = layerOf(file);
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/(?:import|export)[^'"]*from\s+["'](\.[^"']+)["']|import\s+["'](\.[^"']+)["']/g)) {
      const target = path.resolve(path.dirname(file), m[1] ?? m[2] ?? "");
      const to = layerOf(target);
      expect(`${from} → ${to} (${m[1] ?? m[2]})`).toBe(LAYER[to]! <= LAYER[from]! ? `${from} → ${to} (${m[1] ?? m[2]})` : "a lower layer");
      // adapters/xlsx and adapters/excel never reach into each other
      if (from === "adapters" && to === "adapters") expect(path.relative(SRC, target).split(path.sep)[1]).toBe(path.relative(SRC, file).split(path.sep)[1]);
    }
  });

  it("keeps core free of Office, DOM, fs, clock and console", () => {
    for (const f of all.filter((x) => layerOf(x) === "core")) {
      const src = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect([f, /\b(Excel|Office)\.|\bdocument\.|\bwindow\.|from "fs"|require\("fs"\)|Date\.now|new Date|console\./.test(src)]).toEqual([f, false]);
    }
  });

  it("keeps the .xlsx reader and writer free of Node-only APIs (bytes in, bytes out; files are the CLI's)", () => {
    const xlsx = all.filter((f) => path.relative(SRC, f).startsWith(path.join("adapters", "xlsx")));
    expect(xlsx.length).toBeGreaterThan(5);
    for (const f of xlsx) {
      const src = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect([f, /from "(fs|path|os|crypto|zlib|stream|child_process|buffer)"|from "node:|require\(|\bBuffer\b|\bprocess\.|exceljs/.test(src)]).toEqual([f, false]);
    }
  });

  it("uses Office.js only in src/adapters/excel and the pane's entry point", () => {
    for (const f of all) {
      const rel = path.relative(SRC, f);
      const src = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      if (/\bExcel\.run\b|\bcontext\.sync\(|\bExcel\.RequestContext\b/.test(src)) expect(rel.startsWith(path.join("adapters", "excel"))).toBe(true);
    }
  });

  it("never evaluates strings as code", () => {
    for (const f of all) {
      const src = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect([f, /\beval\s*\(|new Function\s*\(|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(src)]).toEqual([f, false]);
    }
  });
});
