/**
 * Files the CLI reads and writes, safely (Node only). Reading: only regular files, never more than a
 * limit (a FIFO, /dev/zero or a directory is refused before anything is read). Writing: a temporary
 * file next to the target, then a rename (atomic), keeping the replaced file's mode and owner,
 * writing through a symlink to its target, replacing only regular files, creating the target
 * exclusively unless replacing is allowed, and removing the temporary file on SIGINT/SIGTERM.
 */
import { constants, promises as fs, unlinkSync, type Stats } from "fs";
import * as path from "path";
import { randomBytes } from "crypto";

export type FileProblemKind =
  | "notFound" | "isDirectory" | "notRegular" | "tooLarge" | "unreadable"
  | "exists" | "badName" | "dirMissing" | "dirNotWritable" | "ownerNotKept" | "writeFailed";

/** An expected file problem: the CLI turns it into a message and exit 2. */
export class FileProblem extends Error {
  constructor(readonly kind: FileProblemKind, readonly file: string, readonly detail: string = "") {
    super(`${kind}: ${file}${detail ? ` (${detail})` : ""}`);
  }
}

/** What a non-regular file is, in a word for messages. */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return "directory";
  if (st.isFIFO()) return "FIFO";
  if (st.isCharacterDevice()) return "character device";
  if (st.isBlockDevice()) return "block device";
  if (st.isSocket()) return "socket";
  if (st.isSymbolicLink()) return "symbolic link";
  return st.isFile() ? "file" : "special file";
}

function problemOf(e: unknown, file: string): FileProblem {
  if (e instanceof FileProblem) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new FileProblem("notFound", file);
  if (code === "EISDIR") return new FileProblem("isDirectory", file);
  // Opening a socket gives ENXIO.
  if (code === "ENXIO") return new FileProblem("notRegular", file, "socket");
  return new FileProblem("unreadable", file, e instanceof Error ? e.message : String(e));
}

/** Check that `file` is a regular file of at most `maxBytes`, without reading it. */
export async function inspectInputFile(file: string, maxBytes: number): Promise<{ size: number }> {
  const bytes = await readWith(file, maxBytes, false);
  return { size: bytes.size };
}

/** The bytes of a regular file of at most `maxBytes`; anything else is a FileProblem. */
export async function readInputFile(file: string, maxBytes: number): Promise<Uint8Array> {
  return (await readWith(file, maxBytes, true)).data;
}

async function readWith(file: string, maxBytes: number, read: boolean): Promise<{ size: number; data: Uint8Array }> {
  let handle: fs.FileHandle | undefined;
  try {
    // Look before opening: opening some devices has effects of its own.
    const before = await fs.stat(file);
    if (before.isDirectory()) throw new FileProblem("isDirectory", file);
    if (!before.isFile()) throw new FileProblem("notRegular", file, fileKind(before));
    // O_NONBLOCK: should a FIFO be swapped in meanwhile, opening it does not wait for a writer;
    // the fstat below then sees what was actually opened.
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await handle.stat();
    if (st.isDirectory()) throw new FileProblem("isDirectory", file);
    if (!st.isFile()) throw new FileProblem("notRegular", file, fileKind(st));
    if (st.size > maxBytes) throw new FileProblem("tooLarge", file, `${st.size} > ${maxBytes}`);
    if (!read) return { size: st.size, data: new Uint8Array(0) };
    // Read at most maxBytes + 1: a file that grows while being read is still caught.
    const buf = Buffer.alloc(Math.min(maxBytes + 1, st.size + 1));
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    if (n > maxBytes) throw new FileProblem("tooLarge", file, `> ${maxBytes}`);
    return { size: n, data: new Uint8Array(buf.buffer, buf.byteOffset, n) };
  } catch (e) {
    throw problemOf(e, file);
  } finally {
    await handle?.close();
  }
}

// ---- temporary files removed on SIGINT / SIGTERM / SIGHUP --------------------------------------

const temps = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

function onSignal(signal: NodeJS.Signals): void {
  for (const t of temps) {
    try {
      unlinkSync(t);
    } catch {
      // already gone
    }
  }
  temps.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Die of the same signal, as if no handler had been installed (exit status 128 + n).
  process.kill(process.pid, signal);
}

