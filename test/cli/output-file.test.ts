/** src/cli/output-file: safe reads and writes (Node only), and temporary files removed on a signal. */
import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { FileProblem, prepareOutput, readInputFile, writeOutput } from "../../src/cli/output-file";
import { tempDir } from "../helpers/files";

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const kindOf = async (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof FileProblem ? e.kind : String(e)));

describe("readInputFile", () => {
  it("reads a regular file and refuses what is larger than the limit", async () => {
    const f = path.join(dir, "a.json");
    writeFileSync(f, "0123456789");
    expect(Buffer.from(await readInputFile(f, 10)).toString()).toBe("0123456789");
    expect(await kindOf(readInputFile(f, 9))).toBe("tooLarge");
  });

  it("refuses an endless device, a directory and a missing file, naming each", async () => {
    expect(await kindOf(readInputFile("/dev/zero", 1024))).toBe("notRegular");
    expect(await kindOf(readInputFile(dir, 1024))).toBe("isDirectory");
    expect(await kindOf(readInputFile(path.join(dir, "nope"), 1024))).toBe("notFound");
  });
});

describe("prepareOutput and writeOutput", () => {
  it("creates exclusively: a second write to a name that now exists fails with 'exists'", async () => {
    const out = path.join(dir, "o.xlsx");
    const t1 = await prepareOutput(out, { replace: false, checkName: true });
    const t2 = await prepareOutput(out, { replace: false, checkName: true });
    await writeOutput(t1, new Uint8Array([1, 2, 3]));
    expect(await kindOf(writeOutput(t2, new Uint8Array([4, 5])))).toBe("exists");
    expect([...readFileSync(out)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(["o.xlsx"]);
  });

  it("gives a new file the umask's mode and a replaced file its old mode", async () => {
    const out = path.join(dir, "o.xlsx");
    await writeOutput(await prepareOutput(out, { replace: false, checkName: true }), new Uint8Array([1]));
    expect(statSync(out).mode & 0o777).toBe(0o666 & ~process.umask());
    const { chmodSync } = await import("fs");
    chmodSync(out, 0o640);
    await writeOutput(await prepareOutput(out, { replace: true, checkName: true }), new Uint8Array([2]));
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect([...readFileSync(out)]).toEqual([2]);
  });

  it("checks the name and the directory before anything is written", async () => {
    expect(await kindOf(prepareOutput(path.join(dir, "x.csv"), { replace: false, checkName: true }))).toBe("badName");
    expect(await kindOf(prepareOutput(path.join(dir, "missing", "x.xlsx"), { replace: false, checkName: true }))).toBe("dirMissing");
    expect(await kindOf(prepareOutput(dir, { replace: true, checkName: false }))).toBe("isDirectory");
    expect(await kindOf(prepareOutput("/dev/null", { replace: true, checkName: false }))).toBe("notRegular");
  });
});

describe("signals", () => {
  it.each(["SIGINT", "SIGTERM"])("%s while a temporary file exists removes it and still ends the process", (signal) => {
    // A child process tracks a temporary file, then receives the signal.
    const tmp = path.join(dir, ".kaohe-tmp-signal.xlsx");
    const lib = path.resolve(__dirname, "../../lib/cli/output-file.js");
    const script = `const o = require(${JSON.stringify(lib)}); require("fs").writeFileSync(${JSON.stringify(tmp)}, "x"); o.trackTemporary(${JSON.stringify(tmp)}); process.kill(process.pid, ${JSON.stringify(signal)}); setTimeout(() => {}, 5000);`;
    const r = spawnSync(process.execPath, ["-e", script], { timeout: 10000 });
    expect(r.signal).toBe(signal);
    expect(existsSync(tmp)).toBe(false);
  });
});
