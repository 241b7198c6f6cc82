/** The built `kaohe` CLI (bin/kaohe.js → lib/, built by `npm test` and test/global-setup.js), run as a user would. */
import { spawn, spawnSync } from "child_process";
import * as path from "path";

export const BIN = path.resolve(__dirname, "../../bin/kaohe.js");

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Run the built CLI; a hang is a failure (killed after `timeout` ms). */
export function kaohe(args: string[], opts: { timeout?: number; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: opts.timeout ?? 60_000, cwd: opts.cwd, env: { ...process.env, LANG: "C" } });
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