/** Remember a temporary file so that a signal removes it; the returned function forgets it. */
export function trackTemporary(file: string): () => void {
  if (temps.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  temps.add(file);
  return () => {
    temps.delete(file);
    if (temps.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

// ---- writing -----------------------------------------------------------------------------------

export interface OutputTarget {
  /** As given on the command line (for messages). */
  readonly given: string;
  /** The file actually written: a symlink's final target. */
  readonly real: string;
  /** Replace an existing file (--force, --in-place); otherwise create exclusively. */
  readonly replace: boolean;
  /** Mode and owner of the file being replaced, kept on the new one. */
  readonly existing?: { mode: number; uid: number; gid: number };
}

const WORKBOOK_NAME = /\.(xlsx|xlsm)$/i;

/**
 * Everything that can be checked before any work is done: the name, what is there now, the
 * directory. `checkName`: --out must name an .xlsx/.xlsm file (not for --in-place).
 */
export async function prepareOutput(given: string, opts: { replace: boolean; checkName: boolean }): Promise<OutputTarget> {
  if (opts.checkName && !WORKBOOK_NAME.test(given)) throw new FileProblem("badName", given);
  let real = path.resolve(given);
  let st: Stats | undefined;
  try {
    const l = await fs.lstat(real);
    if (l.isSymbolicLink()) {
      // Update the file the link points to, not the link (a dangling link is refused).
      try {
        real = await fs.realpath(real);
      } catch {
        throw new FileProblem("notRegular", given, "dangling symbolic link");
      }
      st = await fs.stat(real);
    } else st = l;
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw new FileProblem(code === "ENOTDIR" ? "dirMissing" : "unreadable", given, code === "ENOTDIR" ? path.dirname(real) : String(e));
  }
  if (st) {
    if (st.isDirectory()) throw new FileProblem("isDirectory", given);
    if (!st.isFile()) throw new FileProblem("notRegular", given, fileKind(st));
    if (!opts.replace) throw new FileProblem("exists", given);
  }
  const dir = path.dirname(real);
  try {
    const d = await fs.stat(dir);
    if (!d.isDirectory()) throw new FileProblem("dirMissing", given, dir);
  } catch (e) {
    throw e instanceof FileProblem ? e : new FileProblem("dirMissing", given, dir);
  }
  try {
    await fs.access(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw new FileProblem("dirNotWritable", given, dir);
  }
  return { given, real, replace: opts.replace, ...(st && { existing: { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid } }) };
}

/** Write `bytes` to the prepared target: temporary file, then rename (or exclusive link). */
export async function writeOutput(target: OutputTarget, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target.real);
  const tmp = path.join(dir, `.kaohe-tmp-${process.pid}-${randomBytes(4).toString("hex")}.xlsx`);
  const forget = trackTemporary(tmp);
  try {
    const handle = await fs.open(tmp, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      if (target.existing) {
        const { mode, uid, gid } = target.existing;
        if (uid !== process.getuid?.() || gid !== process.getgid?.()) {
          try {
            await handle.chown(uid, gid);
          } catch (e) {
            throw new FileProblem("ownerNotKept", target.given, `uid ${uid} gid ${gid}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
          }
        }
        await handle.chmod(mode);
      } else {
        // A new file: the usual permissions for the user's umask.
        const umask = process.umask();
        await handle.chmod(0o666 & ~umask);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (target.replace) {
      // Replacing is only for regular files: check again right before the rename.
      const now = await fs.lstat(target.real).catch(() => undefined);
      if (now && !now.isFile()) throw new FileProblem("notRegular", target.given, fileKind(now));
      await fs.rename(tmp, target.real);
    } else {
      // link() fails with EEXIST if the target appeared meanwhile: of two runs, exactly one wins.
      try {
        await fs.link(tmp, target.real);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw new FileProblem("exists", target.given);
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw e;
        // File systems without hard links: an exclusive create (not atomic, still exclusive).
        await fs.writeFile(target.real, bytes, { flag: "wx", mode: 0o666 & ~process.umask() }).catch((x: NodeJS.ErrnoException) => {
          throw x.code === "EEXIST" ? new FileProblem("exists", target.given) : x;
        });
      }
    }
  } catch (e) {
    throw e instanceof FileProblem ? e : new FileProblem("writeFailed", target.given, e instanceof Error ? e.message : String(e));
  } finally {
    await fs.rm(tmp, { force: true });
    forget();
  }
}
