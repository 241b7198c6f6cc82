/**
 * `kaohe` — score .xlsx workbooks from the command line. A thin shell: argument parsing, files,
 * output formats and exit codes. Exit 0 when scoring ran (problems are reported), 2 for bad input
 * (workbook, sheet, rubric, columns, output path), 1 for a bug.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { parseArgs } from "util";
import type { Compiled } from "../core/rubric/compile";
import { rubricIdentity } from "../core/rubric/hash";
import type { Issue, Result } from "../core/issue";
import { builtinRubric, builtinRubrics, parseRubricBytes } from "../app/rubrics";
import { scoreFile } from "../app/score-file";
import { jsonReport } from "../app/report";
import { type Catalog, type CliMessage, catalog, formatIssueWithPlace, pickLocale } from "../i18n";
import { XlsxWorkbook } from "./workbook-file";
import { lateProblem, openErrorMessage } from "./open-error";
import { outputKind } from "./output-kind";
import { LIMITS } from "../adapters/xlsx/limits";
import { renderScoreTable, renderRubricList } from "./render";
import { rubricChangeLines, rubricIdentityText, scoredAtText } from "../i18n/rubric-change";
import { HELP } from "./help";
import { FileProblem, type FileProblemKind, inspectInputFile, prepareOutput, readInputFile, writeOutput } from "./output-file";
import { escapeControls, printableIssue, shown, terminalJson, terminalLine } from "./terminal-text";
import { readRubricSheet } from "../app/rubric-sheet";
import { type Shell, checkRubricOptions, openWorkbook, parseMapping, rubricCommand, sheetToScore } from "./rubric-commands";
import { explainCommand } from "./explain-command";

/** Largest workbook file read at all (the package reader has its own, finer limits). */
export const MAX_WORKBOOK_BYTES = LIMITS.fileBytes;
/** Largest rubric file: real ones are a few kilobytes. */
export const MAX_RUBRIC_BYTES = 1024 * 1024;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
const ZH = catalog("zh-CN");
const EN = catalog("en-US");

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Fatal messages: one line, in Chinese and English. */
function bilingual(io: Io, key: CliMessage, params: Record<string, string | number>): never {
  const safe: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) safe[k] = typeof v === "string" ? shown(v, 300) : v;
  io.err(terminalLine(`kaohe: ${ZH.cli[key](safe)} | ${EN.cli[key](safe)}`));
  throw new Exit(2);
}

/** An issue as one terminal line: its workbook/rubric texts cut and escaped. */
function issueLine(i: Issue, c: Catalog): string {
  return formatIssueWithPlace(printableIssue(i), c);
}

function fatalIssues(io: Io, issues: ReadonlyArray<Issue>): never {
  for (const i of issues.filter((x) => x.severity === "error")) {
    io.err(terminalLine(`kaohe: ${issueLine(i, ZH)} | ${issueLine(i, EN)}`));
  }
  throw new Exit(2);
}

const FILE_MESSAGE: Record<FileProblemKind, CliMessage> = {
  notFound: "fileNotFound",
  isDirectory: "isDirectory",
  notRegular: "notRegularFile",
  tooLarge: "fileTooLarge",
  unreadable: "fileUnreadable",
  exists: "outputExists",
  badName: "outputBadName",
  dirMissing: "outputDirMissing",
  dirNotWritable: "outputDirNotWritable",
  ownerNotKept: "outputOwnerNotKept",
  writeFailed: "writeFailed",
};

function fileProblem(io: Io, e: unknown): never {
  if (!(e instanceof FileProblem)) throw e;
  bilingual(io, FILE_MESSAGE[e.kind], { file: e.file, detail: e.detail });
}

/** A rubric named on the command line: a file that exists, else a built-in id. */
async function readRubric(io: Io, ref: string): Promise<Result<Compiled>> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(ref, MAX_RUBRIC_BYTES);
  } catch (e) {
    if (e instanceof FileProblem && e.kind === "notFound") {
      const builtin = builtinRubric(ref);
      if (builtin.ok) return builtin;
      bilingual(io, "rubricFileNotFound", { file: ref, available: builtinRubrics().map((c) => c.rubric.id).join(", ") });
    }
    if (e instanceof FileProblem && e.kind === "isDirectory") bilingual(io, "rubricIsDirectory", { file: ref });
    fileProblem(io, e);
  }
  return parseRubricBytes(bytes, ref);
}

