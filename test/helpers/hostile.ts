/** Hostile inputs for the CLI: the real binary, and workbooks whose XML is patched after writing. */
import { spawn, spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildWorkbook, type XSheet } from "./xlsx";

export const BIN = path.resolve(__dirname, "../../bin/kaohe.js");

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Run the built CLI; a hang is a failure (killed after `timeout` ms). */
export function kaohe(args: string[], timeout = 30000): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout, env: { ...process.env, LANG: "C" } });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

export function kaoheAsync(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: "C" } });
    let out = "";
    let err = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    p.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    p.on("close", (code, signal) => resolve({ code, signal, out, err }));
  });
}

/**
 * Write a workbook, then replace text in its XML parts: Excel stores control characters as
 * `_x001B_`, which ExcelJS will not write itself.
 */
export async function writePatchedWorkbook(file: string, sheets: XSheet[], replace: Record<string, string>): Promise<void> {
  const buf = new Uint8Array(await buildWorkbook(sheets).xlsx.writeBuffer());
  const parts = unzipSync(buf);
  for (const [name, data] of Object.entries(parts)) {
    if (!name.endsWith(".xml")) continue;
    let text = strFromU8(data);
    for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to);
    parts[name] = strToU8(text);
  }
  writeFileSync(file, zipSync(parts));
}

export const read = (f: string) => readFileSync(f);