/** main's helpers for the rubric commands (rubric-commands.ts). */
const shell = (io: Io): Shell => ({
  out: io.out,
  err: io.err,
  bilingual: (k, p) => bilingual(io, k, p),
  fatalIssues: (i) => fatalIssues(io, i),
  fileProblem: (e) => fileProblem(io, e),
  readRubric: (r) => readRubric(io, r),
  maxWorkbookBytes: MAX_WORKBOOK_BYTES,
});

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

async function score(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rubric: { type: "string", short: "r" },
      "rubric-sheet": { type: "string" },
      sheet: { type: "string", short: "s" },
      out: { type: "string", short: "o" },
      "in-place": { type: "boolean" },
      force: { type: "boolean" },
      format: { type: "string", default: "table" },
      lang: { type: "string" },
      map: { type: "string", multiple: true },
      notes: { type: "string", default: "shortfalls" },
    },
  });
  const c: Catalog = catalog(pickLocale(values.lang));
  const file = positionals[0];
  if (!file || positionals.length > 1) bilingual(io, "usage", { detail: "kaohe score <workbook.xlsx> --rubric <id|file>" });
  const rubricSheet = values["rubric-sheet"];
  checkRubricOptions(shell(io), values.rubric, rubricSheet);
  if (values.format !== "table" && values.format !== "json") bilingual(io, "usage", { detail: `--format ${values.format}` });
  if (values["in-place"] && values.out !== undefined) bilingual(io, "conflictingOptions", { detail: "--in-place --out" });
  if (values.out !== undefined && values.out.trim() === "") bilingual(io, "usage", { detail: "--out ''" });
  const notes = values.notes;
  if (notes !== "none" && notes !== "shortfalls" && notes !== "all") bilingual(io, "usage", { detail: `--notes ${notes} (none|shortfalls|all)` });
  const mapping = parseMapping(shell(io), values.map);

  const rubric = values.rubric === undefined ? undefined : await readRubric(io, values.rubric);
  if (rubric && !rubric.ok) fatalIssues(io, rubric.issues);
  // Only a regular file of bounded size is opened: a FIFO, /dev/zero or a directory stops here.
  await inspectInputFile(file, MAX_WORKBOOK_BYTES).catch((e: unknown) => fileProblem(io, e));
  // Everything about the output that can be known is checked before the workbook is loaded and scored.
  const out = values["in-place"] ? file : values.out;
  if (out !== undefined && !values["in-place"] && (await sameFile(out, file))) bilingual(io, "sameAsInput", { file: out });
  const target = out === undefined
    ? undefined
    : await prepareOutput(out, { replace: !!values["in-place"] || !!values.force, checkName: !values["in-place"] }).catch((e: unknown) => fileProblem(io, e));
  const open = await XlsxWorkbook.open(file, MAX_WORKBOOK_BYTES).catch((e: unknown) => fileProblem(io, e));
  if (!open.ok) {
    const m = openErrorMessage(open.error, file);
    bilingual(io, m.key, m.params);
  }
  const opened = open.value;
  // --rubric-sheet: the rubric is a 评分细则 sheet of this workbook; the units are on another sheet.
  const fromSheet = rubric ? rubric : await readRubricSheet(opened, rubricSheet ?? "");
  if (!fromSheet.ok) fatalIssues(io, fromSheet.issues);
  const compiled = fromSheet.value;
  // Macros stay in a macro-enabled file: Excel refuses a .xlsx holding them.
  const kind = target !== undefined ? outputKind(opened.book.kind, target.given) : undefined;
  if (target !== undefined && !kind) bilingual(io, "macroExtension", { file: target.given, kind: opened.book.kind });
  const sheet = await sheetToScore(shell(io), opened, file, values.sheet, rubricSheet);

  const at = new Date().toISOString();
  const result = await scoreFile(opened, compiled, {
    ...(sheet !== undefined && { sheet }),
    mapping,
    notes,
    locale: c,
    write: out !== undefined,
    at,
  }).catch((e: unknown) => {
    const late = lateProblem(e, file);
    if (late) bilingual(io, late.key, late.params);
    throw e;
  });
  if (!result.ok) fatalIssues(io, result.issues);
  const scored = result.value;
  if (scored.kept.length) io.err(terminalLine(c.cli.keptEdits({ cells: scored.kept.map((k) => k.cell).join(", ") })));
  // What the copy cannot carry over is said before anything is written.
  for (const l of opened.book.limitations()) {
    const params = { file: target?.given ?? file, ...l };
    if (l.severity === "block") bilingual(io, "cannotWrite", params);
    if (values["in-place"]) bilingual(io, "inPlaceRefused", params);
    io.err(terminalLine(c.cli.changes(params)));
  }

  const a = scored.assessment;
  const change = scored.rubricChange;
  if (values.format === "json") io.out(terminalJson(jsonReport(a, c, { at, ...(change && { rubricChange: change }) })));
  else io.out(`${renderScoreTable(a, c)}\n`);
  // Which rubric scored, and when; and, re-scoring a scored copy, whether its rules changed since.
  io.err(terminalLine(`${rubricIdentityText(c, a.rubric)}${c.sep}${scoredAtText(c, at)}`));
  for (const line of change ? rubricChangeLines(c, change) : []) io.err(terminalLine(line));

  for (const w of scored.warnings) io.err(terminalLine(issueLine(w, c)));
  for (const p of a.problems) io.err(terminalLine(issueLine(p, c)));
  const count = (s: string) => a.units.filter((u) => u.status === s).length;
  io.err(terminalLine(c.cli.scored({ scored: count("scored"), vetoed: count("vetoed"), incomplete: count("incomplete"), problems: a.problems.length })));

  if (target !== undefined) {
    let bytes: Uint8Array;
    try {
      // The patched package in memory, then one safe write (temporary file, rename).
      bytes = opened.toBytes(kind);
    } catch (e) {
      bilingual(io, "writeFailed", { file: target.given, detail: e instanceof Error ? e.message : String(e) });
    }
    await writeOutput(target, bytes).catch((e: unknown) => fileProblem(io, e));
    io.err(terminalLine(c.cli.written({ file: escapeControls(target.given) })));
  }
  return 0;
}

async function listRubrics(io: Io, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { format: { type: "string", default: "table" }, lang: { type: "string" } } });
  io.out(`${renderRubricList(builtinRubrics(), catalog(pickLocale(values.lang)), values.format === "json")}\n`);
  return 0;
}

async function checkRubric(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { lang: { type: "string" }, sheet: { type: "string", short: "s" } } });
  const c = catalog(pickLocale(values.lang));
  const file = positionals[0];
  if (!file) bilingual(io, "usage", { detail: "kaohe check-rubric <rubric.json|rubric.yaml | book.xlsx --sheet 评分细则>" });
  const result = values.sheet === undefined ? await readRubric(io, file) : await readRubricSheet(await openWorkbook(shell(io), file), values.sheet);
  if (!result.ok) {
    for (const i of result.issues) io.err(terminalLine(`${i.severity === "error" ? c.labels.error : c.labels.warning}: ${issueLine(i, c)}`));
    bilingual(io, "rubricInvalid", { file, errors: result.issues.filter((i) => i.severity === "error").length });
  }
  for (const w of result.value.warnings) io.err(terminalLine(`${c.labels.warning}: ${issueLine(w, c)}`));
  io.out(terminalLine(c.cli.rubricValid({ id: shown(result.value.rubric.id), items: result.value.rubric.items.length, warnings: result.value.warnings.length })));
  io.out(terminalLine(rubricIdentityText(c, { ...result.value.rubric, hash: rubricIdentity(result.value.rubric.doc).hash })));
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      case "-v":
      case "--version":
        io.out(`${require("../../package.json").version}\n`);
        return 0;
      case "score":
        return await score(io, rest);
      case "rubrics":
        return await listRubrics(io, rest);
      case "check-rubric":
        return await checkRubric(io, rest);
      case "rubric":
        return await rubricCommand(shell(io), rest);
      case "explain":
        return await explainCommand(shell(io), rest);
      default:
        bilingual(io, "usage", { detail: command });
    }
  } catch (e) {
    if (e instanceof Exit) return e.code;
    // parseArgs rejects unknown options with a TypeError carrying ERR_PARSE_ARGS_* codes.
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (code.startsWith("ERR_PARSE_ARGS")) {
      try {
        bilingual(io, "usage", { detail: (e as Error).message });
      } catch (x) {
        if (x instanceof Exit) return x.code;
      }
    }
    const detail = shown(String(e), 300);
    io.err(terminalLine(`kaohe: ${ZH.cli.internal({ detail })} | ${EN.cli.internal({ detail })}`));
    return 1;
  }
}
